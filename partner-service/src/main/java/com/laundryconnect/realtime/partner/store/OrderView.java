package com.laundryconnect.realtime.partner.store;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What laundry.orders.v1 said about one order: its details (from {@code order.created}, overridden by what
 * {@code order.assigned} carries) and the partner it is assigned to now (null once delivered or cancelled).
 */
@Entity
@Table(name = "order_views")
public class OrderView extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "pickup_address")
    public String pickupAddress;

    @Column(name = "items_count")
    public Integer itemsCount;

    @Column(name = "total_amount")
    public BigDecimal totalAmount;

    public String currency;

    @Column(name = "scheduled_pickup")
    public OffsetDateTime scheduledPickup;

    /** The time of the order's {@code order.created} event. */
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public String status;

    @Column(name = "assigned_partner_id")
    public String assignedPartnerId;

    /** The time of the event that set {@link #status}, when it had one. */
    @Column(name = "status_event_time")
    public OffsetDateTime statusEventTime;

    /** The time of the event that last set (or, by finishing the order, cleared) {@link #assignedPartnerId}. */
    @Column(name = "assigned_event_time")
    public OffsetDateTime assignedEventTime;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** A copy: what a message built later in the batch shows, whatever the batch does next. */
    public OrderView copy() {
        OrderView copy = new OrderView();
        copy.orderId = orderId;
        copy.orderNumber = orderNumber;
        copy.customerId = customerId;
        copy.pickupAddress = pickupAddress;
        copy.itemsCount = itemsCount;
        copy.totalAmount = totalAmount;
        copy.currency = currency;
        copy.scheduledPickup = scheduledPickup;
        copy.createdAt = createdAt;
        copy.status = status;
        copy.assignedPartnerId = assignedPartnerId;
        copy.statusEventTime = statusEventTime;
        copy.assignedEventTime = assignedEventTime;
        copy.updatedAt = updatedAt;
        return copy;
    }
}
