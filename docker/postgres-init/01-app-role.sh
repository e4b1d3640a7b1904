#!/bin/bash
# Runs once, when the official postgres image initialises an empty volume.
# Creates the login role the API connects as (DATABASE_URL): it owns no table and
# can neither bypass row-level security nor become superuser. Tables, policies and
# grants come from the migrations, which run as POSTGRES_USER (DATABASE_MIGRATION_URL).
set -euo pipefail
: "${POSTGRES_APP_PASSWORD:?POSTGRES_APP_PASSWORD must be set for the wissensnetz_app role}"

psql -v ON_ERROR_STOP=1 \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$POSTGRES_APP_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE wissensnetz_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
  PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"db" TO wissensnetz_app;
GRANT USAGE ON SCHEMA public TO wissensnetz_app;
SQL
