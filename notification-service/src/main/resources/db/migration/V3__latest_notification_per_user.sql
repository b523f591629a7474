-- Each user's newest notification id, kept with the unread counter in the same statement, so that
-- connection_established can tell a client where to resume from (`last_notification_id`) at the cost of the one row
-- it already reads. Users whose notifications are all read had no counter row until now.
ALTER TABLE unread_counters ADD COLUMN latest_id BIGINT NOT NULL DEFAULT 0;

INSERT INTO unread_counters (user_id, unread, latest_id)
SELECT user_id, 0, max(id) FROM notifications GROUP BY user_id
ON CONFLICT (user_id) DO UPDATE SET latest_id = EXCLUDED.latest_id;
