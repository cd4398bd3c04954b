-- Axon's deadline manager keeps its deadlines here (db-scheduler's table layout), so that they survive restarts
-- and each runs once however many command-side processes poll it.
create table command_side.scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on command_side.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on command_side.scheduled_tasks (last_heartbeat);

-- Notices to send, written in the same transaction as the event that decided them (one row per recipient), sent
-- by e-mail or to the log by whichever process claims them first.
create table command_side.notification_outbox (
    event_identifier varchar(255) not null,
    recipient        text         not null,
    channel          varchar(16)  not null,
    address          text,
    subject          text         not null,
    body             text         not null,
    created_at       timestamptz  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       text,
    primary key (event_identifier, recipient)
);
create index notification_outbox_pending_idx on command_side.notification_outbox (next_attempt_at) where sent_at is null;
