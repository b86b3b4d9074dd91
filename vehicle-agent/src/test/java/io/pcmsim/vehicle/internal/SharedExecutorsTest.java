package io.pcmsim.vehicle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.plugins.RxJavaPlugins;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SharedExecutorsTest {

    @Test
    void applicationScheduler_afterShutdown_dropsLateCompletionsWithoutAnError() {
        SharedExecutors executors = SharedExecutors.create("test", 1, 1);
        executors.shutdown(Duration.ofSeconds(5));
        List<Throwable> undeliverable = new CopyOnWriteArrayList<>();
        RxJavaPlugins.setErrorHandler(undeliverable::add);
        try {
            // what the MQTT client does with a completion that arrives after the fleet stopped
            executors.clientExecutorConfig().getApplicationScheduler().scheduleDirect(() -> { });
        } finally {
            RxJavaPlugins.setErrorHandler(null);
        }

        assertThat(undeliverable).isEmpty();
    }
}
