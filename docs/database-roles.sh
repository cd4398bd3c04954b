#!/bin/sh
# Creates the two logins the services run as, so that neither owns a table (README, "Database roles"):
#   tiendo_command  may read and add events, never change or remove one, nor disable the append-only trigger;
#   tiendo_query    may only read events, writes the projections, only adds audit records.
# The migrations run as the schemas' owner (TIENDO_DB_OWNER) and grant exactly that (db/*/afterMigrate.sql).
# Run once, as a role that may create roles, with the two passwords in the environment:
#   TIENDO_COMMAND_DB_PASSWORD=... TIENDO_QUERY_DB_PASSWORD=... PGUSER=tiendo PGDATABASE=tiendo sh docs/database-roles.sh
# docker-compose.yml runs it when its database is first created (docker-entrypoint-initdb.d).
set -eu
: "${TIENDO_COMMAND_DB_PASSWORD:?set TIENDO_COMMAND_DB_PASSWORD}"
: "${TIENDO_QUERY_DB_PASSWORD:?set TIENDO_QUERY_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "${PGUSER:-${POSTGRES_USER:-postgres}}" --dbname "${PGDATABASE:-${POSTGRES_DB:-postgres}}" \
    -v command_password="$TIENDO_COMMAND_DB_PASSWORD" -v query_password="$TIENDO_QUERY_DB_PASSWORD" <<'SQL'
create role tiendo_command login password :'command_password';
create role tiendo_query login password :'query_password';
SQL
