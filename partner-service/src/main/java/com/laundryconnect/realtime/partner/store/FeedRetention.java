package com.laundryconnect.realtime.partner.store;

import java.time.Instant;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.partner.PartnerConfig;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

/**
 * Keeps the partners' feeds bounded: every {@code retention-sweep-interval}, each replica deletes the frames older
 * than {@code retention}. Replicas sweeping at the same time only wait for each other's deletes.
 */
@Startup
@ApplicationScoped
public class FeedRetention {

    private static final Logger LOG = Logger.getLogger(FeedRetention.class);
    private static final long FEED_IDS_PER_TRANSACTION = 10_000;

    private final PartnerFeed feed;
    private final PartnerConfig.Feed config;
    private final Vertx vertx;
    private final long sweepTimer;

    public FeedRetention(PartnerFeed feed, PartnerConfig config, Vertx vertx) {
        this.feed = feed;
        this.config = config.feed();
        this.vertx = vertx;
        this.sweepTimer = vertx.setPeriodic(config.feed().retentionSweepInterval().toMillis(),
                id -> vertx.executeBlocking(this::sweep, false));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweepTimer);
    }

    private long sweep() {
        try {
            long deleted = feed.deleteCreatedBefore(Instant.now().minus(config.retention()), FEED_IDS_PER_TRANSACTION);
            LOG.debugf("Deleted %d feed frames older than %s", deleted, config.retention());
            return deleted;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Deleting feed frames older than %s failed; the next sweep tries again", config.retention());
            return 0;
        }
    }
}
