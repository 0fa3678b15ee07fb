package org.takedown.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint's results. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        List<T> items = query.page(request.page(), request.size()).list().stream()
                .map(view)
                .toList();
        return new Page<>(items, request.page(), request.size(), query.count());
    }

    /** As {@link #of}, with the page's items turned into views together (one query for what they all need). */
    public static <E, T> Page<T> ofAll(PanacheQuery<E> query, PageRequest request, Function<List<E>, List<T>> views) {
        List<T> items = views.apply(query.page(request.page(), request.size()).list());
        return new Page<>(items, request.page(), request.size(), query.count());
    }
}
