package com.laundryconnect.realtime.partner.store;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.EarningsCredited;

/** The partners' earnings (contract 7 and 11): a ledger of credits and the exact running total per currency. */
@ApplicationScoped
public class EarningsLedger {

    private final EntityManager entityManager;

    public EarningsLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Adds the credit to the ledger and to the partner's total in its currency, in one transaction. Empty if this
     * event id was credited before. The total comes from {@code total = total + amount} on the balance row, whose
     * row lock makes concurrent credits of one partner (on any replica) wait for each other, so each sees the sum
     * of every credit committed before it plus its own.
     */
    @Transactional
    public Optional<Credit> credit(String eventId, EarningsCredited earnings) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO earnings_entries (event_id, partner_id, order_id, amount, currency)
                        VALUES (:eventId, :partnerId, :orderId, :amount, :currency)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("eventId", eventId)
                .setParameter("partnerId", earnings.partnerId())
                .setParameter("orderId", earnings.orderId())
                .setParameter("amount", earnings.amount())
                .setParameter("currency", earnings.currency())
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        BigDecimal total = (BigDecimal) entityManager.createNativeQuery("""
                        INSERT INTO partner_balances (partner_id, currency, total, updated_at)
                        VALUES (:partnerId, :currency, :amount, now())
                        ON CONFLICT (partner_id, currency)
                        DO UPDATE SET total = partner_balances.total + EXCLUDED.total, updated_at = now()
                        RETURNING total""")
                .setParameter("partnerId", earnings.partnerId())
                .setParameter("currency", earnings.currency())
                .setParameter("amount", earnings.amount())
                .getSingleResult();
        return Optional.of(new Credit(earnings.partnerId(), earnings.orderId(), earnings.amount(),
                earnings.currency(), total));
    }

    /**
     * The total a partner sees on connecting: in the default currency if they have earnings in it, else in the
     * currency they were credited in last, else zero in the default currency.
     */
    @Transactional
    public Balance balanceOf(String partnerId, String defaultCurrency) {
        List<PartnerBalance> balances = PartnerBalance.list("partnerId", partnerId);
        return balances.stream()
                .filter(balance -> balance.currency.equals(defaultCurrency))
                .findFirst()
                .or(() -> balances.stream().max(Comparator.comparing(balance -> balance.updatedAt)))
                .map(balance -> new Balance(balance.total, balance.currency))
                .orElseGet(() -> new Balance(BigDecimal.ZERO, defaultCurrency));
    }

    public record Balance(BigDecimal total, String currency) {
    }
}
