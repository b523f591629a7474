package com.laundryconnect.realtime.faulttest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private static final int ALICE = 0;
    private static final int BOB = 1;
    private static final long SESSION_OPENED = 1_000;
    private static final long FAULT = 10_000_000;

    private final DeliveryLedger ledger = new DeliveryLedger();

    @Test
    void everyAcceptedEventReceivedOnceByItsUserPasses() {
        sendAndAccept("e1", ALICE, 2_000);
        sendAndAccept("e2", BOB, 3_000);
        ledger.received(ALICE, "e1", 5_000, SESSION_OPENED);
        ledger.received(BOB, "e2", 6_000, SESSION_OPENED);

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(2, tally.accepted());
        assertEquals(2, tally.delivered());
        assertEquals(2, tally.deliveredLive());
        assertEquals(0, tally.lost());
        assertEquals(0, tally.duplicated());
        assertTrue(tally.passed());
        assertTrue(ledger.allAcceptedDelivered());
    }

    @Test
    void anAcceptedEventThatNeverArrivesIsLostAndFails() {
        sendAndAccept("e1", ALICE, 2_000);
        sendAndAccept("e2", ALICE, 3_000);
        ledger.received(ALICE, "e1", 5_000, SESSION_OPENED);

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(1, tally.lost());
        assertFalse(tally.passed());
        assertFalse(ledger.allAcceptedDelivered());
    }

    @Test
    void anEventReceivedTwiceByOneClientCountsOneDuplicateAndFails() {
        sendAndAccept("e1", ALICE, 2_000);
        ledger.received(ALICE, "e1", 5_000, SESSION_OPENED);
        ledger.received(ALICE, "e1", 9_000, 8_000);

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(1, tally.delivered());
        assertEquals(0, tally.lost());
        assertEquals(1, tally.duplicated());
        assertFalse(tally.passed());
    }

    @Test
    void anEventReceivedByAnotherUserIsMisroutedAndStillLostForItsOwner() {
        sendAndAccept("e1", ALICE, 2_000);
        ledger.received(BOB, "e1", 5_000, SESSION_OPENED);

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(1, tally.misrouted());
        assertEquals(1, tally.lost());
        assertFalse(tally.passed());
    }

    @Test
    void anEventFirstReceivedOnASessionOpenedAfterItWasSentCameByReplay() {
        sendAndAccept("e1", ALICE, 2_000);
        sendAndAccept("e2", ALICE, 20_000);
        ledger.received(ALICE, "e1", 30_000, 25_000);
        ledger.received(ALICE, "e2", 31_000, SESSION_OPENED);

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(1, tally.replayed());
        assertEquals(1, tally.deliveredLive());
        assertEquals(0, tally.lost());
    }

    @Test
    void aFrameThatOvertakesItsOwn202IsCountedAsDelivered() {
        ledger.sent("e1", ALICE, 2_000);
        ledger.received(ALICE, "e1", 3_000, SESSION_OPENED);
        ledger.accepted("e1");

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(1, tally.delivered());
        assertEquals(0, tally.lost());
        assertEquals(0, tally.deliveredUnaccepted());
    }

    @Test
    void anEventWhosePublishWasRefusedIsNotLostButCountedWhenItArrivesAnyway() {
        ledger.sent("refused-and-gone", ALICE, 2_000);
        ledger.sent("refused-but-written", ALICE, 3_000);
        ledger.received(ALICE, "refused-but-written", 4_000, SESSION_OPENED);

        DeliveryLedger.Tally tally = ledger.tally(FAULT);

        assertEquals(0, tally.accepted());
        assertEquals(0, tally.lost());
        assertEquals(1, tally.deliveredUnaccepted());
        assertTrue(tally.passed());
    }

    @Test
    void recoveryEndsWithTheFirstReceiptAfterTheLongestSilenceFollowingTheFault() {
        sendAndAccept("before", ALICE, FAULT - 1_000);
        sendAndAccept("during", ALICE, FAULT + 10_000);
        sendAndAccept("after", ALICE, FAULT + 500_000);
        sendAndAccept("later", ALICE, FAULT + 600_000);
        ledger.received(ALICE, "before", FAULT + 100_000, SESSION_OPENED);
        ledger.received(ALICE, "during", FAULT + 150_000, SESSION_OPENED);
        ledger.received(ALICE, "after", FAULT + 6_000_000, 5_900_000);
        ledger.received(ALICE, "later", FAULT + 6_100_000, 5_900_000);

        assertEquals(6_000, ledger.tally(FAULT).recoveryMillis());
    }

    @Test
    void noRecoveryWhenDeliveriesStopWhilePublishingGoesOn() {
        sendAndAccept("during", ALICE, FAULT + 10_000);
        sendAndAccept("after", ALICE, FAULT + 15_000_000);
        ledger.received(ALICE, "during", FAULT + 50_000, SESSION_OPENED);

        assertEquals(-1, ledger.tally(FAULT).recoveryMillis());
    }

    @Test
    void noRecoveryWhenNothingArrivedAfterTheFault() {
        sendAndAccept("after", ALICE, FAULT + 500_000);

        assertEquals(-1, ledger.tally(FAULT).recoveryMillis());
    }

    private void sendAndAccept(String key, int owner, long sentMicros) {
        ledger.sent(key, owner, sentMicros);
        ledger.accepted(key);
    }
}
