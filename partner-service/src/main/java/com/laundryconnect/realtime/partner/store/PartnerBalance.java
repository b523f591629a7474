package com.laundryconnect.realtime.partner.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner's total credited earnings in one currency: always the sum of that partner's ledger entries in it. */
@Entity
@Table(name = "partner_balances")
@IdClass(PartnerBalance.Key.class)
public class PartnerBalance extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    @Id
    public String currency;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static class Key implements Serializable {
        public String partnerId;
        public String currency;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(partnerId, key.partnerId)
                    && Objects.equals(currency, key.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partnerId, currency);
        }
    }
}
