-- What each partner was pushed on /ws/partner/ (new_order, earnings_update, customer_message), so that a partner
-- reconnecting with ?since=<feed_id> gets the frames it missed. Rows are written in the transaction of the batch of
-- events that produced them, and deleted once older than REALTIME_PARTNER_FEED_RETENTION.
CREATE TABLE partner_feed (
    feed_id    BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id TEXT        NOT NULL,
    -- The frame's JSON as it was pushed, less its feed_id (which is this row's).
    frame      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX partner_feed_partner ON partner_feed (partner_id, feed_id);

-- One row per partner that ever had a frame. A batch locks its partners' rows before it takes feed ids and keeps the
-- locks until it commits, so one partner's feed ids grow in commit order on every replica and consumer: a client
-- that has seen feed id N never misses a frame committed later with an id below N.
CREATE TABLE partner_feed_writers (
    partner_id TEXT PRIMARY KEY
);
