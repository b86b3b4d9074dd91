package io.pcmsim.backend.internal.mapprovider;

import io.pcmsim.backend.mapprovider.MapTransfer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The provider's own record of transfers, by key: the newest {@link #CAPACITY}. Thread-safe. */
public final class TransferLog {

    static final int CAPACITY = 10_000;
    private final Deque<MapTransfer> transfers = new ArrayDeque<>();

    synchronized void add(MapTransfer transfer) {
        if (transfers.size() == CAPACITY) {
            transfers.removeFirst();
        }
        transfers.addLast(transfer);
    }

    public synchronized List<MapTransfer> all() {
        return List.copyOf(transfers);
    }
}
