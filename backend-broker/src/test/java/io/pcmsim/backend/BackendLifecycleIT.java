package io.pcmsim.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackendLifecycleIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;

    private static boolean backendThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("pcmsim-backend"));
    }

    @Test
    void startAndStop_whenCalledTwice_areIdempotentAndLeaveNoBackendThread() throws Exception {
        Backend backend = Backend.create(BackendConfig.of(BROKER.host(), BROKER.port(), dataDir));

        CompletableFuture<Void> first = backend.start();
        CompletableFuture<Void> second = backend.start();
        first.get(30, TimeUnit.SECONDS);
        second.get(1, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.health().writer() == WriterState.RUNNING);
        backend.stop().get(30, TimeUnit.SECONDS);
        assertThat(backend.health().writer()).isEqualTo(WriterState.STOPPED);
        assertThat(backend.stats().writer()).isEqualTo(WriterState.STOPPED);
        backend.stop().get(1, TimeUnit.SECONDS);
        backend.close();

        assertThat(dataDir.resolve("backend.mv.db")).exists();
        await().atMost(Duration.ofSeconds(10)).until(() -> !backendThreadsAlive());
        assertThatThrownBy(() -> backend.start().get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void start_whenNoBrokerListens_failsAndReleasesEverything() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Backend backend = Backend.create(BackendConfig.of("127.0.0.1", closedPort, dataDir));

        assertThatThrownBy(() -> backend.start().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining(String.valueOf(closedPort));
        backend.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !backendThreadsAlive());
    }
}
