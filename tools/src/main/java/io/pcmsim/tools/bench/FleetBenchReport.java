package io.pcmsim.tools.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code pcmsim bench fleet} measured: per mode the bare clients and the fleet side by side, and the
 * fleet's figures against the targets (issue 8).
 *
 * @param broker the broker both sides used
 * @param brokerKind {@code own Mosquitto} or {@code external}
 * @param vehicles clients per side
 * @param connectRate CONNECTs per second at most on both sides, 0 for no limit
 * @param connectConcurrency CONNECTs in flight at most on both sides
 * @param cores processors of the machine
 * @param maxOpenFiles file descriptors this process may hold ({@code ulimit -n})
 * @param maxHeapBytes the JVM's maximum heap
 * @param modes one entry per mode run
 */
record FleetBenchReport(String broker, String brokerKind, int vehicles, double connectRate, int connectConcurrency,
        int cores, long maxOpenFiles, long maxHeapBytes, List<ModeFigures> modes) {

    /** Most cars one fleet JVM must hold connected (target). */
    static final int TARGET_CARS = 19_000;
    /** Fleet connect rate at least this share of the bare clients' (target). */
    static final double TARGET_CONNECT_RATIO = 0.80;
    /** Fleet sustained publish rate at least this share of the bare clients' at saturation (target). */
    static final double TARGET_PUBLISH_RATIO = 0.90;

    FleetBenchReport {
        modes = List.copyOf(modes);
    }

    /**
     * One mode.
     *
     * @param mode {@code idle} or {@code busy}
     * @param speed simulated seconds per real second of the fleet
     * @param offeredPerSecond reports per second all clients together are meant to send once connected
     * @param heapTargetBytes the most heap a connected car may take in this mode (target)
     */
    record ModeFigures(String mode, double speed, double offeredPerSecond, long heapTargetBytes, SideFigures bare,
            SideFigures fleet) {

        @JsonProperty("connectRatio")
        double connectRatio() {
            return bare.connectsPerSecond() > 0 ? fleet.connectsPerSecond() / bare.connectsPerSecond() : 0;
        }

        @JsonProperty("publishRatio")
        double publishRatio() {
            return bare.acknowledgedPerSecond() > 0 ? fleet.acknowledgedPerSecond() / bare.acknowledgedPerSecond() : 0;
        }
    }

    void writeJson(Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The table: several lines, ending with a newline. */
    String table() {
        StringBuilder s = new StringBuilder();
        s.append(format("pcmsim bench fleet: %d clients per side against %s (%s); connect limit %s, %d in flight;"
                        + " %d cores, open files limit %d, max heap %d MB%n", vehicles, broker, brokerKind,
                connectRate > 0 ? number(connectRate) + "/s" : "none", connectConcurrency, cores, maxOpenFiles,
                maxHeapBytes >> 20));
        for (ModeFigures m : modes) {
            s.append(format("%nmode %s: fleet at speed %s, %s reports per second offered once all are connected%n",
                    m.mode(), number(m.speed()), number(m.offeredPerSecond())));
            s.append(format("  %-34s %14s %14s %10s  %s%n", "", "bare clients", "fleet", "fleet/bare", "target"));
            SideFigures b = m.bare();
            SideFigures f = m.fleet();
            s.append(row("connected", b.connected() + "/" + b.vehicles(), f.connected() + "/" + f.vehicles(), "",
                    f.vehicles() >= TARGET_CARS
                            ? verdict(f.connected() >= TARGET_CARS, ">= " + TARGET_CARS + " cars") : ""));
            s.append(row("first connects per second", number1(b.connectsPerSecond()), number1(f.connectsPerSecond()),
                    ratio(m.connectRatio()), verdict(m.connectRatio() >= TARGET_CONNECT_RATIO,
                            "fleet/bare >= " + TARGET_CONNECT_RATIO)));
            s.append(row("time to all connected (s)", number1(b.connectSeconds()), number1(f.connectSeconds()), "", ""));
            s.append(row("heap per connected client (KB)", kb(b.heapPerCarBytes()), kb(f.heapPerCarBytes()),
                    ratio(b.heapPerCarBytes() > 0 ? f.heapPerCarBytes() / b.heapPerCarBytes() : 0),
                    verdict(f.heapPerCarBytes() <= m.heapTargetBytes(), "fleet <= " + m.heapTargetBytes() / 1000 + " KB")));
            s.append(row("acknowledged per second (window)", number1(b.acknowledgedPerSecond()),
                    number1(f.acknowledgedPerSecond()), ratio(m.publishRatio()), m.mode().equals("busy")
                            ? verdict(m.publishRatio() >= TARGET_PUBLISH_RATIO, "fleet/bare >= " + TARGET_PUBLISH_RATIO)
                            : "(idle: not at saturation)"));
            s.append(row("errors, reports dropped or skipped", String.valueOf(b.errors()), String.valueOf(f.errors()), "", ""));
            s.append(row("threads of the JVM", String.valueOf(b.threads()), String.valueOf(f.threads()), "", ""));
            s.append(row("load average (1 min)", number1(b.loadAverage()), number1(f.loadAverage()), "", ""));
            s.append(row("open files after stop", String.valueOf(b.openFilesAfterStop()),
                    String.valueOf(f.openFilesAfterStop()), "", ""));
        }
        return s.toString();
    }

    private static String row(String name, String bare, String fleet, String ratio, String target) {
        return format("  %-34s %14s %14s %10s  %s%n", name, bare, fleet, ratio, target);
    }

    private static String verdict(boolean met, String target) {
        return target + (met ? "  met" : "  MISSED");
    }

    private static String ratio(double value) {
        return value > 0 ? format("%.2f", value) : "";
    }

    private static String kb(double bytes) {
        return format("%.1f", bytes / 1000);
    }

    private static String number1(double value) {
        return format("%.1f", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : format("%.2f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
