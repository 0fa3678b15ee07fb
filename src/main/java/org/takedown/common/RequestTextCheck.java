package org.takedown.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The other doors for text: query and path parameters and form fields (the console's forms) are checked by
 * {@link OfficerText#refusal} before any endpoint sees them, as JSON bodies are by {@link CheckedStrings}. A refusal
 * is a 400 problem naming each parameter; nothing reaches a query or a database.
 */
public class RequestTextCheck {

    /** Every request: its query and path parameters. */
    @ServerRequestFilter
    public Optional<Response> parameters(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkAll(request.getUriInfo().getQueryParameters(), errors);
        checkAll(request.getUriInfo().getPathParameters(), errors);
        return refusal(errors);
    }

    /** Requests to endpoints that read a form, once it is read: its text fields (uploaded files are not text). */
    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> form(ResteasyReactiveContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() != null) {
            FormData form = context.getFormData();
            for (String name : form) {
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem()) {
                        check(name, value.getValue(), errors);
                    }
                }
            }
        }
        return refusal(errors);
    }

    private static Optional<Response> refusal(List<Problem.FieldError> errors) {
        return errors.isEmpty()
                ? Optional.empty()
                : Optional.of(ProblemMappers.respond(
                        new Problem("about:blank", "Bad Request", 400, "The request has invalid fields", errors)));
    }

    private static void checkAll(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            check(parameter.getKey(), parameter.getKey(), errors);
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value, errors);
            }
        }
    }

    private static void check(String name, String value, List<Problem.FieldError> errors) {
        OfficerText.refusal(value)
                .ifPresent(reason -> errors.add(new Problem.FieldError(
                        OfficerText.refusal(name).isEmpty() ? name : "(parameter name)", reason)));
    }
}
