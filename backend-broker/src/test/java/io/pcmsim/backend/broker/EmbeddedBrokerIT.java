package io.pcmsim.backend.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.InboundPublish;
import io.pcmsim.backend.testing.TestPublisher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedBrokerIT {

    private static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void lifecycle_withPortZero_picksFreePortReportsTrafficAndIsIdempotent() throws Exception {
        List<InboundPublish> seen = new CopyOnWriteArrayList<>();
        EmbeddedBroker broker = EmbeddedBroker.builder()
                .port(0)
                .trafficListener((clientId, topic, bytes) -> seen.add(new InboundPublish(clientId, topic, bytes)))
                .build();
        try {
            CompletableFuture<Void> first = broker.start();
            CompletableFuture<Void> second = broker.start();
            first.get(60, TimeUnit.SECONDS);
            second.get(1, TimeUnit.SECONDS);

            assertThat(broker.port()).isPositive();
            assertThat(broker.host()).isEqualTo("127.0.0.1");
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            try (TestPublisher publisher = TestPublisher.connect(broker.host(), broker.port())) {
                publisher.publish("pcm/v1/vehicles/x/up/login", new byte[] {1, 2, 3});
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
            assertThat(seen.get(0).topic()).isEqualTo("pcm/v1/vehicles/x/up/login");
            assertThat(seen.get(0).payloadBytes()).isEqualTo(3);
            assertThat(seen.get(0).clientId()).startsWith("test-publisher-");
        } finally {
            CompletableFuture<Void> stop1 = broker.stop();
            CompletableFuture<Void> stop2 = broker.stop();
            stop1.get(60, TimeUnit.SECONDS);
            stop2.get(1, TimeUnit.SECONDS);
            broker.close();
        }
        assertThat(accepts(broker.host(), broker.port())).isFalse();
        assertThatThrownBy(() -> broker.start().get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void start_whenPortIsTaken_failsWithBrokerStartException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedBroker broker = EmbeddedBroker.builder().port(taken.getLocalPort()).build();
            try {
                assertThatThrownBy(() -> broker.start().get(60, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(BrokerStartException.class)
                        .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void stop_whenNeverStarted_completesAtOnce() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.builder().build();

        broker.stop().get(5, TimeUnit.SECONDS);

        assertThatThrownBy(broker::port).isInstanceOf(IllegalStateException.class);
    }
}
