package vn.tiendo.query.web;

import vn.tiendo.events.common.Period;

/** Parses query parameters whose errors must name the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Period period(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadQuery(parameter, e.getMessage());
        }
    }
}
