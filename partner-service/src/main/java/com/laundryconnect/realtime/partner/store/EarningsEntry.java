package com.laundryconnect.realtime.partner.store;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One credited amount in a partner's ledger, written once per {@code earnings.credited} event id. */
@Entity
@Table(name = "earnings_entries")
public class EarningsEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "credited_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime creditedAt;
}
