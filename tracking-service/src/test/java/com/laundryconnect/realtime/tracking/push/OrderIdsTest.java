package com.laundryconnect.realtime.tracking.push;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"5b0c2f1e-8a3d-4c6b-9f0e-1d2c3b4a5f60", "1042", "LC-1042", "a.b_c~d"})
    void uuidsIntegersAndPlainTokensAreTrackable(String id) {
        assertTrue(OrderIds.isTrackable(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "a/b", "a\nb", "a:b", "été", "a\u0000b", "' OR 1=1"})
    void anythingElseIsNot(String id) {
        assertFalse(OrderIds.isTrackable(id));
    }

    @ParameterizedTest
    @ValueSource(ints = {OrderIds.MAX_LENGTH + 1, 10_000})
    void overLongIdsAreNot(int length) {
        assertFalse(OrderIds.isTrackable("1".repeat(length)));
        assertTrue(OrderIds.isTrackable("1".repeat(OrderIds.MAX_LENGTH)));
    }
}
