package com.laundryconnect.realtime.events;

/** The Kafka topics of contract section 8; each has a dead-letter twin for records that cannot be read. */
public enum Topic {
    ORDERS("laundry.orders.v1"),
    LOCATIONS("laundry.locations.v1"),
    NOTIFICATIONS("laundry.notifications.v1"),
    PARTNER_EARNINGS("laundry.partner-earnings.v1"),
    ORDER_MESSAGES("laundry.order-messages.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }
}
