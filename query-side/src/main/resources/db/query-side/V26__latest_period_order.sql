-- An indicator's latest reported period is now chosen in a full order (StatusColumns.LATEST_PERIOD_ORDER: the period
-- ending last, of those ending the same day the one reported last): the index follows it, so the choice stays one
-- step down the index instead of a sort of the indicator's reports (sixty over five years of months).
drop index projection.indicator_period_latest_idx;
create index indicator_period_latest_idx on projection.indicator_period (indicator_id, period_end desc, reported_at desc, period);
