-- Events are facts: the event store takes new rows and nothing else. A trigger refuses UPDATE, DELETE and TRUNCATE
-- of stored events, whoever asks (the platform never does either). Someone who owns the table can still disable the
-- trigger first, which is why checkpoints are also signed and copied outside the database (see README, "Against an
-- insider"); the trigger stops mistakes, scripts and roles that do not own the table.
create function event_store.refuse_event_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the event store is append-only: % of stored events is refused', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'record a correction as a new event with its reason';
end;
$$;

create trigger events_are_facts
    before update or delete on event_store.domain_event_entry
    for each row execute function event_store.refuse_event_change();

create trigger events_are_never_truncated
    before truncate on event_store.domain_event_entry
    for each statement execute function event_store.refuse_event_change();
