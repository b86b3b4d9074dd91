package io.pcmsim.backend.internal.service;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One service on the backend side: the only place that knows its message bodies, its tables and their
 * migrations, its retention policy and its queries. The ingestion path stores every validated message
 * once ({@code uplink_message}, the vehicle row) and hands each handler the new messages of its
 * {@link #service()}, inside the same transaction. Adding a service means adding a package with a handler
 * and registering it in {@link io.pcmsim.backend.Backend}.
 *
 * <p>Called by the writers, each for its own transaction, possibly at the same time (the writer lanes, see
 * {@code WriterLanes}): implementations hold no connection and no state of a transaction in progress.
 */
public interface ServiceHandler {

    /** The service whose uplink topic this handler serves. */
    Service service();

    /** The envelope bodies of {@link #service()} this handler stores. */
    Set<UplinkEnvelope.BodyCase> bodies();

    /**
     * Flyway location of this handler's migrations, e.g. {@code classpath:db/smartservice}. All handlers'
     * locations share one schema history, so versions are dates ({@code V2026_11_29_1__...}), unique
     * across services, and may be applied out of order.
     */
    String migrationLocation();

    /** How long what this handler stores is kept: the policy of its {@link #dataClasses()}. */
    RetentionPolicy retention();

    /**
     * The data classes this service keeps, each deleted by the retention job once its policy says so. By
     * default one class named like the service's topic with {@link #retention()}: the raw messages of
     * {@link #service()}. A handler whose tables hold rows derived from its messages (or rows with their own
     * time) declares them here, e.g. {@code DataClass.messagesOf(...).and(DerivedRows.keyedLike("login"))};
     * names are unique across all handlers.
     */
    default List<DataClass> dataClasses() {
        return List.of(DataClass.messagesOf(service().topicName(), service(), retention()));
    }

    /**
     * Stores the decoded parts of {@code records}: messages of {@link #service()} stored for the first time
     * in this transaction (duplicates are filtered out before), in batch order. Must not commit or roll back.
     *
     * What to do outside the database on what was stored (e.g. send a downlink) goes to {@code afterCommit}:
     * it runs once the transaction committed, and never when it rolled back.
     *
     * @param backendTime the backend's clock for this batch
     * @param afterCommit this transaction's actions after its commit
     * @throws SQLException when the database refuses a record; the writer then isolates the refused message
     */
    void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException;
}
