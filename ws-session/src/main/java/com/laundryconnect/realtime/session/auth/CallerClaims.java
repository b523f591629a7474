package com.laundryconnect.realtime.session.auth;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/** Reads the identity rules of contract section 2 out of a verified token's claims. */
final class CallerClaims {

    private CallerClaims() {
    }

    static Caller toCaller(JwtClaims claims, Caller.TokenKind kind, String requiredTokenType, Duration skew)
            throws TokenRejectedException {
        Object tokenType = claims.getClaimValue("token_type");
        if (tokenType != null && !requiredTokenType.equals(claimText(tokenType))) {
            throw new TokenRejectedException("Token has wrong type");
        }
        String userId = firstNonBlank(claimText(claims.getClaimValue("user_id")), claimText(claims.getClaimValue("sub")));
        if (userId == null) {
            throw new TokenRejectedException("Token contained no recognizable user identification");
        }
        Set<String> groups = stringList(claims.getClaimValue("groups"));
        Set<String> roles = stringList(claims.getClaimValue("roles"));
        boolean partner = isTrue(claims.getClaimValue("is_partner")) || groups.contains("partner") || roles.contains("partner");
        boolean staff = isTrue(claims.getClaimValue("is_staff")) || groups.contains("staff");
        boolean service = groups.contains("service");
        return new Caller(userId, partner, staff, service, Set.copyOf(groups), expiry(claims).plus(skew), kind);
    }

    private static Instant expiry(JwtClaims claims) throws TokenRejectedException {
        try {
            NumericDate expiresAt = claims.getExpirationTime();
            if (expiresAt == null) {
                throw new TokenRejectedException("Token has no expiry");
            }
            return Instant.ofEpochSecond(expiresAt.getValue());
        } catch (MalformedClaimException e) {
            throw new TokenRejectedException("Token has a malformed expiry");
        }
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }

    /** Ids may arrive as JSON numbers (Django integer pks) and are read as their decimal text. */
    private static String claimText(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof Number number) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        return claim.toString();
    }

    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim);
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
