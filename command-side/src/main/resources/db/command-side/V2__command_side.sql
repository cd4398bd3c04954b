-- Lookups the command side keeps in step with its own events (same transaction), for the
-- checks that span aggregates: does this agency or plan exist, is this indicator code taken.
create table command_side.agency (
    agency_id        varchar(255) primary key,
    name             text         not null,
    kind             varchar(32)  not null,
    parent_agency_id varchar(255)
);

create table command_side.plan (
    plan_id      varchar(255) primary key,
    period_start date         not null,
    period_end   date         not null
);

create table command_side.indicator_code (
    plan_id      varchar(255) not null,
    code         varchar(255) not null,
    indicator_id varchar(255) not null unique,
    primary key (plan_id, code)
);

-- The answer given to each Idempotency-Key, written in the transaction that appends the events,
-- so that a retried request gets the same answer and no second event.
create table command_side.idempotency_key (
    idempotency_key varchar(255) primary key,
    request_hash    varchar(64)  not null,
    response_status integer      not null,
    response_body   text         not null,
    created_at      timestamptz  not null default now()
);
