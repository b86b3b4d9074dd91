package io.pcmsim.backend.http;

import org.jspecify.annotations.Nullable;

/** Reading the query parameters several routes share. */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * {@code ?limit=N}: {@code defaultLimit} when absent.
     *
     * @throws ApiException 400 {@code invalid-query} unless a whole number from 1 to {@code max}
     */
    static int limit(@Nullable String text, int defaultLimit, int max) {
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid-query", "limit must be a whole number from 1 to " + max + "; was " + text);
    }
}
