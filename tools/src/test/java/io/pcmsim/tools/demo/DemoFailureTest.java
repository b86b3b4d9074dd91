package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DemoFailureTest {

    @Test
    void of_whenAFileCouldNotBeWritten_namesTheFileAndTheOption() {
        var cause = new CompletionException(new IllegalStateException("HiveMQ CE could not be prepared",
                new AccessDeniedException("/data/broker")));

        DemoFailure failure = DemoFailure.of("the embedded MQTT broker did not start on 127.0.0.1:1883",
                "if the port is in use, choose another --port or 0", cause);

        assertThat(failure).hasMessage("the embedded MQTT broker did not start on 127.0.0.1:1883; it cannot write"
                + " to /data/broker; choose another --data-dir").hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void of_otherwise_givesTheUsualAdviceAndNoExceptionText() {
        DemoFailure failure = DemoFailure.of("the cars did not all connect", "try fewer --vehicles",
                new TimeoutException());

        assertThat(failure).hasMessage("the cars did not all connect; try fewer --vehicles");
        assertThat(DemoFailure.of("the backend did not start", "", new IllegalStateException("x")))
                .hasMessage("the backend did not start");
    }
}
