-- Axon's JDBC event store in PostgreSQL. Payloads are bytea (never oid: large objects escape
-- VACUUM and pg_dump defaults). Indexes as Axon's tuning guide names them: the global index
-- for streaming processors, (aggregate, sequence) for loading aggregates and for optimistic
-- concurrency, the event identifier for lookups.
create table event_store.domain_event_entry (
    global_index         bigserial    primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_event_identifier_key unique (event_identifier),
    constraint domain_event_entry_aggregate_sequence_key unique (aggregate_identifier, sequence_number)
);

create table event_store.snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number)
);

-- Events are facts: the platform never updates or deletes one. Corrections are new events.
comment on table event_store.domain_event_entry is 'Append-only. Never update or delete rows; corrections are new events.';
