package io.pcmsim.tools.demo;

import io.pcmsim.tools.cli.WritablePath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@code pcmsim demo} checks before it starts anything, so that a run that cannot end well is
 * refused in a second rather than failing after its whole duration.
 */
final class Preflight {

    /** Where the embedded broker listens. */
    static final String BROKER_HOST = "127.0.0.1";

    private final Supplier<Optional<DescriptorBudget>> descriptors;

    Preflight(Supplier<Optional<DescriptorBudget>> descriptors) {
        this.descriptors = descriptors;
    }

    static Preflight ofThisProcess() {
        return new Preflight(DescriptorBudget::ofThisProcess);
    }

    /** The first reason the run cannot start, in one sentence naming the option and value; empty when it can. */
    Optional<String> problem(DemoOptions options, @Nullable Path report) {
        Optional<String> problem = report == null ? Optional.empty() : WritablePath.fileProblem("--report", report);
        if (problem.isEmpty() && options.dataDir().isPresent()) {
            problem = WritablePath.folderProblem("--data-dir", options.dataDir().get());
        }
        if (problem.isEmpty()) {
            problem = descriptors.get().flatMap(budget -> budget.refusal(options.vehicles()));
        }
        if (problem.isEmpty() && options.port() != 0) {
            problem = portProblem(options.port());
        }
        return problem;
    }

    private static Optional<String> portProblem(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(BROKER_HOST, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("port " + port + " is in use on " + BROKER_HOST + "; choose another --port or 0 (any"
                    + " free port)");
        }
    }
}
