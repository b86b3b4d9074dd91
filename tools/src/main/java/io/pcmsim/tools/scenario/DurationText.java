package io.pcmsim.tools.scenario;

import java.time.Duration;

/** Durations as a scenario file writes them: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d12h}. */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                out.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return out.toString();
    }
}
