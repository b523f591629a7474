-- Each user's unread count, kept in the same transaction as every insert and every mark-read, so reading it costs one
-- row however many notifications the user has (issue 10). Counter rows are locked in user order by the batch insert.
CREATE TABLE unread_counters (
    user_id VARCHAR(200) PRIMARY KEY,
    unread  BIGINT       NOT NULL CHECK (unread >= 0)
);

INSERT INTO unread_counters (user_id, unread)
SELECT user_id, count(*) FROM notifications WHERE NOT is_read GROUP BY user_id;
