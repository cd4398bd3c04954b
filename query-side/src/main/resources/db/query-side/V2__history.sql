-- What was known when: every value reported or corrected and every target set or revised, with the
-- time it was recorded, so that a report can be drawn "as of" any past date.
alter table projection.indicator add column defined_at timestamptz;

create table projection.indicator_value_history (
    indicator_id varchar(255) not null,
    period       varchar(16)  not null,
    period_end   date         not null,
    value        jsonb        not null,
    recorded_at  timestamptz  not null,
    recorded_by  text,
    change       varchar(16)  not null, -- REPORTED or CORRECTED
    reason       text
);
create index indicator_value_history_idx on projection.indicator_value_history (indicator_id, period, recorded_at);

create table projection.indicator_target_history (
    indicator_id varchar(255) not null,
    period       varchar(16)  not null,
    target       jsonb        not null,
    recorded_at  timestamptz  not null,
    reason       text
);
create index indicator_target_history_idx on projection.indicator_target_history (indicator_id, recorded_at);

-- The new tables must hold the whole history: empty the projections and forget the processors'
-- positions, so that they replay every event at start-up.
truncate projection.plan, projection.agency, projection.indicator, projection.indicator_period, projection.task;
delete from projection.token_entry;
