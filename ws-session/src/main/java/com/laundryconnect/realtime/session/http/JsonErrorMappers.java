package com.laundryconnect.realtime.session.http;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.laundryconnect.realtime.session.auth.TokenRejectedException;

/** Turns every failure of a REST endpoint into {@code {"detail": ...}}, never an HTML page or a stack trace. */
public class JsonErrorMappers {

    private static final Logger LOG = Logger.getLogger(JsonErrorMappers.class);

    @ServerExceptionMapper
    public Response unauthenticated(TokenRejectedException e) {
        LOG.debugf("Refused credentials: %s", e.getMessage());
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"api\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(Response.Status.NOT_FOUND.getStatusCode(), "Not found.");
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e) {
        Response.ResponseBuilder builder = Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("Method not allowed."));
        e.getResponse().getAllowedMethods().forEach(method -> builder.header(HttpHeaders.ALLOW, method));
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return json(status, "Internal server error.");
        }
        return json(status, Response.Status.fromStatusCode(status) == null
                ? "Request refused." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".");
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        LOG.error("Request failed", e);
        return json(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "Internal server error.");
    }

    public static Response json(int status, Object detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(detail)).build();
    }
}
