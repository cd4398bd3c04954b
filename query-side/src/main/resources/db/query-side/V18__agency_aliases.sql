-- Names confirmed for agencies (AgencyAliasRecorded): the agency list and page show what else an agency is called.
create table projection.agency_alias (
    agency_id   varchar(255) not null,
    alias       text         not null,
    recorded_at timestamptz  not null,
    primary key (agency_id, alias)
);
