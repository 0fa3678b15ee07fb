package org.takedown.common;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into {@code application/problem+json}; bad input is a 4xx, never a 500. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return respond(new Problem(
                "about:blank",
                "Bad Request",
                400,
                "The request has invalid fields",
                Problem.FieldError.of(e.getConstraintViolations())));
    }

    @ServerExceptionMapper({
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        InvalidTypeIdException.class
    })
    public Response unreadableField(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        String field = pathOf(e);
        String message = e instanceof CheckedStrings.Refused refused
                ? refused.reason()
                : e instanceof UnrecognizedPropertyException
                        ? "unknown field"
                        : e instanceof InvalidFormatException f
                                        && f.getTargetType() != null
                                        && f.getTargetType().isEnum()
                                ? "must be one of " + enumValues(f.getTargetType())
                                : e instanceof MismatchedInputException m && m.getTargetType() != null
                                        ? "must be a valid " + simpleType(m.getTargetType())
                                        : "cannot be read";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(
                "about:blank",
                "Bad Request",
                400,
                field.isEmpty()
                        ? "The request body is not valid JSON for this endpoint"
                        : "The request has invalid fields",
                errors));
    }

    @ServerExceptionMapper
    public Response malformed(StreamReadException e) {
        return respond(
                new Problem("about:blank", "Bad Request", 400, "The request body is not well-formed JSON", List.of()));
    }

    /** A role check refused the caller ({@code @RolesAllowed}): the same problem document as every other refusal. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem("about:blank", "Forbidden", 403, "Your roles do not allow this", List.of()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e) {
        return respond(new Problem(
                "about:blank",
                "Conflict",
                409,
                "Someone else changed this record at the same time; reload and try again",
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        Response.ResponseBuilder builder = Response.fromResponse(e.getResponse())
                .entity(new Problem(
                        "about:blank", status.getReasonPhrase(), status.getStatusCode(), clientMessage(e), List.of()))
                .type(Problem.MEDIA_TYPE);
        return builder.build();
    }

    private static String clientMessage(WebApplicationException e) {
        return switch (e.getResponse().getStatus()) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "No acceptable representation";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFrom() instanceof java.util.Map && ref.getFieldName() != null) {
                path.append('[').append(ref.getFieldName()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static String simpleType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "integer";
            case "boolean", "Boolean" -> "boolean (true or false)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "LocalDateTime" -> "local date-time (YYYY-MM-DDThh:mm[:ss])";
            case "String" -> "string";
            default -> type.isRecord() || !type.getName().startsWith("java") ? "object" : type.getSimpleName();
        };
    }
}
