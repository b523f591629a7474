-- The tracking view of each order, projected from laundry.orders.v1 (contract 6 and 11).
-- Every *_event_time is the CloudEvent time of the event that set the fields beside it (null when that event had
-- none); it decides whether a later-arriving event is older than what is stored.
CREATE TABLE order_views (
    order_id            TEXT        PRIMARY KEY,
    order_number        TEXT        NOT NULL,
    customer_id         TEXT        NOT NULL,
    -- Null until a status-bearing event (order.created, order.status_changed) arrives; shown as pending.
    status              VARCHAR(32),
    status_display      TEXT,
    status_event_time   TIMESTAMPTZ,
    partner_id          TEXT,
    partner_name        TEXT,
    assigned_event_time TIMESTAMPTZ,
    eta                 TIMESTAMPTZ,
    eta_event_time      TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL
);
