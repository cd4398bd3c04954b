-- Collective assignees (AgencyGroupDefined, AgencyGroupMembersChanged), kept in step with the events in their
-- transaction. A name compared as people write it can mean one group only, and never an agency's name: the key on
-- the normalised name refuses a second group, also when two definitions race.
create table command_side.agency_group (
    group_id        varchar(255) primary key,
    name            text         not null,
    owner_agency_id varchar(255) not null
);
create table command_side.agency_group_name (
    normalized varchar(1000) primary key,
    name       text          not null,
    group_id   varchar(255)  not null references command_side.agency_group (group_id)
);
create table command_side.agency_group_member (
    group_id  varchar(255) not null references command_side.agency_group (group_id),
    agency_id varchar(255) not null,
    position  int          not null,
    primary key (group_id, agency_id)
);

-- The agency monitoring each indicator (IndicatorDefined, IndicatorMonitoringReassigned): a merger passes it on.
-- Indicators defined before this migration take it from their IndicatorDefined event (in Axon Server mode the table
-- is empty and nothing is found here).
alter table command_side.indicator_code add column monitoring_agency_id varchar(255);
update command_side.indicator_code c set monitoring_agency_id = (
    select convert_from(e.payload, 'UTF8')::jsonb ->> 'monitoringAgencyId'
    from event_store.domain_event_entry e
    where e.aggregate_identifier = c.indicator_id and e.payload_type = 'vn.tiendo.events.indicator.IndicatorDefined'
    limit 1);
