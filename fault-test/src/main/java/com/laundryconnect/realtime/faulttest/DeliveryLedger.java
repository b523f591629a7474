package com.laundryconnect.realtime.faulttest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one fault run sent and what its clients received, and the verdict drawn from it. Every published event has a
 * key (carried back in the frame the user receives) and an owner, the client of the user it is for. Events are
 * recorded when sent, marked accepted when the publish API answered 202 with their id, and every frame a client
 * receives is recorded with the time its session was established; the counting happens once, in {@link #tally}, so
 * a frame that overtakes its own 202 is counted like any other. Thread-safe.
 */
final class DeliveryLedger {

    /** What one run comes to. A fault passes only with nothing lost and nothing duplicated. */
    record Tally(int sent, int accepted, int delivered, int deliveredLive, int replayed, int lost, int duplicated,
                 int misrouted, int deliveredUnaccepted, long recoveryMillis) {

        boolean passed() {
            return lost == 0 && duplicated == 0 && misrouted == 0;
        }
    }

    private record Sent(int owner, long sentMicros) {
    }

    private record Receipt(int client, String key, long receivedMicros, long sessionEstablishedMicros) {
    }

    private final Map<String, Sent> sent = new HashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final List<Receipt> receipts = new ArrayList<>();

    synchronized void sent(String key, int owner, long sentMicros) {
        sent.put(key, new Sent(owner, sentMicros));
    }

    synchronized void accepted(String key) {
        accepted.add(key);
    }

    /** A frame carrying {@code key} reached {@code client} on a session established at {@code sessionEstablishedMicros}. */
    synchronized void received(int client, String key, long receivedMicros, long sessionEstablishedMicros) {
        receipts.add(new Receipt(client, key, receivedMicros, sessionEstablishedMicros));
    }

    /** How many clients have received at least one of their own events (so have something to resume after). */
    synchronized int clientsReached() {
        Set<Integer> reached = new HashSet<>();
        for (Receipt receipt : receipts) {
            Sent event = sent.get(receipt.key());
            if (event != null && event.owner() == receipt.client()) {
                reached.add(receipt.client());
            }
        }
        return reached.size();
    }

    /** Whether every accepted event has reached its owner (the run may stop waiting). */
    synchronized boolean allAcceptedDelivered() {
        Set<String> delivered = new HashSet<>();
        for (Receipt receipt : receipts) {
            Sent event = sent.get(receipt.key());
            if (event != null && event.owner() == receipt.client()) {
                delivered.add(receipt.key());
            }
        }
        return delivered.containsAll(accepted);
    }

    /**
     * The verdict. An event first received on a session established after it was sent came by replay (the resume of
     * contract 5), otherwise live. Lost: accepted and never received by its owner. Duplicated: every receipt of one
     * event by one client after the first. Recovery: from {@code faultMicros} to the first receipt of an event sent
     * after it; -1 when none arrived.
     */
    synchronized Tally tally(long faultMicros) {
        Map<String, Receipt> firstByOwner = new HashMap<>();
        Map<String, Integer> receiptsPerClientAndKey = new HashMap<>();
        int misrouted = 0;
        long firstAfterFault = Long.MAX_VALUE;
        for (Receipt receipt : receipts) {
            Sent event = sent.get(receipt.key());
            if (event == null || event.owner() != receipt.client()) {
                misrouted++;
                continue;
            }
            receiptsPerClientAndKey.merge(receipt.client() + " " + receipt.key(), 1, Integer::sum);
            firstByOwner.merge(receipt.key(), receipt,
                    (a, b) -> a.receivedMicros() <= b.receivedMicros() ? a : b);
            if (event.sentMicros() >= faultMicros) {
                firstAfterFault = Math.min(firstAfterFault, receipt.receivedMicros());
            }
        }
        int duplicated = receiptsPerClientAndKey.values().stream().mapToInt(count -> count - 1).sum();
        int live = 0;
        int replayed = 0;
        int deliveredUnaccepted = 0;
        for (Receipt first : firstByOwner.values()) {
            if (!accepted.contains(first.key())) {
                deliveredUnaccepted++;
            }
            if (first.sessionEstablishedMicros() > sent.get(first.key()).sentMicros()) {
                replayed++;
            } else {
                live++;
            }
        }
        int lost = (int) accepted.stream().filter(key -> !firstByOwner.containsKey(key)).count();
        long recoveryMillis = firstAfterFault == Long.MAX_VALUE ? -1 : (firstAfterFault - faultMicros) / 1000;
        return new Tally(sent.size(), accepted.size(), firstByOwner.size(), live, replayed, lost, duplicated,
                misrouted, deliveredUnaccepted, recoveryMillis);
    }
}
