package io.pcmsim.tools.demo;

import io.pcmsim.tools.cli.StatusLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A demo run ended early by its stop signal, in this JVM: what it reports and what it leaves running. */
class DemoRunIT {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();

    private DemoRun run(int vehicles, CompletableFuture<Void> stop) {
        DemoOptions options = new DemoOptions(vehicles, Duration.ofMinutes(10), 3600, 3, 0.5, 0, 5,
                Duration.ofHours(1), Optional.empty());
        return new DemoRun(options, dataDir, new StatusLine(new PrintWriter(out, true), false), Clock.systemUTC(),
                stop);
    }

    @Test
    @Timeout(120)
    void run_whenStoppedWhileRunning_returnsTheCountsSoFarMarkedInterrupted() throws Exception {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<DemoResult> running = CompletableFuture.supplyAsync(() -> run(4, stop).run());
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("online 4/4"));

        stop.complete(null);
        DemoResult result = running.get(60, TimeUnit.SECONDS);

        assertThat(result.interrupted()).isTrue();
        assertThat(result.realTime()).isLessThan(Duration.ofMinutes(1));
        assertThat(result.published().get("login")).isGreaterThanOrEqualTo(4);
        assertThat(result.stored()).isPositive().isEqualTo(result.uplinkReceivedByBroker());
        assertThat(result.summary()).contains("INTERRUPTED, counts until then");
        assertThat(accepts(result.brokerPort())).as("broker stopped").isFalse();
    }

    @Test
    @Timeout(120)
    void run_whenStoppedBeforeItStarted_returnsAnEmptyInterruptedResultAndStopsTheBroker() throws Exception {
        DemoResult result = run(4, CompletableFuture.completedFuture(null)).run();

        assertThat(result.interrupted()).isTrue();
        assertThat(result.stored()).isZero();
        assertThat(result.realTime()).isZero();
        assertThat(accepts(result.brokerPort())).as("broker stopped").isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
