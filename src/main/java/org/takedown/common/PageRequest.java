package org.takedown.common;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} on list endpoints. Taken as text and checked by Bean Validation so that
 * {@code page=abc} is a 400 naming the field rather than the 404 JAX-RS gives for unconvertible query parameters.
 */
public class PageRequest {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "[0-9]{1,6}", message = "must be a whole number from 0 to 999999")
    String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Pattern(regexp = "[1-9][0-9]?|1[0-9][0-9]|200", message = "must be a whole number from 1 to 200")
    String size;

    /** A page asked for in code (the console's pages) rather than by query parameters. */
    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = Integer.toString(Math.min(999_999, Math.max(0, page)));
        request.size = Integer.toString(Math.min(MAX_SIZE, Math.max(1, size)));
        return request;
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }
}
