package com.laundryconnect.realtime.localdev;

import com.laundryconnect.realtime.localdev.token.AccessTokenMinter;
import com.laundryconnect.realtime.localdev.token.Role;
import org.jose4j.lang.JoseException;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Prints a demo access token, as the main backend would issue it, for calling the suite locally:
 * {@code curl -H "Authorization: Bearer $(dev/mint customer)" http://localhost:8000/api/realtime/token/}.
 */
public final class MintToken {

    static final String USAGE = "usage: MintToken [customer|partner|staff|service] [--user ID] [--ttl SECONDS] [--secret S]";
    static final String SECRET_VARIABLE = "REALTIME_ACCESS_TOKEN_SECRET";
    private static final int ONE_HOUR_SECONDS = 3600;

    private MintToken() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args, Set.of("user", "ttl", "secret"));
            String roleName = arguments.onlyPositional().orElse(Role.CUSTOMER.commandName());
            Role role = Role.named(roleName).orElseThrow(() -> new UsageException("unknown role '" + roleName + "'"));
            String userId = arguments.option("user").orElseGet(() -> UUID.randomUUID().toString());
            if (userId.isBlank()) {
                throw new UsageException("--user must not be blank");
            }
            Duration timeToLive = Duration.ofSeconds(arguments.positiveIntOption("ttl", ONE_HOUR_SECONDS));
            String secret = arguments.option("secret").orElseGet(() -> secretFrom(environment));
            out.println(mint(secret, role, userId, timeToLive));
            return 0;
        } catch (UsageException e) {
            err.println("MintToken: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static String secretFrom(Map<String, String> environment) {
        String secret = environment.get(SECRET_VARIABLE);
        return secret == null || secret.isEmpty() ? AccessTokenMinter.DEVELOPMENT_SECRET : secret;
    }

    private static String mint(String secret, Role role, String userId, Duration timeToLive) throws UsageException {
        try {
            return new AccessTokenMinter(secret).mint(role, userId, timeToLive, Instant.now());
        } catch (JoseException e) {
            throw new UsageException("cannot sign with that secret: " + e.getMessage());
        }
    }
}
