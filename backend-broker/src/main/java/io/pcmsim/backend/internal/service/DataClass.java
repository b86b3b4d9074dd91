package io.pcmsim.backend.internal.service;

import io.pcmsim.protocol.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One class of data the backend keeps for as long as one {@link RetentionPolicy} says: what a retention run
 * deletes once it expired. Declared by the handler of the service it belongs to ({@link
 * ServiceHandler#dataClasses()}); the retention job does the deleting.
 *
 * <p>A class holds the raw messages of one service ({@code uplink_message} rows of that service, by their
 * {@code received_at}) together with the {@link DerivedRows} stored from them, which are deleted in the same
 * transaction just before the messages; and tables whose rows carry their own time ({@link ExpiringRows}).
 * Adding a table to a class is one {@link #and(DerivedRows)} or {@link #and(ExpiringRows)}.
 *
 * @param name stable name, lower case with dashes, e.g. {@code smart-service}; names the class in run records
 * @param policy how long and why
 * @param messages the service whose raw messages belong to this class, if any
 * @param derived rows derived from those messages, deleted in this order before them
 * @param tables tables with their own time column, deleted after the messages, in this order
 */
public record DataClass(String name, RetentionPolicy policy, Optional<Service> messages, List<DerivedRows> derived,
                        List<ExpiringRows> tables) {

    public DataClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(messages, "messages");
        derived = List.copyOf(derived);
        tables = List.copyOf(tables);
        if (!name.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("data class name [" + name + "] must be 1 to 64 characters of a-z,"
                    + " 0-9 and '-', starting with a letter");
        }
        if (messages.isEmpty() && !derived.isEmpty()) {
            throw new IllegalArgumentException("data class " + name + " has derived rows but no messages they"
                    + " derive from");
        }
    }

    /** The raw messages of {@code service}, nothing derived yet. */
    public static DataClass messagesOf(String name, Service service, RetentionPolicy policy) {
        return new DataClass(name, policy, Optional.of(service), List.of(), List.of());
    }

    /** No messages, only tables with their own time; add them with {@link #and(ExpiringRows)}. */
    public static DataClass tablesOnly(String name, RetentionPolicy policy) {
        return new DataClass(name, policy, Optional.empty(), List.of(), List.of());
    }

    /** This class with {@code rows} deleted too, after the derived rows declared before. */
    public DataClass and(DerivedRows rows) {
        List<DerivedRows> more = new ArrayList<>(derived);
        more.add(Objects.requireNonNull(rows, "rows"));
        return new DataClass(name, policy, messages, more, tables);
    }

    /** This class with {@code rows} deleted too, after the tables declared before. */
    public DataClass and(ExpiringRows rows) {
        List<ExpiringRows> more = new ArrayList<>(tables);
        more.add(Objects.requireNonNull(rows, "rows"));
        return new DataClass(name, policy, messages, derived, more);
    }
}
