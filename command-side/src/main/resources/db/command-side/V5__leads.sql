-- Who leads each indicator and task now, for the agency-scope checks of officers and heads.
alter table command_side.indicator_code add column lead_agency_id varchar(255);
alter table command_side.task add column lead_agency_id varchar(255);

update command_side.indicator_code c
set lead_agency_id = coalesce(
    (select convert_from(e.payload, 'UTF8')::jsonb ->> 'toAgencyId' from event_store.domain_event_entry e
     where e.aggregate_identifier = c.indicator_id and e.payload_type = 'vn.tiendo.events.indicator.IndicatorReassigned'
     order by e.sequence_number desc limit 1),
    (select convert_from(e.payload, 'UTF8')::jsonb ->> 'leadAgencyId' from event_store.domain_event_entry e
     where e.aggregate_identifier = c.indicator_id and e.sequence_number = 0));

update command_side.task t
set lead_agency_id = coalesce(
    (select convert_from(e.payload, 'UTF8')::jsonb ->> 'toAgencyId' from event_store.domain_event_entry e
     where e.aggregate_identifier = t.task_id and e.payload_type = 'vn.tiendo.events.task.TaskReassigned'
     order by e.sequence_number desc limit 1),
    (select convert_from(e.payload, 'UTF8')::jsonb ->> 'leadAgencyId' from event_store.domain_event_entry e
     where e.aggregate_identifier = t.task_id and e.sequence_number = 0));
