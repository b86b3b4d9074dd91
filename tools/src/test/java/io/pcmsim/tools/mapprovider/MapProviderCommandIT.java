package io.pcmsim.tools.mapprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.proto.v1.MapPackageChunk;
import io.pcmsim.proto.v1.MapUpdateInstalled;
import io.pcmsim.proto.v1.MapVersion;
import io.pcmsim.proto.v1.MapVersionAnswer;
import io.pcmsim.proto.v1.MapVersionQuery;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.MapIdentities;
import io.pcmsim.protocol.Topics;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code pcmsim map-provider} on its own against the embedded broker, spoken to as a car's map connection. */
class MapProviderCommandIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @Test
    @Timeout(60)
    void standaloneProvider_answersAnyWellFormedKey_sendsChunks_andPrintsTheTransferByKey() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("map-provider",
                "--broker", BROKER.url(), "--duration", "8s", "--chunk-bytes", "8192"));
        await().atMost(Duration.ofSeconds(20)).until(() -> err.toString().contains("serving"));

        AnonymousMapKey key = new AnonymousMapKey(UUID.randomUUID().toString().replace("-", ""));
        Queue<String> topics = new ConcurrentLinkedQueue<>();
        Queue<MapPackageChunk> chunks = new ConcurrentLinkedQueue<>();
        Mqtt5AsyncClient car = MqttClient.builder().identifier(MapIdentities.newCarMapClientId())
                .serverHost(BROKER.host()).serverPort(BROKER.port()).useMqttVersion5().buildAsync();
        car.connect().get(10, TimeUnit.SECONDS);
        car.subscribeWith().addSubscription().topicFilter(Topics.map(key, "answer")).qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription().addSubscription().topicFilter(Topics.map(key, "package"))
                .qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .callback(p -> {
                    topics.add(p.getTopic().toString());
                    if (p.getTopic().toString().endsWith("/package")) {
                        try {
                            chunks.add(MapPackageChunk.parseFrom(p.getPayloadAsBytes()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }).send().get(10, TimeUnit.SECONDS);
        String requestId = UUID.randomUUID().toString();
        car.publishWith().topic(Topics.map(key, "query")).qos(MqttQos.AT_LEAST_ONCE)
                .payload(MapVersionQuery.newBuilder().setAnonymousKey(key.value()).setRequestId(requestId)
                        .addInstalled(MapVersion.newBuilder().setRegion("EU").setVersion("2020.1")).build()
                        .toByteArray()).send().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(topics).contains(Topics.map(key, "answer"));
            assertThat(chunks).hasSize(8).allMatch(c -> c.getCount() == 8 && c.getVersion().equals("2027.1"));
        });
        car.publishWith().topic(Topics.map(key, "installed")).qos(MqttQos.AT_LEAST_ONCE)
                .payload(MapUpdateInstalled.newBuilder().setAnonymousKey(key.value()).setRegion("EU")
                        .setVersion("2027.1").setRequestId(requestId).build().toByteArray())
                .send().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("installed EU 2027.1 by " + key));
        car.disconnect();

        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("1 transfers");
        assertThat(out.toString()).contains("offered EU 2027.1 to " + key);
    }
}
