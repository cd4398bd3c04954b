-- The query side's own schema: the positions of its streaming processors and the projections
-- they build from the event store. Everything here can be rebuilt from the events.

create table projection.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table projection.plan (
    plan_id         varchar(255) primary key,
    document_number text         not null,
    issued_on       date,
    issuer          text         not null,
    title           text         not null,
    period_start    date         not null,
    period_end      date         not null,
    registered_at   timestamptz  not null
);

create table projection.agency (
    agency_id        varchar(255) primary key,
    name             text         not null,
    kind             varchar(32)  not null,
    parent_agency_id varchar(255),
    registered_at    timestamptz  not null
);
create index agency_parent_idx on projection.agency (parent_agency_id);

-- One row per indicator: its definition as it stands now (targets after revisions, lead after reassignments).
create table projection.indicator (
    indicator_id         varchar(255) primary key,
    plan_id              varchar(255) not null,
    code                 varchar(255) not null,
    name                 text         not null,
    unit                 text,
    measure              jsonb        not null,
    direction            varchar(16)  not null,
    baseline             jsonb,
    baseline_as_written  text,
    targets              jsonb        not null,
    lead_agency_id       varchar(255) not null,
    monitoring_agency_id varchar(255) not null,
    plan_start           date         not null,
    plan_end             date         not null,
    version              bigint       not null,
    updated_at           timestamptz  not null
);
create index indicator_plan_idx on projection.indicator (plan_id, code);
create index indicator_lead_idx on projection.indicator (lead_agency_id);

-- The time series: one row per indicator and reported period, with who reported it and whether it was corrected.
create table projection.indicator_period (
    indicator_id           varchar(255) not null,
    period                 varchar(16)  not null,
    period_end             date         not null,
    report_id              varchar(255) not null,
    value                  jsonb        not null,
    note                   text,
    evidence               jsonb        not null,
    reported_at            timestamptz  not null,
    reported_by            text,
    reported_for           text,
    correction_count       integer      not null default 0,
    last_corrected_at      timestamptz,
    last_corrected_by      text,
    last_correction_reason text,
    primary key (indicator_id, period)
);
create index indicator_period_latest_idx on projection.indicator_period (indicator_id, period_end desc);

create table projection.task (
    task_id                 varchar(255) primary key,
    plan_id                 varchar(255) not null,
    content                 text         not null,
    lead_agency_id          varchar(255) not null,
    coordinating_agency_ids jsonb        not null,
    due_date                date,
    recurrence              varchar(16)  not null,
    deadline_as_written     text,
    expected_product        text,
    percent_complete        integer      not null default 0,
    last_reported_period    varchar(16),
    last_reported_at        timestamptz,
    last_reported_by        text,
    completed_on            date,
    product                 text,
    cancelled               boolean      not null default false,
    cancel_reason           text,
    version                 bigint       not null,
    updated_at              timestamptz  not null
);
create index task_plan_idx on projection.task (plan_id);
create index task_lead_idx on projection.task (lead_agency_id);
