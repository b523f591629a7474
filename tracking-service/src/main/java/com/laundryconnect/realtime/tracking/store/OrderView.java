package com.laundryconnect.realtime.tracking.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.laundryconnect.realtime.events.payload.OrderStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What the tracking page shows about one order, projected from {@code laundry.orders.v1}. */
@Entity
@Table(name = "order_views")
public class OrderView extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "order_number", nullable = false)
    public String orderNumber;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** Null until a status-bearing event arrived; {@link #statusOrPending()} is what clients see. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public OrderStatus status;

    @Column(name = "status_display")
    public String statusDisplay;

    @Column(name = "status_event_time")
    public Instant statusEventTime;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "partner_name")
    public String partnerName;

    @Column(name = "assigned_event_time")
    public Instant assignedEventTime;

    @Column(name = "eta")
    public Instant eta;

    @Column(name = "eta_event_time")
    public Instant etaEventTime;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public OrderStatus statusOrPending() {
        return status == null ? OrderStatus.PENDING : status;
    }

    public String statusDisplayOrDefault() {
        return statusDisplay == null ? statusOrPending().displayText() : statusDisplay;
    }

    public boolean isCustomer(String userId) {
        return customerId.equals(userId);
    }

    public boolean isAssignedPartner(String userId) {
        return partnerId != null && partnerId.equals(userId);
    }

    /** Moves {@code updatedAt} forward to {@code changedAt}, never back: events may arrive out of order. */
    public void touch(Instant changedAt) {
        if (updatedAt == null || changedAt.isAfter(updatedAt)) {
            updatedAt = changedAt;
        }
    }
}
