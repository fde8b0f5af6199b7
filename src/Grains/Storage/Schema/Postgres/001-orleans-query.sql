-- Harmony schema for PostgreSQL: the catalogue from which the Orleans ADO.NET providers load their SQL at start-up.
-- Written for Harmony against the provider contract (query keys, parameter names, result column names).
-- Idempotent: every statement may run again on every start (the installer holds an advisory lock meanwhile).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text NOT NULL,
    QueryText text NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (QueryKey)
);
