-- A user's notifications. source_event_id makes consumption idempotent: a redelivered CloudEvent never creates a
-- second notification (contract 5 and 8).
CREATE TABLE notifications (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           VARCHAR(200) NOT NULL,
    title             TEXT         NOT NULL,
    message           TEXT         NOT NULL,
    notification_type VARCHAR(100) NOT NULL,
    data              JSONB        NOT NULL DEFAULT '{}'::jsonb,
    is_read           BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    source_event_id   VARCHAR(200) NOT NULL,
    CONSTRAINT notifications_source_event_unique UNIQUE (source_event_id)
);

-- "the user's newest first" (REST list, resume) and "unread of user" (counts, mark-all-read).
CREATE INDEX notifications_user_newest ON notifications (user_id, id DESC);
CREATE INDEX notifications_user_unread ON notifications (user_id, id) WHERE NOT is_read;
