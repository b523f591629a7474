-- The event time of the status and of the assignment an order view holds, so that a late, older order.status_changed
-- or order.assigned neither moves the status back nor re-assigns the order (shared-events' EventOrder).
ALTER TABLE order_views ADD COLUMN status_event_time TIMESTAMPTZ;
ALTER TABLE order_views ADD COLUMN assigned_event_time TIMESTAMPTZ;
