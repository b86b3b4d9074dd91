package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Vin;
import org.junit.jupiter.api.Test;

/** Uplinks missing from a recording, counted from the gaps in each boot's sequence numbers. */
class SequenceGapsTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final String TOPIC = "pcm/v1/vehicles/" + VIN + "/up/login";

    private static TrafficMessage uplink(long boot, long sequence) {
        return new TrafficMessage(0, TOPIC, 1, false, Uplinks.login(VIN, boot, sequence).toByteArray());
    }

    @Test
    void gaps_withinABoot_areCounted_notWhatCameBeforeTheFirstOrDuplicates() {
        SequenceGaps gaps = new SequenceGaps();

        gaps.see(uplink(1, 5));
        gaps.see(uplink(1, 6));
        gaps.see(uplink(1, 9));
        gaps.see(uplink(1, 9));
        gaps.see(uplink(1, 7));
        gaps.see(uplink(2, 3));
        gaps.see(uplink(2, 5));
        gaps.see(new TrafficMessage(0, TOPIC, 1, false, new byte[] {(byte) 0xff}));

        assertThat(gaps.missing()).isEqualTo(2 + 1);
    }
}
