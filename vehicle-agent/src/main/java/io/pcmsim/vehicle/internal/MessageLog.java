package io.pcmsim.vehicle.internal;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.vehicle.fleet.MessageHistory;
import io.pcmsim.vehicle.fleet.ReceivedDownlink;
import io.pcmsim.vehicle.fleet.SentUplink;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * One car's bounded {@link MessageHistory}: two rings of the newest messages. Written on the car's lane,
 * read from any thread; one small lock per car, taken only by cars that keep a history.
 */
public final class MessageLog implements MessageHistory {

    private final int capacity;
    private final Clock wallClock;
    private final ArrayDeque<SentUplink> sent;
    private final ArrayDeque<ReceivedDownlink> received;
    private long sentTotal;
    private long receivedTotal;

    /** @param capacity messages kept per direction, at least 1 */
    public MessageLog(int capacity, Clock wallClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.sent = new ArrayDeque<>(Math.min(capacity, 16));
        this.received = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /** Keeps an uplink handed to the MQTT client now. */
    public synchronized void sent(Service service, String topic, UplinkHeader header, UplinkEnvelope envelope) {
        if (sent.size() == capacity) {
            sent.removeFirst();
        }
        sent.addLast(new SentUplink(service, topic, header, wallClock.instant(), envelope));
        sentTotal++;
    }

    /** Keeps a downlink received now. */
    public synchronized void received(Service service, DownlinkEnvelope envelope) {
        if (received.size() == capacity) {
            received.removeFirst();
        }
        received.addLast(new ReceivedDownlink(service, wallClock.instant(), envelope));
        receivedTotal++;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized List<SentUplink> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized List<ReceivedDownlink> received() {
        return List.copyOf(received);
    }

    @Override
    public synchronized long sentTotal() {
        return sentTotal;
    }

    @Override
    public synchronized long receivedTotal() {
        return receivedTotal;
    }
}
