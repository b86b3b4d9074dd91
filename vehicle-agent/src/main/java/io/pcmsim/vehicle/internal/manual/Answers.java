package io.pcmsim.vehicle.internal.manual;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Futures waiting for the backend's answer to a request, by the request's id. Bounded: when full, the
 * oldest waiting future completes empty (no answer) to make room. Use on the vehicle's lane.
 */
final class Answers<T> {

    private final int capacity;
    private final Map<String, CompletableFuture<Optional<T>>> waiting = new LinkedHashMap<>();

    Answers(int capacity) {
        this.capacity = capacity;
    }

    /** A future for the answer to {@code id}. */
    CompletableFuture<Optional<T>> await(String id) {
        if (waiting.size() >= capacity) {
            Iterator<CompletableFuture<Optional<T>>> oldest = waiting.values().iterator();
            oldest.next().complete(Optional.empty());
            oldest.remove();
        }
        CompletableFuture<Optional<T>> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        return answer;
    }

    /** The answer to {@code id} arrived; ignored when nobody waits for it. */
    void answered(String id, T value) {
        CompletableFuture<Optional<T>> answer = waiting.remove(id);
        if (answer != null) {
            answer.complete(Optional.of(value));
        }
    }
}
