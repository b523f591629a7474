package com.laundryconnect.realtime.session.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the identity rules of contract section 2 out of a verified token's claims. */
final class CallerClaims {

    private CallerClaims() {
    }

    static Caller toCaller(JsonWebToken jwt, Caller.TokenKind kind, String requiredTokenType, Duration skew)
            throws TokenRejectedException {
        Object tokenType = jwt.getClaim("token_type");
        if (tokenType != null && !requiredTokenType.equals(claimText(tokenType))) {
            throw new TokenRejectedException("Token has wrong type");
        }
        String userId = firstNonBlank(claimText(jwt.getClaim("user_id")), jwt.getSubject());
        if (userId == null) {
            throw new TokenRejectedException("Token contained no recognizable user identification");
        }
        Set<String> groups = new LinkedHashSet<>();
        groups.addAll(stringList(jwt.getClaim("groups")));
        Set<String> roles = new LinkedHashSet<>(stringList(jwt.getClaim("roles")));
        boolean partner = isTrue(jwt.getClaim("is_partner")) || groups.contains("partner") || roles.contains("partner");
        boolean staff = isTrue(jwt.getClaim("is_staff")) || groups.contains("staff");
        boolean service = groups.contains("service");
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime()).plus(skew);
        return new Caller(userId, partner, staff, service, Set.copyOf(groups), expiresAt, kind);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }

    /** Claims arrive as JSON values: ids may be numbers (Django integer pks) and are read as their decimal text. */
    private static String claimText(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        if (claim instanceof jakarta.json.JsonNumber number) {
            return number.bigDecimalValue().toPlainString();
        }
        if (claim instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).toPlainString();
        }
        return claim.toString();
    }

    private static boolean isTrue(Object claim) {
        return claim == jakarta.json.JsonValue.TRUE || Boolean.TRUE.equals(claim);
    }

    private static Set<String> stringList(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> collection) {
            for (Object value : collection) {
                values.add(claimText(value));
            }
        } else if (claim != null) {
            values.add(claimText(claim));
        }
        return values;
    }
}
