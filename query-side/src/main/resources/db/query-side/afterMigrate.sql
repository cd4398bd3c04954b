-- Runs after every migration of the query side (a Flyway callback), so that tables added later are covered too.
-- When the query side logs in as its own role (TIENDO_DB_USER) and the migrations run as the schemas' owner
-- (TIENDO_DB_OWNER), that role owns nothing: it reads and writes the projections (which a rebuild empties), only adds
-- to the audit records (checkpoints, frozen dossiers, evidence files: never changed once written) and only reads the
-- event store. With one login for everything (the demo's default) this does nothing.
do
$$
declare
    query_user text := '${runtimeuser}';
begin
    if query_user <> current_user then
        execute format('grant usage on schema projection, audit to %I', query_user);
        execute format('grant select, insert, update, delete, truncate on all tables in schema projection to %I', query_user);
        execute format('revoke all on all tables in schema audit from %I', query_user);
        execute format('grant select, insert on all tables in schema audit to %I', query_user);
        execute format('grant usage, select, update on all sequences in schema projection, audit to %I', query_user);
        -- a rebuild's schema changes, and nothing else of the kind (V16)
        execute format('grant execute on function audit.prepare_projection_rebuild(), audit.switch_to_rebuilt_projections(), '
                           'audit.drop_replaced_projections(), audit.discard_projection_rebuild() to %I', query_user);
        -- the command side may not have created the event store yet; its own callback then grants this
        if to_regclass('event_store.domain_event_entry') is not null then
            execute format('grant usage on schema event_store to %I', query_user);
            execute format('revoke all on event_store.domain_event_entry from %I', query_user);
            execute format('grant select on event_store.domain_event_entry to %I', query_user);
        end if;
    end if;
end
$$;
