package com.laundryconnect.realtime.faulttest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Whether every accepted event has reached its owner (the run may stop waiting). */
    synchronized boolean allAcceptedDelivered() {
        return ownersReceipts().stream().map(Receipt::key).collect(Collectors.toSet()).containsAll(accepted);
    }

    private List<Receipt> ownersReceipts() {
        return receipts.stream().filter(receipt -> {
            Sent event = sent.get(receipt.key());
            return event != null && event.owner() == receipt.client();
        }).toList();
    }

    /**
     * The verdict. An event first received on a session established after it was sent came by replay (the resume of
     * contract 5), otherwise live. Lost: accepted and never received by its owner. Duplicated: every receipt of one
     * event by one client after the first. Recovery: from {@code faultMicros} to the end of the longest silence after
     * it (the first receipt after the longest time without any), since a fault takes effect a moment after it is
     * injected; -1 when nothing arrived after the fault, or when the longest silence is the one from the last receipt
     * to the last send (deliveries stopped while publishing went on, and never came back).
     */
    synchronized Tally tally(long faultMicros) {
        Map<String, Receipt> firstByOwner = new HashMap<>();
        Map<String, Integer> receiptsPerClientAndKey = new HashMap<>();
        int misrouted = 0;
        List<Long> receivedAfterFault = new ArrayList<>();
        for (Receipt receipt : receipts) {
            Sent event = sent.get(receipt.key());
            if (event == null || event.owner() != receipt.client()) {
                misrouted++;
                continue;
            }
            receiptsPerClientAndKey.merge(receipt.client() + " " + receipt.key(), 1, Integer::sum);
            firstByOwner.merge(receipt.key(), receipt,
                    (a, b) -> a.receivedMicros() <= b.receivedMicros() ? a : b);
            if (receipt.receivedMicros() >= faultMicros) {
                receivedAfterFault.add(receipt.receivedMicros());
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
        long lastSentMicros = sent.values().stream().mapToLong(Sent::sentMicros).max().orElse(faultMicros);
        long recoveryMillis = endOfLongestSilence(faultMicros, lastSentMicros, receivedAfterFault);
        return new Tally(sent.size(), accepted.size(), firstByOwner.size(), live, replayed, lost, duplicated,
                misrouted, deliveredUnaccepted, recoveryMillis);
    }

    private static long endOfLongestSilence(long faultMicros, long lastSentMicros, List<Long> receivedAfterFault) {
        if (receivedAfterFault.isEmpty()) {
            return -1;
        }
        Collections.sort(receivedAfterFault);
        long previous = faultMicros;
        long longest = -1;
        long end = faultMicros;
        for (long received : receivedAfterFault) {
            if (received - previous > longest) {
                longest = received - previous;
                end = received;
            }
            previous = received;
        }
        if (lastSentMicros - previous > longest) {
            return -1;
        }
        return (end - faultMicros) / 1000;
    }
}
