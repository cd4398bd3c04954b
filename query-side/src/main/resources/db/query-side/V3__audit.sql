-- Checkpoints of the event store: Merkle roots over every event hash up to a point, to publish
-- outside the platform. Not a projection: never cleared by a rebuild.
create schema if not exists audit;

create table audit.checkpoint (
    checkpoint_id      bigserial   primary key,
    up_to_global_index bigint      not null,
    event_count        bigint      not null,
    merkle_root        varchar(64) not null,
    created_at         timestamptz not null
);
