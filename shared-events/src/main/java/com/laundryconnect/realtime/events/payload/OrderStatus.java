package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Order status values and their display text (contract section 6). */
public enum OrderStatus {
    PENDING("pending", "Pending"),
    CONFIRMED("confirmed", "Confirmed"),
    PICKED_UP("picked_up", "Picked Up"),
    IN_PROCESS("in_process", "In Process"),
    READY("ready", "Ready for Delivery"),
    OUT_FOR_DELIVERY("out_for_delivery", "Out for Delivery"),
    DELIVERED("delivered", "Delivered"),
    CANCELLED("cancelled", "Cancelled");

    private final String wireValue;
    private final String displayText;

    OrderStatus(String wireValue, String displayText) {
        this.wireValue = wireValue;
        this.displayText = displayText;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    public String displayText() {
        return displayText;
    }

    public static Optional<OrderStatus> fromWireValue(String wireValue) {
        return Arrays.stream(values()).filter(status -> status.wireValue.equals(wireValue)).findFirst();
    }
}
