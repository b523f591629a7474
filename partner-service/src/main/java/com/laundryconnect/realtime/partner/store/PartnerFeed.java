package com.laundryconnect.realtime.partner.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Each partner's feed: the frames pushed to them, in the order a partner's client should see them, numbered by
 * {@code feed_id}. A reconnecting client names the last feed id it saw and gets what came after it.
 */
@ApplicationScoped
public class PartnerFeed {

    /**
     * The batch's partners' writer rows are locked (in partner order, so concurrent batches never deadlock) before
     * any frame takes its id: a frame's partner row is in {@code writers} only once locked. {@code ORDER BY position}
     * is applied before the identity default is evaluated, so the frames take their ids in the order given.
     */
    private static final String APPEND = """
            WITH frames AS (
                SELECT * FROM jsonb_to_recordset(CAST(? AS jsonb)) AS t(position int, partner_id text, frame text)),
            writers AS (
                INSERT INTO partner_feed_writers AS writer (partner_id)
                SELECT DISTINCT partner_id FROM frames ORDER BY partner_id
                ON CONFLICT (partner_id) DO UPDATE SET partner_id = writer.partner_id
                RETURNING partner_id)
            INSERT INTO partner_feed (partner_id, frame)
            SELECT frames.partner_id, frames.frame FROM frames JOIN writers USING (partner_id) ORDER BY frames.position
            RETURNING feed_id""";

    private static final String START = """
            SELECT (SELECT COALESCE(max(feed_id), 0) FROM partner_feed WHERE partner_id = :partnerId),
                   EXISTS (SELECT 1 FROM partner_feed WHERE feed_id = :since AND partner_id = :partnerId)""";

    /** The newest {@code max} frames after the given one, returned oldest first. */
    private static final String AFTER = """
            SELECT feed_id, frame FROM (
                SELECT feed_id, frame FROM partner_feed WHERE partner_id = :partnerId AND feed_id > :after
                ORDER BY feed_id DESC LIMIT :max) newest
            ORDER BY feed_id""";

    /**
     * The oldest feed id still within retention. Ids grow with time, so this reads only the expired rows (from the
     * start of the primary key) and the first one after them.
     */
    private static final String FIRST_RETAINED = """
            SELECT COALESCE(
                (SELECT min(feed_id) FROM partner_feed WHERE created_at >= :cutoff),
                (SELECT max(feed_id) + 1 FROM partner_feed),
                0)""";

    /** A frame that became visible during the sweep with an id below the boundary is young: its age keeps it. */
    private static final String DELETE_RANGE = """
            DELETE FROM partner_feed WHERE feed_id >= :from AND feed_id < :to AND created_at < :cutoff""";

    private final EntityManager entityManager;
    private final JsonBatchStatements statements;

    public PartnerFeed(EntityManager entityManager, JsonBatchStatements statements) {
        this.entityManager = entityManager;
        this.statements = statements;
    }

    /** A frame for a partner's feed: its JSON without the feed id. */
    public record Entry(String partnerId, String frame) {
    }

    /** A frame read back from a feed. */
    public record StoredFrame(long feedId, String frame) {
    }

    /**
     * Appends a batch's frames, in the given order, in one statement of the caller's transaction, and returns their
     * feed ids in the same order. A partner's frames are locked until that transaction ends (see the table's comment).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        JsonArray rows = new JsonArray();
        for (Entry entry : entries) {
            rows.add(new JsonObject().put("position", rows.size()).put("partner_id", entry.partnerId())
                    .put("frame", entry.frame()));
        }
        List<Long> feedIds = new ArrayList<>(statements.query(APPEND, rows.encode(), row -> row.getLong(1)));
        if (feedIds.size() != entries.size()) {
            throw new IllegalStateException("Appended " + feedIds.size() + " of " + entries.size() + " frames");
        }
        feedIds.sort(null);
        return feedIds;
    }

    /**
     * The feed id after which a session of the partner gets the feed's frames: the client's {@code since} when that
     * is 0 (the start of the feed) or one of this partner's frames, else the partner's latest feed id (0 for an empty
     * feed).
     *
     * @param since the last feed id the client saw, or null when it named none
     */
    @Transactional
    public long startAfter(String partnerId, Long since) {
        Object[] row = (Object[]) entityManager.createNativeQuery(START)
                .setParameter("partnerId", partnerId)
                .setParameter("since", since == null ? 0L : since)
                .getSingleResult();
        boolean known = since != null && (since == 0 || (Boolean) row[1]);
        return known ? since : ((Number) row[0]).longValue();
    }

    /** The newest {@code max} frames of the partner's feed after {@code afterFeedId}, oldest first. */
    @Transactional
    public List<StoredFrame> after(String partnerId, long afterFeedId, int max) {
        List<StoredFrame> frames = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery(AFTER)
                .setParameter("partnerId", partnerId)
                .setParameter("after", afterFeedId)
                .setParameter("max", max)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            frames.add(new StoredFrame(((Number) columns[0]).longValue(), (String) columns[1]));
        }
        return frames;
    }

    /**
     * Deletes the frames created before {@code cutoff}, {@code chunk} feed ids per transaction so that a large backlog
     * never holds its locks for long, and returns how many it deleted.
     */
    public long deleteCreatedBefore(Instant cutoff, long chunk) {
        OffsetDateTime cutoffTime = cutoff.atOffset(ZoneOffset.UTC);
        ExpiredIds expired = QuarkusTransaction.requiringNew().call(() -> {
            long firstRetained = ((Number) entityManager.createNativeQuery(FIRST_RETAINED)
                    .setParameter("cutoff", cutoffTime).getSingleResult()).longValue();
            Number oldest = (Number) entityManager.createNativeQuery("SELECT min(feed_id) FROM partner_feed")
                    .getSingleResult();
            return new ExpiredIds(oldest == null ? firstRetained : oldest.longValue(), firstRetained);
        });
        long deleted = 0;
        for (long from = expired.from(); from < expired.until(); from += chunk) {
            long chunkStart = from;
            long chunkEnd = Math.min(from + chunk, expired.until());
            deleted += QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(DELETE_RANGE)
                    .setParameter("from", chunkStart).setParameter("to", chunkEnd).setParameter("cutoff", cutoffTime)
                    .executeUpdate());
        }
        return deleted;
    }

    /** Feed ids from {@code from} (inclusive) to {@code until} (exclusive). */
    private record ExpiredIds(long from, long until) {
    }
}
