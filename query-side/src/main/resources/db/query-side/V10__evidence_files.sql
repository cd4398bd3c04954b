-- Evidence files uploaded through the web pages: kept by their SHA-256 (the evidence reference in the event names
-- it), beside the checkpoints and frozen dossiers, never reset by a rebuild.
create table audit.evidence_file (
    sha256       varchar(64)  primary key,
    file_name    text         not null,
    content_type text         not null,
    size_bytes   bigint       not null,
    content      bytea        not null,
    uploaded_by  text         not null,
    uploaded_at  timestamptz  not null
);
