-- The issuing agency's name as the plan writes it: the owner of rows that name no lead agency.
alter table command_side.plan add column issuer text;

update command_side.plan p
set issuer = convert_from(e.payload, 'UTF8')::jsonb ->> 'issuer'
from event_store.domain_event_entry e
where e.aggregate_identifier = p.plan_id and e.payload_type = 'vn.tiendo.events.plan.PlanRegistered';
