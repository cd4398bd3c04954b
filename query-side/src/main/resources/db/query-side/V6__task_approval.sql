-- Task progress reports are drafts until the head of agency approves them.
alter table projection.task add column last_report_id varchar(255);
alter table projection.task add column last_report_approved boolean not null default false;

truncate projection.plan, projection.agency, projection.indicator, projection.indicator_period, projection.task,
    projection.indicator_history, projection.indicator_period_history, projection.task_history, projection.audit_log;
delete from projection.token_entry;
