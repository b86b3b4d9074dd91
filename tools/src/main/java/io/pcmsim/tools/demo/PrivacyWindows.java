package io.pcmsim.tools.demo;

import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receiving side's record of which cars the harness has in privacy mode, and of every uplink
 * publish the broker receives from such a car while its window is open.
 *
 * <p>The harness opens a window only after the car has confirmed that its gate is shut and every
 * earlier publish is acknowledged, and closes it before it lets the car transmit again, so a
 * publish counted here is a publish the car made while it was private. "The car made it" means the
 * publishing MQTT client's id is the car's VIN (a car connects with its VIN as client id): another
 * client that publishes on a private car's topic cannot fake a violation; its publishes, and those
 * of any client on a topic not named after it, are counted as {@link #foreignPublishesOnCarTopics()}.
 * Thread-safe; {@link #onPublish} is called on broker threads and does no I/O.
 */
public final class PrivacyWindows {

    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final Set<String> everPrivate = ConcurrentHashMap.newKeySet();
    private final LongAdder receivedWhilePrivate = new LongAdder();
    private final Map<String, LongAdder> receivedWhilePrivateByVin = new ConcurrentHashMap<>();
    private final LongAdder uplinkPublishes = new LongAdder();
    private final LongAdder foreignPublishes = new LongAdder();

    public void open(Vin vin) {
        everPrivate.add(vin.value());
        open.add(vin.value());
    }

    public void close(Vin vin) {
        open.remove(vin.value());
    }

    /** Counts one inbound PUBLISH seen by the broker. */
    public void onPublish(String clientId, String topic) {
        var uplink = Topics.parseUplink(topic);
        if (uplink.isEmpty()) {
            return;
        }
        uplinkPublishes.increment();
        if (!uplink.get().vinText().equals(clientId)) {
            foreignPublishes.increment();
        }
        if (open.contains(clientId)) {
            receivedWhilePrivate.increment();
            receivedWhilePrivateByVin.computeIfAbsent(clientId, v -> new LongAdder()).increment();
        }
    }

    /** Uplink publishes the broker received from cars while their privacy window was open. */
    public long receivedWhilePrivate() {
        return receivedWhilePrivate.sum();
    }

    /** Uplink publishes made by a client other than the car the topic names (not counted as the car's). */
    public long foreignPublishesOnCarTopics() {
        return foreignPublishes.sum();
    }

    /** All uplink publishes the broker received, foreign ones included. */
    public long uplinkPublishes() {
        return uplinkPublishes.sum();
    }

    /** Cars that were in privacy mode at some point of the run. */
    public int vehiclesEverPrivate() {
        return everPrivate.size();
    }

    /** VINs that published while private, for the error message when there are any. */
    public Set<String> offenders() {
        return Set.copyOf(receivedWhilePrivateByVin.keySet());
    }
}
