package io.pcmsim.tools.bench;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The messages, encoded once before any timing: the uplink topics, their raw mirrors, the payloads and their VINs. */
record IngestLoad(List<String> topics, List<String> rawTopics, List<byte[]> payloads, Set<Vin> vins) {

    /**
     * @param seed chooses the VINs and the cars
     * @param skipped VINs of {@code seed} not used: a load that skips the VINs of another has none in common with it
     */
    static IngestLoad prepare(int messages, int vehicles, long seed, int skipped) {
        // vehicle times end an hour before now: inside the backend's window whatever the count
        long perVehicle = (messages + vehicles - 1) / vehicles;
        Instant start = Instant.now().minus(Duration.ofHours(perVehicle + 1));
        RealisticUplinks uplinks = new RealisticUplinks(vehicles, seed, start, skipped);
        List<String> topics = new ArrayList<>(messages);
        List<String> raw = new ArrayList<>(messages);
        List<byte[]> payloads = new ArrayList<>(messages);
        Set<Vin> vins = new LinkedHashSet<>();
        for (int i = 0; i < messages; i++) {
            UplinkRecord record = uplinks.next();
            String topic = Topics.uplink(record.header().vin(), record.service());
            topics.add(topic);
            raw.add(IngestBenchCommand.RAW_ROOT + topic);
            payloads.add(record.payload());
            vins.add(record.header().vin());
        }
        return new IngestLoad(List.copyOf(topics), List.copyOf(raw), List.copyOf(payloads), Set.copyOf(vins));
    }

    long averageBytes() {
        return payloads.stream().mapToLong(p -> p.length).sum() / payloads.size();
    }
}
