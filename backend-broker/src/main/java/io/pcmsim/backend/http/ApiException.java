package io.pcmsim.backend.http;

/**
 * A request the API answers with an error body: {@code {"status": 404, "error": "vehicle-not-found",
 * "message": "..."}}. {@code error} is a stable code for programs, {@code message} a sentence for people.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    static ApiException badRequest(String error, String message) {
        return new ApiException(400, error, message);
    }

    static ApiException notFound(String error, String message) {
        return new ApiException(404, error, message);
    }
}
