-- An indicator's row is updated by every report (its version), a task's by every progress report. With pages packed
-- full, each update writes the new row version on another page and leaves a dead one behind (a million reports left the
-- indicator table 35 times its live size until vacuumed, and its lists ten times slower). Room on each page lets
-- PostgreSQL keep the new version beside the old one (a HOT update, no index change) and prune the old one itself.
alter table projection.indicator set (fillfactor = 50);
alter table projection.task set (fillfactor = 50);
