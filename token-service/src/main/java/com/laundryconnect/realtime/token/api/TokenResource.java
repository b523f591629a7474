package com.laundryconnect.realtime.token.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.laundryconnect.realtime.session.auth.AccessTokenVerifier;
import com.laundryconnect.realtime.session.auth.BearerTokens;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.auth.TokenRejectedException;
import com.laundryconnect.realtime.session.http.ErrorBody;
import com.laundryconnect.realtime.token.ratelimit.RateLimitExceededException;
import com.laundryconnect.realtime.token.ratelimit.TokenRateLimiter;
import com.laundryconnect.realtime.token.signing.WsTokenIssuer;

import io.smallrye.mutiny.Uni;

/**
 * The token endpoint runs on the event loop: its work is a signature check, one Redis round trip and one ES256
 * signature. On a worker thread, waking the event loop for each Redis call and for the response was 17 % of
 * token-service's CPU in a reconnect storm (BENCHMARKS.md section 15).
 */
@Path("/api/realtime")
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    private final AccessTokenVerifier accessTokens;
    private final TokenRateLimiter rateLimiter;
    private final WsTokenIssuer issuer;
    private final String wsBaseUrl;

    public TokenResource(AccessTokenVerifier accessTokens, TokenRateLimiter rateLimiter, WsTokenIssuer issuer,
                         @ConfigProperty(name = "realtime.ws-base-url") String wsBaseUrl) {
        this.accessTokens = accessTokens;
        this.rateLimiter = rateLimiter;
        this.issuer = issuer;
        this.wsBaseUrl = wsBaseUrl.endsWith("/") ? wsBaseUrl.substring(0, wsBaseUrl.length() - 1) : wsBaseUrl;
    }

    @GET
    @Path("/token{slash: /?}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
            throws TokenRejectedException {
        Caller caller;
        try {
            caller = accessTokens.verify(BearerTokens.fromAuthorizationHeader(authorization));
        } catch (TokenRejectedException e) {
            LOG.infof("Token request refused: %s", e.getMessage());
            throw e;
        }
        return rateLimiter.acquire(caller.userId()).map(allowed -> tokenFor(caller));
    }

    private Response tokenFor(Caller caller) {
        String token = issuer.issue(caller);
        String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var endpoints = new TokenResponse.Endpoints(
                wsBaseUrl + "/notifications/" + query,
                wsBaseUrl + "/orders/{order_id}/" + query,
                caller.partner() ? wsBaseUrl + "/partner/" + query : null);
        var body = new TokenResponse(token, wsBaseUrl, endpoints, issuer.ttlSeconds(), caller.userId(), caller.partner());
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @ServerExceptionMapper
    public Response throttled(RateLimitExceededException e) {
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage()))
                .build();
    }
}
