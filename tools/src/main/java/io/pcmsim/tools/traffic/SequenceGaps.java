package io.pcmsim.tools.traffic;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts uplinks that did not reach a listener, from the gaps in each boot's sequence numbers: a
 * recording made while the broker dropped messages for a slow subscriber (Mosquitto does beyond its
 * {@code max_queued_messages}) says so. Only gaps between messages seen are counted, not what a car sent
 * before the listener started; a message arriving after a later one of its boot is not counted again.
 * Thread-safe.
 */
final class SequenceGaps {

    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    private final AtomicLong missing = new AtomicLong();

    /** Looks at one message; anything but a decodable uplink is ignored. */
    void see(TrafficMessage message) {
        if (TopicKind.of(message.topic()).direction() != TopicKind.Direction.UP) {
            return;
        }
        Header header;
        try {
            header = UplinkEnvelope.parseFrom(message.payload()).getHeader();
        } catch (InvalidProtocolBufferException e) {
            return;
        }
        long sequence = header.getSequence();
        newest.merge(header.getVin() + "/" + header.getBootId(), sequence, (before, now) -> {
            if (now > before + 1) {
                missing.addAndGet(now - before - 1);
            }
            return Math.max(before, now);
        });
    }

    /** Uplinks missing between those seen, by their sequence numbers. */
    long missing() {
        return missing.get();
    }
}
