-- One row per event, for the auditors' log: who, for whom, why, which period, when recorded.
create table projection.audit_log (
    global_index     bigint       primary key,
    event_identifier varchar(255) not null,
    aggregate_id     varchar(255) not null,
    aggregate_type   varchar(32)  not null,
    sequence_number  bigint       not null,
    event_type       varchar(64)  not null,
    actor            text,
    on_behalf_of     text,
    reason           text,
    period           varchar(16),
    request_id       text,
    import_file      text,
    recorded_at      timestamptz  not null
);
create index audit_log_aggregate_idx on projection.audit_log (aggregate_id, sequence_number);
create index audit_log_actor_idx on projection.audit_log (actor, recorded_at);
create index audit_log_agency_idx on projection.audit_log (on_behalf_of, recorded_at);
create index audit_log_type_idx on projection.audit_log (event_type, recorded_at);
create index audit_log_recorded_idx on projection.audit_log (recorded_at);
