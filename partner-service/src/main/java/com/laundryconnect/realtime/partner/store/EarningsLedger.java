package com.laundryconnect.realtime.partner.store;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.EarningsCredited;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The partners' earnings (contract 7 and 11): a ledger of credits and the exact running total per currency. */
@ApplicationScoped
public class EarningsLedger {

    /**
     * Ledger rows are inserted in event id order and balance rows raised in (partner, currency) order, so concurrent
     * batches lock them in the same order and never deadlock. A credit's total is its balance after the batch less
     * the credits of the same partner and currency that come after it in the batch.
     */
    private static final String CREDIT_BATCH = """
            WITH incoming AS (
                SELECT * FROM jsonb_to_recordset(CAST(? AS jsonb)) AS t(position int, event_id text,
                    partner_id text, order_id text, amount numeric, currency text)),
            inserted AS (
                INSERT INTO earnings_entries (event_id, partner_id, order_id, amount, currency)
                SELECT event_id, partner_id, order_id, amount, currency FROM incoming ORDER BY event_id
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id, partner_id, currency, amount),
            balances AS (
                INSERT INTO partner_balances AS balance (partner_id, currency, total, updated_at)
                SELECT partner_id, currency, sum(amount), now() FROM inserted
                GROUP BY partner_id, currency ORDER BY partner_id, currency
                ON CONFLICT (partner_id, currency)
                DO UPDATE SET total = balance.total + EXCLUDED.total, updated_at = now()
                RETURNING partner_id, currency, total)
            SELECT inserted.event_id,
                   balances.total - COALESCE(sum(inserted.amount) OVER (
                       PARTITION BY inserted.partner_id, inserted.currency ORDER BY incoming.position
                       ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS total
            FROM inserted
            JOIN incoming ON incoming.event_id = inserted.event_id
            JOIN balances ON balances.partner_id = inserted.partner_id AND balances.currency = inserted.currency
            ORDER BY incoming.position""";

    private final JsonBatchStatements statements;

    public EarningsLedger(JsonBatchStatements statements) {
        this.statements = statements;
    }

    /** An {@code earnings.credited} event to apply: its CloudEvent id and what it credits. */
    public record CreditEvent(String eventId, EarningsCredited earnings) {
    }

    /**
     * Adds a batch of credits to the ledger and to the partners' totals per currency, in one transaction and one
     * statement, and returns those credited now, in the given order, each with its partner's total right after it.
     * An event id credited before (or earlier in the batch) is left out. The totals come from
     * {@code total = total + sum} on the balance rows, whose row locks make concurrent batches crediting one partner
     * (on any replica) wait for each other, so each credit's total is the sum of every credit committed before it
     * plus those before it in its batch plus its own.
     */
    @Transactional
    public List<Credit> credit(List<CreditEvent> credits) {
        Map<String, CreditEvent> byEventId = new LinkedHashMap<>();
        credits.forEach(credit -> byEventId.putIfAbsent(credit.eventId(), credit));
        JsonArray rows = new JsonArray();
        for (CreditEvent credit : byEventId.values()) {
            EarningsCredited earnings = credit.earnings();
            rows.add(new JsonObject().put("position", rows.size()).put("event_id", credit.eventId())
                    .put("partner_id", earnings.partnerId()).put("order_id", earnings.orderId())
                    .put("amount", earnings.amount().toPlainString()).put("currency", earnings.currency()));
        }
        return statements.query(CREDIT_BATCH, rows.encode(), row -> {
            String eventId = row.getString(1);
            EarningsCredited earnings = byEventId.get(eventId).earnings();
            return new Credit(eventId, earnings.partnerId(), earnings.orderId(), earnings.amount(),
                    earnings.currency(), row.getBigDecimal(2));
        });
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
