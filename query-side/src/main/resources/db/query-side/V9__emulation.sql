-- Emulation campaigns and nominations (projections: a rebuild replays them).
create table projection.emulation_campaign (
    campaign_id         varchar(255) primary key,
    title               text         not null,
    source              text,
    period_from         date         not null,
    period_to           date         not null,
    rounds              jsonb        not null,
    targets             jsonb        not null,
    awards              jsonb        not null,
    collective_standard text,
    individual_standard text,
    verifiers           jsonb        not null,
    launched_at         timestamptz  not null
);

create table projection.emulation_nomination (
    nomination_id    varchar(255) primary key,
    campaign_id      varchar(255) not null,
    round_number     int          not null,
    kind             varchar(20)  not null,
    agency_id        varchar(255) not null,
    nominee_name     text,
    nominee_position text,
    proposed_award   text,
    self_assessment  text,
    claims           jsonb        not null,
    nominated_by     text         not null,
    submitted_at     timestamptz  not null,
    status           varchar(30)  not null,
    claim_status     jsonb        not null,
    steps            jsonb        not null,
    award_form       text,
    decision_number  text,
    decided_on       date,
    dossier_sha256   varchar(64),
    version          bigint       not null
);
create index emulation_nomination_round on projection.emulation_nomination (campaign_id, round_number);

-- The dossiers the council froze before deciding: kept beside the checkpoints, never reset by a rebuild. Each row is
-- the canonical bytes served to anyone who asks, and their SHA-256, which the award decision event carries.
create table audit.frozen_dossier (
    sha256        varchar(64)  primary key,
    nomination_id varchar(255) not null,
    frozen_at     timestamptz  not null,
    frozen_by     text         not null,
    content       bytea        not null
);
create index frozen_dossier_nomination on audit.frozen_dossier (nomination_id);
