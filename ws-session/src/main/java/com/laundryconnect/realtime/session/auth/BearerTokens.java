package com.laundryconnect.realtime.session.auth;

/** Extracts the token from an {@code Authorization: Bearer ...} header, with simplejwt's wording for what is wrong. */
public final class BearerTokens {

    /** Far above any real JWT; a longer header is refused before any parsing. */
    private static final int MAX_HEADER_LENGTH = 8192;

    private BearerTokens() {
    }

    public static String fromAuthorizationHeader(String header) throws TokenRejectedException {
        if (header == null || header.isBlank()) {
            throw new TokenRejectedException("Authentication credentials were not provided.");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new TokenRejectedException("Authorization header is too long.");
        }
        String[] parts = header.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new TokenRejectedException("Authorization header must contain two space-delimited values: Bearer <token>.");
        }
        return parts[1];
    }
}
