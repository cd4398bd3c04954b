package vn.tiendo.query.web;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static final int MAX_SIZE = 500;

    public static <T> Page<T> of(List<T> all, int page, int size) {
        if (page < 0) {
            throw new BadQuery("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQuery("size", "size must be between 1 and " + MAX_SIZE);
        }
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size(), (all.size() + size - 1) / size);
    }
}
