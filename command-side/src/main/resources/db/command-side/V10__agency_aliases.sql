-- Names confirmed for agencies (AgencyAliasRecorded), kept in step with the events in their transaction. A name
-- compared as people write it (no diacritics, case or extra spaces) can mean one agency only: the key refuses a
-- second agency for it, also when two confirmations race.
create table command_side.agency_alias (
    normalized varchar(1000) primary key,
    alias      text          not null,
    agency_id  varchar(255)  not null
);
