package com.laundryconnect.realtime.partner.push;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.laundryconnect.realtime.partner.store.PartnerFeed;
import com.laundryconnect.realtime.session.ws.BestEffortPush;
import com.laundryconnect.realtime.session.ws.Deliveries;

/**
 * Pushes to every open {@code /ws/partner/} session of a partner, on whichever replica holds it. A batch's frames are
 * stored in the partners' feeds in the batch's transaction ({@link #record}), which numbers them, and sent in one
 * fan-out once it committed ({@link #send}).
 */
@ApplicationScoped
public class PartnerPush {

    public static final String ENDPOINT = "partner";

    private final BestEffortPush push;
    private final PartnerFeed feed;
    private final ObjectMapper json;

    public PartnerPush(BestEffortPush push, PartnerFeed feed, ObjectMapper json) {
        this.push = push;
        this.feed = feed;
        this.json = json;
    }

    public static String routingKey(String partnerId) {
        return "partner:" + partnerId;
    }

    /**
     * Appends the frames to their partners' feeds in one statement of the caller's transaction (the one applying the
     * batch, so a frame is stored exactly when its event is) and returns them with their feed ids, in order per
     * partner, to {@link #send} once that transaction committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deliveries record(PartnerFrames frames) {
        List<PartnerFrames.Pending> pending = frames.pending();
        Deliveries deliveries = new Deliveries();
        if (pending.isEmpty()) {
            return deliveries;
        }
        List<Long> feedIds = feed.append(pending.stream()
                .map(frame -> new PartnerFeed.Entry(frame.partnerId(), serialise(frame.frame())))
                .toList());
        for (int i = 0; i < pending.size(); i++) {
            PartnerFrames.Pending frame = pending.get(i);
            deliveries.add(routingKey(frame.partnerId()), frame.eventTime(),
                    List.of(frame.frame().withFeedId(feedIds.get(i))));
        }
        return deliveries;
    }

    /**
     * Sends a batch's messages in one fan-out. The events are already applied and committed when this runs, so a
     * failed push is logged, not retried: the partner gets the frames by resuming from its feed. Blocking: call from
     * a worker.
     */
    public void send(Deliveries deliveries) {
        push.send(ENDPOINT, deliveries);
    }

    private String serialise(PartnerMessages.FeedFrame frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + frame.getClass().getSimpleName(), e);
        }
    }
}
