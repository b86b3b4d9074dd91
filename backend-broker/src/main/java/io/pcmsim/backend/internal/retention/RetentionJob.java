package io.pcmsim.backend.internal.retention;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.DeletedRows;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.backend.retention.ClassDeletion;
import io.pcmsim.backend.retention.Retention;
import io.pcmsim.backend.retention.RetentionClass;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Retention} over a {@link Database}: each run opens its own connection, records itself as RUNNING,
 * deletes class after class ({@link ClassDeleter}), records each class when it is done and ends COMPLETED, or
 * FAILED with the error (what was committed stays deleted). Runs of one job are serialized.
 */
public final class RetentionJob implements Retention, AutoCloseable {

    /** Flyway location of the run tables. */
    public static final String MIGRATIONS = "classpath:db/retention";
    /** Messages (or rows) deleted per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Database database;
    private final List<DataClass> classes;
    private final Clock clock;
    private final Runnable schema;
    private final ClassDeleter deleter;
    private final RunSchedule schedule;
    private final Map<String, AtomicLong> deletedByClass = new LinkedHashMap<>();
    private final Object runs = new Object();
    private volatile boolean schemaReady;
    private volatile boolean stopping;

    /**
     * @param classes the data classes, in the order a run deletes them ({@link RetentionClasses#of})
     * @param clock the backend's clock: run start and end, and the daily schedule
     * @param schema migrates the schema (idempotent); called before the first run
     */
    public RetentionJob(Database database, List<DataClass> classes, Clock clock, Runnable schema, int batchSize) {
        this.database = Objects.requireNonNull(database, "database");
        this.classes = List.copyOf(classes);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.deleter = new ClassDeleter(batchSize, () -> stopping);
        this.schedule = new RunSchedule(clock, asOf -> run(asOf, RetentionTrigger.SCHEDULE));
        this.classes.forEach(c -> deletedByClass.put(c.name(), new AtomicLong()));
    }

    /**
     * Starts the runs on the clock (a thread of its own): daily, and as soon as the oldest record of a class
     * expires when that comes first.
     */
    public void startDaily() {
        scheduleNextExpiry();
        schedule.start();
    }

    /** Runs now if a daily run is due; for tests that drive the clock. */
    public boolean tick() {
        return schedule.tick();
    }

    /** When the next scheduled run is due. */
    public Instant nextDailyRun() {
        return schedule.nextDue();
    }

    @Override
    public RetentionRun run(Instant asOf, RetentionTrigger trigger) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(trigger, "trigger");
        synchronized (runs) {
            ensureSchema();
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                long id = RunRecords.begin(c, asOf, clock.instant(), trigger);
                c.commit();
                return runClasses(c, id, asOf);
            } catch (SQLException e) {
                throw new StorageException("retention run as of " + asOf + " could not be recorded: " + e.getMessage(), e);
            }
        }
    }

    /** Brings the next scheduled run forward to the moment the oldest record of a class expires. */
    private void scheduleNextExpiry() {
        try (Connection c = database.connect()) {
            scheduleNextExpiry(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("next retention expiry not known, the daily run stays: {}", e.getMessage());
        }
    }

    private void scheduleNextExpiry(Connection c) throws SQLException {
        for (DataClass dataClass : classes) {
            ClassDeleter.nextExpiry(c, dataClass).ifPresent(schedule::dueBy);
        }
    }

    private void ensureSchema() {
        if (!schemaReady) {
            schema.run();
            schemaReady = true;
        }
    }

    private RetentionRun runClasses(Connection c, long id, Instant asOf) throws SQLException {
        String error = null;
        int position = 0;
        for (DataClass dataClass : classes) {
            DeletedRows deleted = new DeletedRows();
            Instant cutoff = dataClass.policy().cutoff(asOf);
            try {
                deleter.delete(c, dataClass, cutoff, deleted);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                error = dataClass.name() + ": " + e.getMessage();
            }
            deletedByClass.get(dataClass.name()).addAndGet(deleted.total());
            RunRecords.addClass(c, id, position++, new ClassDeletion(dataClass.name(), dataClass.policy().keep(),
                    dataClass.policy().rationale(), cutoff, deleted.total(), deleted.byTable()));
            c.commit();
            if (error != null) {
                break;
            }
        }
        if (error == null) {
            try {
                RetiredSequences.forgetGoneBoots(c);
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                error = "retired sequence numbers: " + e.getMessage();
            }
        }
        RetentionRun.Outcome outcome = error == null ? RetentionRun.Outcome.COMPLETED : RetentionRun.Outcome.FAILED;
        RunRecords.finish(c, id, clock.instant(), outcome, error);
        c.commit();
        RetentionRun run = RunRecords.find(c, id).orElseThrow();
        c.commit();
        if (error == null) {
            scheduleNextExpiry(c);
            c.commit();
        }
        if (error == null) {
            LOG.info("retention run {} as of {} ({}): deleted {} rows {}", id, asOf, run.triggeredBy(), run.deleted(),
                    summary(run));
        } else {
            LOG.warn("retention run {} as of {} ({}) failed after deleting {} rows: {}", id, asOf, run.triggeredBy(),
                    run.deleted(), error);
        }
        return run;
    }

    private static String summary(RetentionRun run) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        run.classes().forEach(c -> byClass.put(c.dataClass(), c.deleted()));
        return byClass.toString();
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public List<RetentionRun> runs(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return read(c -> RunRecords.newest(c, limit), "the retention runs");
    }

    @Override
    public Optional<RetentionRun> run(long id) {
        return read(c -> RunRecords.find(c, id), "retention run " + id);
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> read, String what) {
        ensureSchema();
        try (Connection c = database.connect()) {
            return read.from(c);
        } catch (SQLException e) {
            throw new StorageException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<RetentionClass> classes() {
        List<RetentionClass> all = new ArrayList<>(classes.size());
        for (DataClass c : classes) {
            all.add(new RetentionClass(c.name(), c.policy().keep(), c.policy().rationale(), ClassDeleter.tables(c)));
        }
        return all;
    }

    @Override
    public Map<String, Long> deletedByClass() {
        Map<String, Long> copy = new LinkedHashMap<>();
        deletedByClass.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    /** Stops the daily runs; a run in progress ends after its current batch (recorded as FAILED). */
    @Override
    public void close() {
        stopping = true;
        schedule.close();
    }
}
