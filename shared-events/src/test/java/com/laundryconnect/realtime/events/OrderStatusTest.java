package com.laundryconnect.realtime.events;

import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.SenderRole;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStatusTest {

    @Test
    void statusesAndDisplayTextsAreThoseOfContractSection6() {
        Map<String, String> contract = new LinkedHashMap<>();
        contract.put("pending", "Pending");
        contract.put("confirmed", "Confirmed");
        contract.put("picked_up", "Picked Up");
        contract.put("in_process", "In Process");
        contract.put("ready", "Ready for Delivery");
        contract.put("out_for_delivery", "Out for Delivery");
        contract.put("delivered", "Delivered");
        contract.put("cancelled", "Cancelled");

        Map<String, String> actual = Arrays.stream(OrderStatus.values()).collect(Collectors.toMap(
                OrderStatus::wireValue, OrderStatus::displayText, (a, b) -> a, LinkedHashMap::new));
        assertEquals(contract, actual);
    }

    @Test
    void lookupByWireValue() {
        assertEquals(OrderStatus.OUT_FOR_DELIVERY, OrderStatus.fromWireValue("out_for_delivery").orElseThrow());
        assertTrue(OrderStatus.fromWireValue("Out for Delivery").isEmpty());
        assertTrue(OrderStatus.fromWireValue("OUT_FOR_DELIVERY").isEmpty());
        assertTrue(OrderStatus.fromWireValue(null).isEmpty());
    }

    @Test
    void senderRolesAreCustomerAndPartner() {
        assertEquals(SenderRole.CUSTOMER, SenderRole.fromWireValue("customer").orElseThrow());
        assertEquals(SenderRole.PARTNER, SenderRole.fromWireValue("partner").orElseThrow());
        assertTrue(SenderRole.fromWireValue("staff").isEmpty());
        assertEquals(2, SenderRole.values().length);
    }
}
