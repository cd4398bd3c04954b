-- Tasks by id, so that a re-imported plan finds the tasks it created before.
create table command_side.task (
    task_id varchar(255) primary key,
    plan_id varchar(255) not null
);

-- Tasks assigned before this table existed, read from their events.
insert into command_side.task (task_id, plan_id)
select aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'planId'
from event_store.domain_event_entry
where payload_type = 'vn.tiendo.events.task.TaskAssigned';
