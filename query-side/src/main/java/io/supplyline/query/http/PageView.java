package io.supplyline.query.http;

import java.util.List;

/** Every list answer: one page of items and the total across all pages. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
