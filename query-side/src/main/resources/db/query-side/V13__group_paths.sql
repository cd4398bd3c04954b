-- The headings a plan lists each indicator and task under (IndicatorDefined / TaskAssigned revision 2), outermost
-- first; empty for records defined before headings were kept. History rows written earlier lack the key and are
-- read as empty.
alter table projection.indicator add column group_path jsonb not null default '[]';
alter table projection.task add column group_path jsonb not null default '[]';
