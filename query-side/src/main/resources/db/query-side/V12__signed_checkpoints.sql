-- Checkpoints signed with a key the database never holds (Ed25519), each naming the root it extends and the digest
-- of the events it adds (as copied to the witness file outside the database).
alter table audit.checkpoint add column previous_root text;
alter table audit.checkpoint add column events_digest text;
alter table audit.checkpoint add column key_id text;
alter table audit.checkpoint add column signature text;
