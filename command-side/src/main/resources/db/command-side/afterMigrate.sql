-- Runs after every migration of the command side (a Flyway callback), so that tables added later are covered too.
-- When the services log in as their own roles (TIENDO_DB_USER) and the migrations run as the schemas' owner
-- (TIENDO_DB_OWNER), the database itself keeps events facts: the command side may read and add events, never change
-- or remove one, nor disable the append-only trigger (only the owner can); the query side may only read them
-- (TIENDO_DB_QUERY_USER names its login here; the query side's own callback grants the same).
-- With one login for everything (the demo's default) this does nothing.
do
$$
declare
    command_user text := '${runtimeuser}';
    query_user   text := '${queryuser}';
begin
    if command_user <> current_user then
        execute format('grant usage on schema event_store, command_side to %I', command_user);
        execute format('revoke all on event_store.domain_event_entry from %I', command_user);
        execute format('grant select, insert on event_store.domain_event_entry to %I', command_user);
        -- Axon replaces an aggregate's older snapshot when it stores a newer one
        execute format('grant select, insert, delete on event_store.snapshot_event_entry to %I', command_user);
        execute format('grant select, insert, update, delete on all tables in schema command_side to %I', command_user);
        execute format('grant usage, select, update on all sequences in schema event_store, command_side to %I', command_user);
    end if;
    if query_user <> '' and query_user <> current_user then
        execute format('grant usage on schema event_store to %I', query_user);
        execute format('revoke all on event_store.domain_event_entry from %I', query_user);
        execute format('grant select on event_store.domain_event_entry to %I', query_user);
    end if;
end
$$;
