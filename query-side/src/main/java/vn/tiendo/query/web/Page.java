package vn.tiendo.query.web;

import java.util.List;

/**
 * One page of a list; {@code page} counts from 0 (from the cursor, for a page asked {@code after} one). {@code next}:
 * where the following page starts, for lists that page by cursor (null at the end, and for the others).
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages, String next) {

    public Page(List<T> items, int page, int size, long totalItems, int totalPages) {
        this(items, page, size, totalItems, totalPages, null);
    }

    /** The same page, saying where the following one starts. */
    public Page<T> withNext(String cursor) {
        return new Page<>(items, page, size, totalItems, totalPages, cursor);
    }

    public static final int MAX_SIZE = 500;

    /** What a client asked for, checked: the SQL's {@code limit} and {@code offset}. */
    public record Request(int page, int size) {
        public Request {
            if (page < 0) {
                throw new BadQuery("page", "page must be 0 or more");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new BadQuery("size", "size must be between 1 and " + MAX_SIZE);
            }
        }

        public long offset() {
            return (long) page * size;
        }

        /** A page cut from a list already in memory. */
        public <T> Page<T> cut(List<T> all) {
            int from = (int) Math.min(offset(), all.size());
            int to = Math.min(from + size, all.size());
            return of(all.subList(from, to), all.size());
        }

        /** A page the database cut: its items and the count of all matching rows. */
        public <T> Page<T> of(List<T> items, long totalItems) {
            return new Page<>(List.copyOf(items), page, size, totalItems, (int) ((totalItems + size - 1) / size));
        }
    }

    public static <T> Page<T> of(List<T> all, int page, int size) {
        return new Request(page, size).cut(all);
    }
}
