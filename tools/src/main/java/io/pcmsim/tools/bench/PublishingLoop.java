package io.pcmsim.tools.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare publishing loop: pre-encoded messages, QoS 1, spread round robin over a few MQTT clients, with
 * its lead bounded: at most {@code window} messages published and not yet taken by the consumer being
 * measured (the consumer calls {@link #taken(int)}). The bound keeps every broker queue short, so that no
 * broker drops a message because the loop ran far ahead.
 */
final class PublishingLoop implements AutoCloseable {

    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final Semaphore lead;
    private final AtomicLong refused = new AtomicLong();

    private PublishingLoop(int window) {
        this.lead = new Semaphore(window);
    }

    /**
     * Connects {@code clients} MQTT 5 clients (clean sessions) named {@code prefix-1..n}.
     *
     * @throws IllegalStateException naming the broker when it cannot be reached
     */
    static PublishingLoop connect(String host, int port, String prefix, int clients, int window) {
        PublishingLoop loop = new PublishingLoop(window);
        try {
            List<CompletableFuture<?>> connected = new ArrayList<>();
            for (int i = 1; i <= clients; i++) {
                Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(prefix + "-" + i)
                        .serverHost(host).serverPort(port).buildAsync();
                loop.clients.add(client);
                connected.add(client.connectWith().cleanStart(true).send());
            }
            CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            return loop;
        } catch (Exception e) {
            loop.close();
            throw new IllegalStateException("cannot connect to the MQTT broker at tcp://" + host + ":" + port + ": "
                    + IngestBenchCommand.reason(e), e);
        }
    }

    /**
     * Publishes every message, waiting whenever the lead is used up.
     *
     * @return {@link System#nanoTime()} just before the first publish
     */
    long publish(List<String> topics, List<byte[]> payloads) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < topics.size(); i++) {
            lead.acquire();
            clients.get(i % clients.size()).publishWith().topic(topics.get(i)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payloads.get(i)).send()
                    .whenComplete((result, e) -> {
                        if (e != null || result.getError().isPresent()) {
                            refused.incrementAndGet();
                            lead.release(); // it will never be taken
                        }
                    });
        }
        return start;
    }

    /** The consumer took {@code count} more messages: the loop may publish as many again. */
    void taken(int count) {
        lead.release(count);
    }

    /** Publishes the broker refused or that failed. */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (Mqtt5AsyncClient client : clients) {
            closing.add(client.disconnect().exceptionally(e -> null));
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
