-- What the platform showed when: a snapshot of each projection row after every event that changed
-- it, stamped with the event's recorded time and version. "As of T" reads the last snapshot of each
-- row recorded by T, through the same queries as "now".
alter table projection.indicator add column defined_at timestamptz;

create table projection.indicator_history (
    indicator_id varchar(255) not null,
    recorded_at  timestamptz  not null,
    version      bigint       not null,
    state        jsonb        not null,
    primary key (indicator_id, version)
);
create index indicator_history_at_idx on projection.indicator_history (recorded_at);

create table projection.indicator_period_history (
    indicator_id varchar(255) not null,
    period       varchar(16)  not null,
    recorded_at  timestamptz  not null,
    version      bigint       not null,
    state        jsonb        not null,
    primary key (indicator_id, period, version)
);
create index indicator_period_history_at_idx on projection.indicator_period_history (recorded_at);

create table projection.task_history (
    task_id     varchar(255) not null,
    recorded_at timestamptz  not null,
    version     bigint       not null,
    state       jsonb        not null,
    primary key (task_id, version)
);
create index task_history_at_idx on projection.task_history (recorded_at);

-- The new tables must hold the whole history: empty the projections and forget the processors'
-- positions, so that they replay every event at start-up.
truncate projection.plan, projection.agency, projection.indicator, projection.indicator_period, projection.task;
delete from projection.token_entry;
