-- What administrators did to the projections (retry parked events, evict them, rebuild): who, when, why, on what.
-- Add-only for the query side's role, like the other audit records.
create table audit.admin_action (
    action_id   bigserial    primary key,
    action      varchar(32)  not null,
    projection  varchar(64),
    aggregate_id varchar(255),
    event_ids   text,
    detail      text,
    reason      text,
    actor       varchar(255) not null,
    acted_at    timestamptz  not null
);
