package com.laundryconnect.realtime.notification.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.laundryconnect.realtime.notification.push.NotificationMessages.NotificationView;
import com.laundryconnect.realtime.notification.push.NotificationPush;
import com.laundryconnect.realtime.notification.store.MarkReadResult;
import com.laundryconnect.realtime.notification.store.Notification;
import com.laundryconnect.realtime.notification.store.NotificationIds;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.session.auth.AccessTokenVerifier;
import com.laundryconnect.realtime.session.auth.BearerTokens;
import com.laundryconnect.realtime.session.auth.TokenRejectedException;
import com.laundryconnect.realtime.session.http.JsonErrorMappers;

/** The REST side of notifications (contract 5 and 11), for the platform's access tokens. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;

    private final AccessTokenVerifier accessTokens;
    private final NotificationStore store;
    private final NotificationPush push;

    public NotificationResource(AccessTokenVerifier accessTokens, NotificationStore store, NotificationPush push) {
        this.accessTokens = accessTokens;
        this.store = store;
        this.push = push;
    }

    public record Page(List<NotificationView> results, String next, @JsonProperty("next_cursor") String nextCursor,
                       @JsonProperty("unread_count") long unreadCount) {
    }

    @GET
    @Path("{slash: /?}")
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @QueryParam("unread") String unread, @QueryParam("limit") String limit,
                         @QueryParam("before") String before, @Context UriInfo uri) throws TokenRejectedException {
        String userId = callerId(authorization);
        Optional<Boolean> unreadOnly = unread == null ? Optional.of(false) : parseBoolean(unread);
        if (unreadOnly.isEmpty()) {
            return JsonErrorMappers.json(400, "unread must be true or false.");
        }
        Optional<Integer> pageSize = limit == null ? Optional.of(DEFAULT_LIMIT) : parseLimit(limit);
        if (pageSize.isEmpty()) {
            return JsonErrorMappers.json(400, "limit must be an integer from 1 to " + MAX_LIMIT + ".");
        }
        Optional<Long> cursor = before == null ? Optional.empty() : NotificationIds.parse(before);
        if (before != null && cursor.isEmpty()) {
            return JsonErrorMappers.json(400, "before must be a notification id.");
        }
        List<Notification> fetched = store.page(userId, unreadOnly.get(), cursor.orElse(null), pageSize.get() + 1);
        boolean more = fetched.size() > pageSize.get();
        List<Notification> page = more ? fetched.subList(0, pageSize.get()) : fetched;
        String nextCursor = more ? Long.toString(page.getLast().id) : null;
        URI next = more ? uri.getRequestUriBuilder().replaceQueryParam("before", nextCursor).build() : null;
        return Response.ok(new Page(page.stream().map(NotificationView::of).toList(),
                next == null ? null : next.toString(), nextCursor, store.unreadCount(userId))).build();
    }

    @POST
    @Path("{id}/read{slash: /?}")
    public Response markRead(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id)
            throws TokenRejectedException {
        String userId = callerId(authorization);
        MarkReadResult result = NotificationIds.parse(id).map(parsed -> store.markRead(userId, parsed))
                .orElse(MarkReadResult.NOT_FOUND);
        if (!result.found()) {
            return JsonErrorMappers.json(404, "Notification not found");
        }
        push.unreadCount(userId);
        return Response.ok(Map.of("success", true, "notification_id", Long.parseLong(id), "marked", result.marked())).build();
    }

    @POST
    @Path("read-all{slash: /?}")
    public Response markAllRead(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws TokenRejectedException {
        String userId = callerId(authorization);
        int marked = store.markAllRead(userId);
        push.unreadCount(userId);
        return Response.ok(Map.of("success", true, "marked", marked)).build();
    }

    private String callerId(String authorization) throws TokenRejectedException {
        return accessTokens.verify(BearerTokens.fromAuthorizationHeader(authorization)).userId();
    }

    private static Optional<Boolean> parseBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> parseLimit(String value) {
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= 1 && parsed <= MAX_LIMIT ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
