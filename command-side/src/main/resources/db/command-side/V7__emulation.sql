-- What the emulation commands check before they are sent: a campaign's rounds, target codes, award forms and
-- verifying agencies, and which agency each nomination is about (for scope and conflict-of-interest checks).
create table command_side.campaign_round (
    campaign_id  varchar(255) not null,
    round_number int          not null,
    name         text         not null,
    occasion     text,
    opens_on     date         not null,
    closes_on    date         not null,
    award_date   date         not null,
    primary key (campaign_id, round_number)
);

create table command_side.campaign_code (
    campaign_id varchar(255) not null,
    kind        varchar(20)  not null, -- TARGET, AWARD or VERIFIER
    code        varchar(255) not null,
    primary key (campaign_id, kind, code)
);

create table command_side.nomination (
    nomination_id varchar(255) primary key,
    campaign_id   varchar(255) not null,
    agency_id     varchar(255) not null
);
