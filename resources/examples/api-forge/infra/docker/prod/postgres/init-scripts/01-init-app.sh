#!/bin/bash
# Creates the application's roles and database on first start (docker-entrypoint-initdb.d).
# Three-role pattern: appowner owns everything and cannot log in; appuser runs the app;
# backupuser only reads (backups, reporting). Passwords come from Docker secrets.
set -euo pipefail

POSTGRES_APP_USER_PW="$(cat /run/secrets/postgres_app_user_pw)"
POSTGRES_APP_RO_PW="$(cat /run/secrets/postgres_app_ro_pw)"
POSTGRES_TEMPORAL_PW="$(cat /run/secrets/postgres_temporal_pw)"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<-EOSQL
	CREATE ROLE ${APP_DB_OWNER:-appowner} NOLOGIN;
	CREATE ROLE ${APP_DB_USER:-appuser} LOGIN PASSWORD '${POSTGRES_APP_USER_PW}';
	CREATE ROLE ${APP_DB_RO_USER:-backupuser} LOGIN PASSWORD '${POSTGRES_APP_RO_PW}';

	CREATE DATABASE ${APP_DB:-appdb} OWNER ${APP_DB_OWNER:-appowner};

	\connect ${APP_DB:-appdb}
	CREATE SCHEMA app AUTHORIZATION ${APP_DB_OWNER:-appowner};

	GRANT USAGE ON SCHEMA app TO ${APP_DB_USER:-appuser};
	GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA app TO ${APP_DB_USER:-appuser};
	GRANT SELECT ON ALL TABLES IN SCHEMA app TO ${APP_DB_RO_USER:-backupuser};

	-- Temporal owner (NOLOGIN)
	CREATE ROLE temporaluser_owner NOLOGIN;

	-- Temporal runtime user (LOGIN)
	CREATE ROLE temporaluser LOGIN PASSWORD '${POSTGRES_TEMPORAL_PW}';

	-- Temporal databases
	CREATE DATABASE temporal OWNER temporaluser_owner;
	CREATE DATABASE temporal_visibility OWNER temporaluser_owner;

	-- Grant permissions
	\connect temporal
	GRANT USAGE, CREATE ON SCHEMA public TO temporaluser;
	GRANT ALL ON ALL TABLES IN SCHEMA public TO temporaluser;
EOSQL
