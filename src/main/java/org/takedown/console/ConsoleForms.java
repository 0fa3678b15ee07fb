package org.takedown.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.takedown.common.Problem;
import org.takedown.common.ProblemException;

/**
 * Submits a console form to the same service the API calls, with the same checks: the request record's Bean
 * Validation constraints first (as the API's resource parameters), then the service's own rules. Whatever is refused
 * comes back as {@link FormErrors} to show on the form; nothing is changed.
 */
@ApplicationScoped
public class ConsoleForms {

    @Inject
    Validator validator;

    /** The action's result, or the errors that stopped it. */
    public record Submitted<T>(T value, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    public <T> Submitted<T> submit(Object request, Supplier<T> action) {
        return submit(new FormInput(), request, action);
    }

    /** What the officer typed, by field name, to show back on a refused form (null values left out). */
    public static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                typed.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return typed;
    }

    /** An action without a form to validate (a move, a removal): only the service's own refusals come back. */
    public <T> Submitted<T> act(Supplier<T> action) {
        return submit(new FormInput(), null, action);
    }

    /** As {@link #submit(Object, Supplier)}, with the fields {@code input} could not read reported alongside. */
    <T> Submitted<T> submit(FormInput input, Object request, Supplier<T> action) {
        Set<ConstraintViolation<Object>> violations = request == null ? Set.of() : validator.validate(request);
        if (!violations.isEmpty() || !input.errors().isEmpty()) {
            List<Problem.FieldError> errors = new ArrayList<>(input.errors());
            errors.addAll(Problem.FieldError.of(violations));
            return new Submitted<>(null, FormErrors.of(errors, "Some fields need correcting."));
        }
        try {
            return new Submitted<>(action.get(), FormErrors.NONE);
        } catch (ProblemException refused) {
            Problem problem = refused.toProblem();
            return new Submitted<>(null, FormErrors.of(problem.errors(), problem.detail()));
        } catch (OptimisticLockException | StaleStateException changed) {
            return new Submitted<>(
                    null,
                    FormErrors.of(
                            List.of(), "Someone else changed this at the same time: reload the page and try again."));
        }
    }
}
