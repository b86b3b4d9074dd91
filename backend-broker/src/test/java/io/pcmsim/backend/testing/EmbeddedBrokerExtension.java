package io.pcmsim.backend.testing;

import io.pcmsim.backend.broker.EmbeddedBroker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * Starts one embedded broker on a free 127.0.0.1 port before the first test of a class and stops it
 * after the last; records every inbound PUBLISH in a thread-safe queue that is cleared before each test.
 * Fails the class loudly (with the cause) when the broker does not start within a minute.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();
 * ... BROKER.host(), BROKER.port(), BROKER.url(), BROKER.traffic() ...
 * }</pre>
 *
 * Must be registered on a static field: one broker per class (HiveMQ CE needs ~1.5 s to start, ~4 s to stop).
 */
public final class EmbeddedBrokerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ConcurrentLinkedQueue<InboundPublish> traffic = new ConcurrentLinkedQueue<>();
    private final UnaryOperator<EmbeddedBroker.Builder> options;
    private volatile @Nullable EmbeddedBroker broker;

    /** A broker with the default options. */
    public EmbeddedBrokerExtension() {
        this(UnaryOperator.identity());
    }

    /** A broker with more options, e.g. {@code b -> b.inProcessIngest()}. */
    public EmbeddedBrokerExtension(UnaryOperator<EmbeddedBroker.Builder> options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedBroker b = options.apply(EmbeddedBroker.builder()
                .port(0)
                .trafficListener((clientId, topic, bytes) -> traffic.add(new InboundPublish(clientId, topic, bytes))))
                .build();
        try {
            b.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            b.close();
            throw new ExtensionConfigurationException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException | TimeoutException e) {
            b.close();
            throw new ExtensionConfigurationException("embedded broker did not start within " + START_TIMEOUT
                    + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        broker = b;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        traffic.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        EmbeddedBroker b = broker;
        broker = null;
        if (b != null) {
            b.close();
        }
    }

    /** The running broker. */
    public EmbeddedBroker broker() {
        EmbeddedBroker b = broker;
        if (b == null) {
            throw new IllegalStateException("the embedded broker runs only between beforeAll and afterAll;"
                    + " register the extension on a static field");
        }
        return b;
    }

    public String host() {
        return broker().host();
    }

    public int port() {
        return broker().port();
    }

    public String url() {
        return broker().url();
    }

    /** Inbound publishes since the current test started, in arrival order (a copy). */
    public List<InboundPublish> traffic() {
        return List.copyOf(traffic);
    }

    /**
     * Inbound publishes from position {@code fromIndex} of {@link #traffic()} on, from one consistent
     * snapshot: use this rather than {@code traffic().subList(i, traffic().size())}, whose two snapshots
     * may differ in size while the broker is busy.
     */
    public List<InboundPublish> trafficFrom(int fromIndex) {
        List<InboundPublish> snapshot = traffic();
        return snapshot.subList(Math.min(fromIndex, snapshot.size()), snapshot.size());
    }

    /** Inbound publishes to {@code topic} since the current test started. */
    public List<InboundPublish> trafficTo(String topic) {
        return traffic.stream().filter(p -> p.topic().equals(topic)).toList();
    }
}
