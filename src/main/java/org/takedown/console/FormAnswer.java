package org.takedown.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a console form: the re-rendered fragment, with 422 when the form was refused (htmx swaps it, errors
 * shown), else 200 and an event ({@link #CHANGED}, {@link #MOVED}) that makes the other parts of the operation's page
 * that depend on it read themselves again.
 */
final class FormAnswer {

    /** The operation's content changed (its state box may now say it needs approval again). */
    static final String CHANGED = "operation-changed";
    /** The operation moved to another state (what may be done in each part changes, e.g. "send now"). */
    static final String MOVED = "operation-moved";

    private FormAnswer() {}

    static Response of(TemplateInstance fragment, FormErrors errors, boolean changed) {
        return of(fragment, errors, changed ? CHANGED : null);
    }

    static Response of(TemplateInstance fragment, FormErrors errors, String event) {
        return Response.status(errors.any() ? 422 : 200)
                .type(MediaType.TEXT_HTML)
                .header("HX-Trigger", errors.any() ? null : event)
                .entity(fragment.render())
                .build();
    }
}
