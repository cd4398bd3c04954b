-- Who led each agency when: one row per tenure, with the moments it was recorded (as-of reads compare them).
create table projection.agency_head (
    agency_id               varchar(255) not null,
    from_date               date         not null,
    holder                  text         not null,
    position                text         not null,
    acting                  boolean      not null,
    decision_reference      text         not null,
    recorded_at             timestamptz  not null,
    to_date                 date,
    left_decision_reference text,
    left_recorded_at        timestamptz,
    primary key (agency_id, from_date)
);
