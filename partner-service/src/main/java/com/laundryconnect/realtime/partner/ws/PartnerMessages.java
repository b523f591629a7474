package com.laundryconnect.realtime.partner.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The server messages of {@code /ws/partner/} (contract 7); every field is always present, null when unknown. */
final class PartnerMessages {

    private PartnerMessages() {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConnectionEstablished(
            String type,
            String message,
            @JsonProperty("partner_id") String partnerId,
            @JsonProperty("total_earnings") String totalEarnings,
            String currency) {

        ConnectionEstablished(String message, String partnerId, String totalEarnings, String currency) {
            this("connection_established", message, partnerId, totalEarnings, currency);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NewOrder(String type, Order order) {

        NewOrder(Order order) {
            this("new_order", order);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Order(
            String id,
            @JsonProperty("order_number") String orderNumber,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("pickup_address") String pickupAddress,
            @JsonProperty("items_count") Integer itemsCount,
            @JsonProperty("total_amount") String totalAmount,
            String currency,
            @JsonProperty("scheduled_pickup") String scheduledPickup,
            @JsonProperty("created_at") String createdAt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EarningsUpdate(
            String type,
            String amount,
            String total,
            String currency,
            @JsonProperty("order_id") String orderId) {

        EarningsUpdate(String amount, String total, String currency, String orderId) {
            this("earnings_update", amount, total, currency, orderId);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CustomerMessage(
            String type,
            @JsonProperty("order_id") String orderId,
            @JsonProperty("order_number") String orderNumber,
            String message,
            @JsonProperty("sender_id") String senderId,
            @JsonProperty("sent_at") String sentAt,
            @JsonProperty("message_id") String messageId) {

        CustomerMessage(String orderId, String orderNumber, String message, String senderId, String sentAt,
                        String messageId) {
            this("customer_message", orderId, orderNumber, message, senderId, sentAt, messageId);
        }
    }
}
