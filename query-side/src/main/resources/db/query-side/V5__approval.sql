-- Report approval: drafts until the head of agency approves; corrections of approved reports wait
-- for the coordinator. Existing rows are replayed (tokens forgotten), so no backfill is needed.
alter table projection.indicator_period add column approved boolean not null default false;
alter table projection.indicator_period add column approved_at timestamptz;
alter table projection.indicator_period add column approved_by text;
alter table projection.indicator_period add column pending_correction jsonb;

truncate projection.plan, projection.agency, projection.indicator, projection.indicator_period, projection.task,
    projection.indicator_history, projection.indicator_period_history, projection.task_history, projection.audit_log;
delete from projection.token_entry;
