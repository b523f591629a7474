package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Who wrote a {@code message.sent} message. */
public enum SenderRole {
    CUSTOMER("customer"),
    PARTNER("partner");

    private final String wireValue;

    SenderRole(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    public static Optional<SenderRole> fromWireValue(String wireValue) {
        return Arrays.stream(values()).filter(role -> role.wireValue.equals(wireValue)).findFirst();
    }
}
