-- A rebuild without downtime (admin.ProjectionRebuild) replays every event into a second schema, projection_next, while
-- the live schema keeps answering, then swaps the two by renaming them in one transaction. The steps that change
-- schemas are these functions, run with their owner's rights (security definer), so that the query side may log in as
-- a role that owns nothing and still rebuild: that role may run them (afterMigrate.sql) and do nothing else to the
-- schemas. They live in schema audit, beside the record of each rebuild, because the schema they replace cannot hold
-- them.

-- An empty copy of every table of the live schema (columns, defaults, constraints, indexes), for the replay.
create or replace function audit.prepare_projection_rebuild() returns void
    language plpgsql security definer set search_path = pg_catalog as
$$
declare
    t record;
begin
    drop schema if exists projection_next cascade;
    drop schema if exists projection_replaced cascade;
    create schema projection_next;
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'projection' and c.relkind = 'r' order by c.relname
        loop
            execute format('create table projection_next.%I (like projection.%I including all)', t.relname, t.relname);
        end loop;
    -- LIKE leaves out the tables' storage parameters (the fill factor that keeps updated rows on their page, V17)
    for t in select c.relname, array_to_string(c.reloptions, ', ') as options from pg_class c
             join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'projection' and c.relkind = 'r' and c.reloptions is not null
        loop
            execute format('alter table projection_next.%I set (%s)', t.relname, t.options);
        end loop;
    if session_user <> current_user then
        execute format('grant usage on schema projection_next to %I', session_user);
        execute format('grant select, insert, update, delete, truncate on all tables in schema projection_next to %I', session_user);
    end if;
end
$$;

-- The switch: what is not derived from the events is carried over (Flyway's history of the schema, the last verified
-- point), then the rebuilt schema takes the live one's name. Readers see the old tables until this commits and the new
-- ones after; none sees a mixture.
create or replace function audit.switch_to_rebuilt_projections() returns void
    language plpgsql security definer set search_path = pg_catalog as
$$
begin
    lock table projection.verified_point, projection.verified_stream in exclusive mode;
    insert into projection_next.flyway_schema_history select * from projection.flyway_schema_history;
    insert into projection_next.verified_point select * from projection.verified_point;
    insert into projection_next.verified_stream select * from projection.verified_stream;
    alter schema projection rename to projection_replaced;
    alter schema projection_next rename to projection;
end
$$;

-- After the switch, in its own transaction (it waits for the last readers of the old tables to finish).
create or replace function audit.drop_replaced_projections() returns void
    language plpgsql security definer set search_path = pg_catalog as
$$
begin
    drop schema if exists projection_replaced cascade;
end
$$;

-- A rebuild given up (or cut short by a restart) leaves nothing behind.
create or replace function audit.discard_projection_rebuild() returns void
    language plpgsql security definer set search_path = pg_catalog as
$$
begin
    drop schema if exists projection_next cascade;
end
$$;

revoke all on function audit.prepare_projection_rebuild(), audit.switch_to_rebuilt_projections(),
    audit.drop_replaced_projections(), audit.discard_projection_rebuild() from public;
