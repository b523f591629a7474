-- The partner's earnings ledger (contract 7): one row per earnings.credited event. The primary key on the CloudEvent
-- id is what makes a redelivered event count once.
CREATE TABLE earnings_entries (
    event_id    VARCHAR(200) PRIMARY KEY,
    partner_id  TEXT         NOT NULL,
    order_id    TEXT         NOT NULL,
    -- Unconstrained NUMERIC keeps the exact decimal the event carried ("249.50" stays 249.50).
    amount      NUMERIC      NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    credited_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX earnings_entries_partner_currency ON earnings_entries (partner_id, currency);

-- The running total per partner and currency, updated in the same transaction as each ledger insert. Its row lock
-- serialises concurrent credits of one partner (on any replica), so the total after each credit is exact.
CREATE TABLE partner_balances (
    partner_id TEXT         NOT NULL,
    currency   VARCHAR(3)   NOT NULL,
    total      NUMERIC      NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_id, currency)
);

-- What this service knows about an order from laundry.orders.v1: the details order.created gave (for new_order when
-- order.assigned lacks them) and who is assigned now (for location_update).
CREATE TABLE order_views (
    order_id            TEXT        PRIMARY KEY,
    order_number        TEXT,
    customer_id         TEXT,
    pickup_address      TEXT,
    items_count         INTEGER,
    total_amount        NUMERIC,
    currency            VARCHAR(3),
    scheduled_pickup    TIMESTAMPTZ,
    created_at          TIMESTAMPTZ,
    status              VARCHAR(32),
    assigned_partner_id TEXT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_views_assigned_partner ON order_views (assigned_partner_id);
