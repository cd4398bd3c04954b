-- Collective assignees (AgencyGroupDefined, AgencyGroupMembersChanged): the groups the plans assign rows to, their
-- owner and members now; a task that is a member's share of such a row names its group.
create table projection.agency_group (
    group_id        varchar(255) primary key,
    name            text         not null,
    other_names     text[]       not null,
    owner_agency_id varchar(255) not null,
    reason          text,
    defined_at      timestamptz  not null,
    members_since   date
);
create table projection.agency_group_member (
    group_id  varchar(255) not null,
    agency_id varchar(255) not null,
    position  int          not null,
    primary key (group_id, agency_id)
);
create index agency_group_member_agency on projection.agency_group_member (agency_id);
alter table projection.task add column collective_group_id varchar(255);
create index task_collective_group on projection.task (collective_group_id) where collective_group_id is not null;
