-- Who led each indicator from when: a row for its definition and one for each reassignment. The reporting calendar
-- attributes each month's report to the agency leading on its due date; read from the indicator's history (a row
-- per report) that took seconds for a province's ranking, read from here it takes a row or two per indicator.
create table projection.indicator_lead (
    indicator_id   varchar(255) not null,
    version        bigint       not null,
    recorded_at    timestamptz  not null,
    lead_agency_id varchar(255) not null,
    primary key (indicator_id, version)
);

insert into projection.indicator_lead (indicator_id, version, recorded_at, lead_agency_id)
select indicator_id, version, recorded_at, lead
from (select indicator_id, version, recorded_at, state ->> 'lead_agency_id' as lead,
             lag(state ->> 'lead_agency_id') over (partition by indicator_id order by version) as before,
             row_number() over (partition by indicator_id order by version) as n
      from projection.indicator_history) h
where lead is not null and (n = 1 or lead is distinct from before);
