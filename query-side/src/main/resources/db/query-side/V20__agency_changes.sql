-- Agencies change (AgencyRenamed, AgencyMoved, AgencyMerged), each from a date and by a decision: the agency row says
-- what holds now, agency_change what it was before and since when, for the agency page and auditors.
alter table projection.agency add column merged_into varchar(255), add column closed_on date;
create table projection.agency_change (
    agency_id          varchar(255) not null,
    version            bigint       not null,
    change             varchar(16)  not null,
    before_value       text,
    after_value        text,
    effective_date     date         not null,
    decision_reference text,
    recorded_at        timestamptz  not null,
    primary key (agency_id, version)
);
