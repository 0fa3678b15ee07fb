package org.takedown.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** An RFC 9457 problem document ({@code application/problem+json}), with one entry per invalid field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {

        /** One entry per violation, named by the path of the invalid property ({@code legalAuthority.reference}), sorted. */
        public static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
            return violations.stream()
                    .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
        }

        private static String fieldOf(ConstraintViolation<?> violation) {
            // Path of a resource-method violation: method name, parameter, then the bean's properties. A node inside a
            // list or map carries the index or key of its container, written after the container's name
            // (stages[0].texts[fr].title); container element nodes (<map key>, <list element>) add no name of their
            // own.
            StringBuilder field = new StringBuilder();
            String parameter = null;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD) {
                    continue;
                }
                if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                    continue;
                }
                if (node.isInIterable() && !field.isEmpty()) {
                    Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                    field.append('[').append(position == null ? "" : position).append(']');
                }
                if (node.getName() == null || node.getName().startsWith("<")) {
                    continue;
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            return field.isEmpty() && parameter != null ? parameter : field.toString();
        }
    }
}
