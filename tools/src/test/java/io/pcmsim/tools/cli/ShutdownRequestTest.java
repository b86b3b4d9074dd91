package io.pcmsim.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ShutdownRequestTest {

    @Test
    @Timeout(10)
    void onShutdown_requestsTheStopAndWaitsUntilTheCommandHasFinished() {
        ShutdownRequest request = new ShutdownRequest(Duration.ofSeconds(30));
        CompletableFuture<Void> hook = CompletableFuture.runAsync(request::onShutdown);

        await().atMost(Duration.ofSeconds(5)).until(request::isRequested);
        assertThat(request.requested()).isDone();
        assertThat(hook).as("the hook holds the JVM while the command writes its result").isNotDone();

        request.close();
        await().atMost(Duration.ofSeconds(5)).until(hook::isDone);
    }

    @Test
    @Timeout(10)
    void onShutdown_whenTheCommandNeverFinishes_returnsAfterTheGrace() {
        ShutdownRequest request = new ShutdownRequest(Duration.ofMillis(200));

        request.onShutdown();

        assertThat(request.isRequested()).isTrue();
    }

    @Test
    @Timeout(10)
    void onShutdown_afterTheCommandFinished_returnsAtOnce() {
        ShutdownRequest request = new ShutdownRequest(Duration.ofSeconds(30));
        request.close();

        request.onShutdown();

        assertThat(request.isRequested()).isTrue();
    }

    @Test
    void close_removesTheHookSoThatANormalExitDoesNotRunIt() {
        ShutdownRequest request = ShutdownRequest.install(Duration.ofSeconds(30));
        request.close();

        assertThat(request.isRequested()).isFalse();
        request.close(); // idempotent: a second close finds no hook and says nothing
    }
}
