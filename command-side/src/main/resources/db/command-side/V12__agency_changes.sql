-- Agencies that were merged (AgencyMerged) end on their last day; a task completed or cancelled (TaskCompleted,
-- TaskCancelled) is closed: a merger passes on only the open ones. Tasks closed before this migration are found in
-- the events (in Axon Server mode the table is empty and nothing is found here).
alter table command_side.agency add column merged_into varchar(255), add column closed_on date;
alter table command_side.task add column closed boolean not null default false;
update command_side.task t set closed = true
where exists (select 1 from event_store.domain_event_entry e
              where e.aggregate_identifier = t.task_id
                and e.payload_type in ('vn.tiendo.events.task.TaskCompleted', 'vn.tiendo.events.task.TaskCancelled'));
