-- The chat of each order between its customer and its assigned partner (contract 6, send_message/partner_reply).
-- seq orders the messages of an order, so a reconnecting customer can ask for those after the last one it saw.
CREATE TABLE order_messages (
    message_id   TEXT        PRIMARY KEY,
    seq          BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,
    order_id     TEXT        NOT NULL,
    sender_id    TEXT        NOT NULL,
    sender_role  VARCHAR(16) NOT NULL,
    recipient_id TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX order_messages_by_order ON order_messages (order_id, seq);
