package io.pcmsim.backend.internal.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import io.pcmsim.backend.broker.BrokerTrafficListener;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one embedded extension HiveMQ CE takes: the traffic listener's interceptor and an extra extension
 * (an authorizer, say), either optional, started in that order and stopped in reverse.
 */
public final class BrokerExtension implements ExtensionMain {

    private final List<ExtensionMain> parts;

    private BrokerExtension(List<ExtensionMain> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The embedded extension of {@code listener} and {@code extra}; at least one of them is given. */
    public static EmbeddedExtension embedded(@Nullable BrokerTrafficListener listener, @Nullable ExtensionMain extra) {
        List<ExtensionMain> parts = new ArrayList<>();
        if (listener != null) {
            parts.add(new TrafficExtension(listener));
        }
        if (extra != null) {
            parts.add(extra);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an embedded broker extension needs a traffic listener or an extension");
        }
        return EmbeddedExtension.builder()
                .withId("pcmsim")
                .withName("pcmsim broker extension")
                .withVersion("1")
                .withAuthor("pcmsim")
                .withPriority(0)
                .withStartPriority(1000)
                .withExtensionMain(new BrokerExtension(parts))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        parts.forEach(part -> part.extensionStart(input, output));
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).extensionStop(input, output);
        }
    }
}
