package io.pcmsim.backend.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one transaction of the uplink store does outside the database once it committed (send a downlink, count):
 * handlers add actions while they store, the store runs them in order after the commit, and a transaction that
 * rolled back drops them with itself. One per transaction, for the thread that writes it: handlers keep nothing
 * between transactions, so several writers can share them.
 */
public final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private final List<Runnable> actions = new ArrayList<>();

    /** Runs {@code action} once this transaction committed; never if it rolls back. Must not block. */
    public void add(Runnable action) {
        actions.add(Objects.requireNonNull(action, "action"));
    }

    /** Runs the actions in the order they were added; one that throws is logged and the others still run. */
    public void run() {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an action after a commit failed: {}", e.toString(), e);
            }
        }
        actions.clear();
    }
}
