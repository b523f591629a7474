-- Consumers are idempotent on the CloudEvent id (contract 8): an id recorded here is never applied again.
CREATE TABLE processed_events (
    event_id     VARCHAR(200) PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
