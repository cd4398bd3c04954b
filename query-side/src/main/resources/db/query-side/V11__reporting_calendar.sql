-- The plans' reporting duties (chế độ báo cáo) and the periodic reports sent under them: what was due, and when it came.
create table projection.reporting_obligation (
    plan_id             varchar(255) not null,
    obligation_id       varchar(255) not null,
    reporter_agency_id  varchar(255),            -- null: every agency leading an indicator or task of the plan
    recipient_agency_id varchar(255) not null,
    cycle               varchar(20)  not null,
    due_day             int          not null,
    due_month_offset    int          not null,
    as_written          text         not null,
    declared_at         timestamptz  not null,
    withdrawn_at        timestamptz,
    withdrawal_reason   text,
    primary key (plan_id, obligation_id)
);

create table projection.periodic_report (
    plan_id        varchar(255) not null,
    obligation_id  varchar(255) not null,
    period         varchar(10)  not null,
    agency_id      varchar(255) not null,
    submitted_at   timestamptz  not null,
    submitted_by   varchar(255),
    note           text,
    evidence       jsonb        not null,
    primary key (plan_id, obligation_id, period, agency_id)
);
