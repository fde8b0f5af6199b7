-- Harmony schema for SQLite: the catalogue from which the Orleans ADO.NET providers load their SQL at start-up.
-- Written for Harmony against the provider contract (query keys, parameter names, result column names).
-- Idempotent: every statement may run again on every start.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
