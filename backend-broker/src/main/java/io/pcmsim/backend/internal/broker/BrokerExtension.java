package io.pcmsim.backend.internal.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.pcmsim.backend.broker.BrokerTrafficListener;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one embedded extension HiveMQ CE takes: one client initializer that adds the traffic listener's
 * interceptor and then the in-process uplink intake's (so the traffic listener sees a publish when it
 * arrives, not when the backend stored it), and an extra extension (an authorizer, say); each optional.
 * The extra extension starts after the interceptors and stops first.
 */
public final class BrokerExtension implements ExtensionMain {

    private final List<PublishInboundInterceptor> interceptors;
    private final @Nullable ExtensionMain extra;
    private final boolean topicPolicy;

    private BrokerExtension(List<PublishInboundInterceptor> interceptors, @Nullable ExtensionMain extra,
            boolean topicPolicy) {
        this.interceptors = List.copyOf(interceptors);
        this.extra = extra;
        this.topicPolicy = topicPolicy;
    }

    /** The embedded extension of the given parts; at least one of them is given. */
    public static EmbeddedExtension embedded(@Nullable BrokerTrafficListener listener, @Nullable UplinkIntake intake,
                                             @Nullable ExtensionMain extra) {
        return embedded(listener, intake, extra, false);
    }

    /**
     * The embedded extension of the given parts, with the built-in {@link io.pcmsim.backend.broker.TopicPolicy}
     * when {@code topicPolicy}; an extra extension that sets an authorizer of its own replaces the policy.
     */
    public static EmbeddedExtension embedded(@Nullable BrokerTrafficListener listener, @Nullable UplinkIntake intake,
                                             @Nullable ExtensionMain extra, boolean topicPolicy) {
        List<PublishInboundInterceptor> interceptors = new ArrayList<>();
        if (listener != null) {
            interceptors.add(new TrafficInterceptor(listener));
        }
        if (intake != null) {
            interceptors.add(intake.interceptor());
        }
        if (interceptors.isEmpty() && extra == null && !topicPolicy) {
            throw new IllegalArgumentException(
                    "an embedded broker extension needs a traffic listener, an uplink intake or an extension");
        }
        return EmbeddedExtension.builder()
                .withId("pcmsim")
                .withName("pcmsim broker extension")
                .withVersion("1")
                .withAuthor("pcmsim")
                .withPriority(0)
                .withStartPriority(1000)
                .withExtensionMain(new BrokerExtension(interceptors, extra, topicPolicy))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        if (!interceptors.isEmpty()) {
            // one initializer per extension: a second setClientInitializer would replace this one
            Services.initializerRegistry().setClientInitializer((initializerInput, clientContext) ->
                    interceptors.forEach(clientContext::addPublishInboundInterceptor));
        }
        if (topicPolicy) {
            TopicAuthorizer authorizer = new TopicAuthorizer();
            Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
        }
        if (extra != null) {
            extra.extensionStart(input, output);
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        if (extra != null) {
            extra.extensionStop(input, output);
        }
    }
}
