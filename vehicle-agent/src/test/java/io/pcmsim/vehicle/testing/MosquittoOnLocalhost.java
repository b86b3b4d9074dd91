package io.pcmsim.vehicle.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when Mosquitto accepts connections on 127.0.0.1:1883; otherwise skips it with what
 * to install. With {@code CI=true} it always runs (CI must provide Mosquitto; the test then fails loudly).
 */
public final class MosquittoOnLocalhost implements ExecutionCondition {

    public static final String URL = "tcp://localhost:1883";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI")) || reachable()) {
            return ConditionEvaluationResult.enabled("Mosquitto on 127.0.0.1:1883, or CI");
        }
        return ConditionEvaluationResult.disabled("Mosquitto does not accept connections on 127.0.0.1:1883; install it "
                + "with `apt-get install mosquitto` and start it with `service mosquitto start` (or `mosquitto -d`)");
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 1883), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
