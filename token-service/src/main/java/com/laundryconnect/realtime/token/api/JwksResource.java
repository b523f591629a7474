package com.laundryconnect.realtime.token.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.laundryconnect.realtime.token.signing.SigningKeys;

/** Publishes the public halves of the WS-token signing keys, so the WebSocket services hold no secret. */
@Path("/api/realtime/jwks.json")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** JWKS clients commonly ask for plain JSON; the key set's own media type stays the default. */
    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        return Response.ok(keys.publishedJwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
