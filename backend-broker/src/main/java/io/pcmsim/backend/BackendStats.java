package io.pcmsim.backend;

import java.util.Map;

/**
 * Counters of one {@link Backend} since it was created (not persisted).
 *
 * @param received uplink publishes the backend's MQTT session received (redeliveries count again)
 * @param stored messages stored for the first time
 * @param duplicates messages whose (vin, boot id, sequence) was already stored; stored once, counted here
 * @param rejectedByReason rejected messages by reason code: {@code malformed-topic}, {@code unknown-service},
 *        {@code invalid-vin}, {@code malformed-payload}, {@code missing-header},
 *        {@code unsupported-schema-version}, {@code vin-mismatch}, {@code body-topic-mismatch}, {@code retained},
 *        {@code payload-too-large}, {@code boot-id-zero}, {@code sequence-zero}, {@code vehicle-time-out-of-window},
 *        {@code string-too-long}, {@code nul-character}, {@code list-too-long}, {@code number-not-finite}, {@code number-out-of-range},
 *        {@code store-refused} (the database refused the message; isolated from its batch)
 * @param storedByService stored messages by service topic name ({@code login}, {@code smart-service}, ...)
 * @param writer what the writer is doing now (see {@link Backend#health()})
 * @param storeRetries writes that failed because the database was unavailable and were retried
 */
public record BackendStats(
        long received,
        long stored,
        long duplicates,
        Map<String, Long> rejectedByReason,
        Map<String, Long> storedByService,
        WriterState writer,
        long storeRetries) {

    public BackendStats {
        rejectedByReason = Map.copyOf(rejectedByReason);
        storedByService = Map.copyOf(storedByService);
    }

    /** All rejected messages. */
    public long rejectedTotal() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Messages fully handled and acknowledged: stored + duplicates + rejected. */
    public long handled() {
        return stored + duplicates + rejectedTotal();
    }

    /** Rejections with reason {@code code}, 0 when none. */
    public long rejected(String code) {
        return rejectedByReason.getOrDefault(code, 0L);
    }
}
