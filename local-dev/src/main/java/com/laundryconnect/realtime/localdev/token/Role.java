package com.laundryconnect.realtime.localdev.token;

import org.jose4j.jwt.JwtClaims;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who a demo access token speaks for, expressed in the claims the suite reads (contract section 2.1). */
public enum Role {
    CUSTOMER,
    PARTNER,
    STAFF,
    SERVICE;

    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    void addClaims(JwtClaims claims) {
        switch (this) {
            case CUSTOMER -> {
                // a customer is any signed-in user: no extra claims
            }
            case PARTNER -> {
                claims.setClaim("is_partner", true);
                claims.setStringListClaim("groups", List.of("partner"));
            }
            case STAFF -> {
                claims.setClaim("is_staff", true);
                claims.setStringListClaim("groups", List.of("staff"));
            }
            case SERVICE -> claims.setStringListClaim("groups", List.of("service"));
        }
    }

    public String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
