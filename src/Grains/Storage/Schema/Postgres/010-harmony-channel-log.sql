-- Harmony schema for PostgreSQL: the append-only channel log (same columns and keys as the SQLite version).
-- received_at is Unix time in milliseconds (UTC), so both dialects store the identical value.
CREATE TABLE IF NOT EXISTS harmony_channel_log
(
    channel     text    NOT NULL,
    seq         bigint  NOT NULL,
    id          text    NOT NULL,
    lamport     bigint  NOT NULL,
    author      text    NOT NULL,
    kind        integer NOT NULL,
    envelope    bytea   NOT NULL,
    received_at bigint  NOT NULL,
    CONSTRAINT pk_harmony_channel_log PRIMARY KEY (channel, seq),
    CONSTRAINT ux_harmony_channel_log_id UNIQUE (channel, id)
);
