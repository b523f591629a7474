package com.laundryconnect.realtime.session.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventValidator;
import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.session.auth.AccessTokenVerifier;
import com.laundryconnect.realtime.session.auth.BearerTokens;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.auth.TokenRejectedException;
import com.laundryconnect.realtime.session.http.JsonErrorMappers;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /internal/events} (contract 9): the main backend's way to publish without a Kafka client. Every event
 * of a request is validated before any is written, so an invalid request writes nothing; 202 comes only after Kafka
 * acknowledged every write. Runs on a worker thread so that a large batch never stalls sessions or health checks.
 * While Kafka does not answer, the request ends after {@link PublishConfig#timeout()} with 503 and {@code Retry-After}.
 */
@Path("/internal/events")
@IfBuildProperty(name = "realtime.publish-api.enabled", stringValue = "true", enableIfMissing = true)
public class PublishResource {

    private static final Logger LOG = Logger.getLogger(PublishResource.class);

    private final AccessTokenVerifier accessTokens;
    private final EventWriter writer;
    private final long retryAfterSeconds;

    public PublishResource(AccessTokenVerifier accessTokens, EventWriter writer, PublishConfig config) {
        this.accessTokens = accessTokens;
        this.writer = writer;
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body)
            throws TokenRejectedException {
        Caller caller = accessTokens.verify(BearerTokens.fromAuthorizationHeader(authorization));
        if (!caller.service()) {
            return JsonErrorMappers.json(403, "You do not have permission to perform this action.");
        }
        if (body == null || body.length == 0) {
            return JsonErrorMappers.json(400, "Request body must be a CloudEvent or {\"events\": [...]}.");
        }
        if (body.length > PublishLimits.MAX_BYTES) {
            return JsonErrorMappers.json(413, "Request body exceeds " + PublishLimits.MAX_BYTES + " bytes.");
        }
        JsonNode document;
        try {
            document = EventCodec.readTree(body);
        } catch (RuntimeException e) {
            return JsonErrorMappers.json(400, "Request body is not valid JSON.");
        }
        List<JsonNode> events = eventsOf(document);
        if (events == null) {
            return JsonErrorMappers.json(400, "Request body must be a CloudEvent or {\"events\": [...]}.");
        }
        if (events.isEmpty()) {
            return JsonErrorMappers.json(400, "No events given.");
        }
        if (events.size() > PublishLimits.MAX_EVENTS) {
            return JsonErrorMappers.json(413, "At most " + PublishLimits.MAX_EVENTS + " events per request.");
        }
        List<InvalidEventsBody.EventFieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (FieldError error : EventValidator.validate(events.get(i))) {
                errors.add(new InvalidEventsBody.EventFieldError(i, error.field(), error.message()));
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new InvalidEventsBody("Invalid event(s): nothing was written.", errors)).build();
        }
        Map<String, TypedEvent> byId = new LinkedHashMap<>();
        for (JsonNode event : events) {
            TypedEvent typed = EventValidator.validateAndRead(event);
            byId.putIfAbsent(typed.envelope().id(), typed);
        }
        try {
            writer.writeAll(List.copyOf(byId.values()));
        } catch (EventsNotWrittenException e) {
            LOG.errorf("Publishing %d event(s) failed: %s", byId.size(), e.getMessage());
            return Response.fromResponse(JsonErrorMappers.json(503, "Kafka did not acknowledge the events in time: "
                    + "they may or may not have been written; retry with the same event ids."))
                    .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                    .build();
        }
        return Response.accepted(Map.of("accepted", List.copyOf(byId.keySet()))).build();
    }

    private static List<JsonNode> eventsOf(JsonNode document) {
        if (document == null || !document.isObject()) {
            return null;
        }
        JsonNode batch = document.get("events");
        if (batch == null) {
            return List.of(document);
        }
        if (!batch.isArray()) {
            return null;
        }
        List<JsonNode> events = new ArrayList<>(batch.size());
        batch.forEach(events::add);
        return events;
    }
}
