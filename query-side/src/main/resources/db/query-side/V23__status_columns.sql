-- Each indicator's and task's status as a span (vn.tiendo.query.status.StatusColumns): one status up to a deadline,
-- another after it. The rules read the day only to ask whether a deadline has passed, so lists can filter, page and
-- count by status in SQL instead of assessing every row in the service. V24 fills the rows already here. No index:
-- the columns change with the rows' reports, and an index on them would cost those updates their HOT path (V17).
alter table projection.indicator add column status_by_deadline varchar(20), add column status_deadline date,
    add column status_after_deadline varchar(20);
alter table projection.task add column status_by_deadline varchar(20), add column status_deadline date,
    add column status_after_deadline varchar(20);
