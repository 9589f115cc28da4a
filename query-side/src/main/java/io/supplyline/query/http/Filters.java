package io.supplyline.query.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The filters, sort and page of a list query; a filter whose value is absent is left out. */
public final class Filters {

    /** Keeps page x size (at most 500) within an int offset. */
    public static final int MAX_PAGE = 1_000_000;

    /**
     * An entity's Panache {@code find(query, sort, parameters)}, called as {@code Entity.find(...)} in a
     * lambda: a method reference would bypass the method Panache generates in the entity.
     */
    @FunctionalInterface
    public interface Finder<E> {
        PanacheQuery<E> find(String query, Sort sort, Map<String, Object> parameters);
    }

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    public Filters equal(String field, Object value) {
        return where(field + " = :" + field, field, value);
    }

    /** A condition with one named parameter, e.g. {@code ("eta < :today", "today", date)}. */
    public Filters where(String condition, String parameter, Object value) {
        if (value != null) {
            where.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** A condition every item must meet. */
    public Filters require(String condition) {
        where.add(condition);
        return this;
    }

    /** A condition with its named parameters, applied only when {@code applies}. */
    public Filters when(boolean applies, String condition, Map<String, Object> conditionParameters) {
        if (applies) {
            where.add(condition);
            parameters.putAll(conditionParameters);
        }
        return this;
    }

    /** The filters as one condition of a query of one's own, such as a count per group; {@code 1 = 1} without any. */
    public String condition() {
        return where.isEmpty() ? "1 = 1" : String.join(" and ", where);
    }

    /** The named parameters of {@link #condition()}. */
    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    /**
     * @param sort a field name, {@code -} in front for descending; ties are broken by id, so pages are stable
     */
    public <E, V> PageView<V> page(Finder<E> finder, String sort, int page, int size, Function<E, V> view) {
        boolean descending = sort.startsWith("-");
        String column = descending ? sort.substring(1) : sort;
        Sort order = (descending ? Sort.descending(column) : Sort.ascending(column)).and("id");
        PanacheQuery<E> query = finder.find(String.join(" and ", where), order, parameters).page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(view).toList(), page, size, query.count());
    }
}
