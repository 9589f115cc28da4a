-- Runs once, when the postgres container starts on an empty data volume, as POSTGRES_USER (the services' user),
-- who therefore owns both databases. Flyway in each service creates the tables.
CREATE DATABASE supplyline_command;
CREATE DATABASE supplyline_query;
