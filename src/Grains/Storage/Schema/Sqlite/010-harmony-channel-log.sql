-- Harmony schema for SQLite: the append-only channel log (same columns and keys as the PostgreSQL version).
-- received_at is Unix time in milliseconds (UTC), so both dialects store the identical value.
CREATE TABLE IF NOT EXISTS harmony_channel_log
(
    channel     TEXT    NOT NULL,
    seq         BIGINT  NOT NULL,
    id          TEXT    NOT NULL,
    lamport     BIGINT  NOT NULL,
    author      TEXT    NOT NULL,
    kind        INTEGER NOT NULL,
    envelope    BLOB    NOT NULL,
    received_at BIGINT  NOT NULL,
    CONSTRAINT pk_harmony_channel_log PRIMARY KEY (channel, seq),
    CONSTRAINT ux_harmony_channel_log_id UNIQUE (channel, id)
);
