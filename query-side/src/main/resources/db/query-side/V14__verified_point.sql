-- Where the last verification that found everything intact stopped: at a checkpoint, with the Merkle frontier of every
-- event up to it, each stream's tail there, PostgreSQL's next transaction id when it read them (rows written or
-- rewritten since have a newer xmin), and how far into the witness file it read. The next verification goes on from
-- here instead of reading the whole store again. Derived and replaceable (a full verification writes it anew), so it
-- lives with the projections.
create table projection.verified_point (
    id                  smallint    primary key default 1 check (id = 1),
    checkpoint_id       bigint      not null,
    up_to_global_index  bigint      not null,
    event_count         bigint      not null,
    frontier            jsonb       not null,
    snapshot_xmax       bigint      not null,
    witness_offset      bigint,
    witness_digest      varchar(64),
    verified_at         timestamptz not null,
    key_id              varchar(16),
    signature           varchar(200)
);

create table projection.verified_stream (
    aggregate_identifier varchar(255) primary key,
    next_sequence        bigint       not null,
    last_hash            varchar(64)  not null
);
