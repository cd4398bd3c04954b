-- An Idempotency-Key is the sender's own: another user sending the same key makes a request of their own (before,
-- keys were global and that user got an error about someone else's request).
alter table command_side.idempotency_key add column actor varchar(255) not null default '';

-- the keys stored so far belong to whoever sent the events that carry them, so their retries are still answered
update command_side.idempotency_key k
set actor = e.actor
from (select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' as idempotency_key,
                      convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor
      from event_store.domain_event_entry
      where convert_from(meta_data, 'UTF8')::jsonb ? 'idempotencyKey') e
where e.idempotency_key = k.idempotency_key and e.actor is not null;

alter table command_side.idempotency_key drop constraint idempotency_key_pkey;
alter table command_side.idempotency_key add primary key (actor, idempotency_key);
