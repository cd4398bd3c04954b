-- Plans that cascade (IndicatorLinked / IndicatorUnlinked / RollUpRuleDeclared): the indicator of the plan above that
-- an indicator implements, with its weight there, and the rule that builds an indicator's figure from those that
-- implement it. Kept on the indicator's row, so its history (and every "as of" question) carries them too.
alter table projection.indicator
    add column implements_id        varchar(255),
    add column implements_weight    numeric,
    add column roll_up_rule         varchar(32),
    add column roll_up_weight_label text;
create index indicator_implements on projection.indicator (implements_id) where implements_id is not null;
