-- Links with dates (IndicatorLinked / IndicatorUnlinked revision 2): an indicator counts in the roll-up of the one it
-- implements for the periods ending on or after the link's date, until the periods ending on or after its unlink's
-- date; without dates, for every period (as before). Each link is a span, recorded when it was made and ended, so a
-- roll-up reads the links in force for its period as they were recorded at any moment.
create table projection.indicator_link_span (
    indicator_id   varchar(255) not null,
    version        bigint       not null,
    implements_id  varchar(255) not null,
    weight         numeric,
    effective_from date,
    linked_at      timestamptz  not null,
    effective_to   date,
    unlinked_at    timestamptz,
    primary key (indicator_id, version)
);
create index indicator_link_span_implements on projection.indicator_link_span (implements_id);

-- the links made before, from the indicators' history: each span starts where an indicator came to implement
-- another and ends where it stopped (an unlink, for every period)
insert into projection.indicator_link_span (indicator_id, version, implements_id, weight, effective_from, linked_at, effective_to, unlinked_at)
select x.indicator_id, x.version, x.implements_id, x.weight, null, x.recorded_at, null,
       (select min(h2.recorded_at) from projection.indicator_history h2
        where h2.indicator_id = x.indicator_id and h2.version > x.version
          and (h2.state ->> 'implements_id') is distinct from x.implements_id)
from (select h.indicator_id, h.version, h.recorded_at, h.state ->> 'implements_id' as implements_id,
             (h.state ->> 'implements_weight')::numeric as weight,
             lag(h.state ->> 'implements_id') over (partition by h.indicator_id order by h.version) as before
      from projection.indicator_history h) x
where x.implements_id is not null and x.implements_id is distinct from x.before;
