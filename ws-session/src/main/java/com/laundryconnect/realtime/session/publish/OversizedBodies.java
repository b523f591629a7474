package com.laundryconnect.realtime.session.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a publish request whose declared body is over {@link PublishLimits#MAX_BYTES} with 413 {@code {"detail"}}
 * in a way an ordinary client can read. Quarkus's own body limit writes its 413 and closes the connection while the
 * client is still sending, so a client that reads only after sending (no {@code Expect: 100-continue}) sees a broken
 * pipe instead. Here the body is read and thrown away first (up to {@link PublishLimits#MAX_DISCARDED_BYTES}), then
 * answered, and the connection stays usable; nothing of it is kept in memory.
 */
@ApplicationScoped
@IfBuildProperty(name = "realtime.publish-api.enabled", stringValue = "true", enableIfMissing = true)
public class OversizedBodies {

    private static final String DETAIL = "Request body exceeds " + PublishLimits.MAX_BYTES + " bytes.";

    void register(@Observes Router router) {
        router.post("/internal/events")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(OversizedBodies::refuseDeclaredOversizedBody);
    }

    private static void refuseDeclaredOversizedBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declaredLength = declaredLength(request);
        if (declaredLength <= PublishLimits.MAX_BYTES) {
            context.next();
            return;
        }
        boolean bodyWillNotCome = HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        if (bodyWillNotCome || declaredLength > PublishLimits.MAX_DISCARDED_BYTES) {
            refuse(request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaderValues.CLOSE));
            return;
        }
        request.handler(discarded -> { });
        request.endHandler(end -> refuse(request.response()));
        request.resume();
    }

    /** The body's declared length, or -1 when it is chunked or the header is not a number (left to the resource). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(HttpServerResponse response) {
        response.setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("detail", DETAIL).encode());
    }
}
