package com.laundryconnect.realtime.faulttest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResumeCursorTest {

    private static final String ENDPOINT = "/ws/notifications/?token=abc";

    private final ResumeCursor cursor = new ResumeCursor();

    @Test
    void theFirstConnectHasNoSince() {
        assertEquals(ENDPOINT, cursor.resumeUri(ENDPOINT));
    }

    @Test
    void aReconnectResumesAfterTheLastIdReceived() {
        cursor.received("41");
        cursor.received("42");

        assertEquals(ENDPOINT + "&since=42", cursor.resumeUri(ENDPOINT));
    }

    @Test
    void theLastIdReceivedWinsEvenWhenItIsSmaller() {
        cursor.received("42");
        cursor.received("41");

        assertEquals(ENDPOINT + "&since=41", cursor.resumeUri(ENDPOINT));
    }

    @Test
    void framesWithoutAnIdLeaveTheCursorWhereItWas() {
        cursor.received("42");
        cursor.received(null);
        cursor.received(" ");

        assertEquals(ENDPOINT + "&since=42", cursor.resumeUri(ENDPOINT));
    }

    @Test
    void anEndpointWithoutQueryGetsSinceAsItsQueryEscaped() {
        cursor.received("msg 1&2");

        assertEquals("/ws/partner/?since=msg+1%262", cursor.resumeUri("/ws/partner/"));
    }

    @Test
    void theStartConnectionEstablishedNamesCountsOnlyUntilAFrameCame() {
        cursor.startAt("7");
        assertEquals(ENDPOINT + "&since=7", cursor.resumeUri(ENDPOINT));

        cursor.received("9");
        cursor.startAt("12");

        assertEquals(ENDPOINT + "&since=9", cursor.resumeUri(ENDPOINT));
    }
}
