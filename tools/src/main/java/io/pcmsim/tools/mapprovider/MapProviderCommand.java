package io.pcmsim.tools.mapprovider;

import io.pcmsim.backend.mapprovider.MapProvider;
import io.pcmsim.backend.mapprovider.MapProviderConfig;
import io.pcmsim.backend.mapprovider.MapProviderEvents;
import io.pcmsim.backend.mapprovider.MapRelease;
import io.pcmsim.backend.mapprovider.MapTransfer;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.MapIdentities;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.fleet.BrokerAddress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pcmsim map-provider}: the map provider alone, on any broker. */
@Command(
        name = "map-provider",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the map provider on its own: it answers the cars' map version queries on maps/v1/{key}/query with "
                    + "its sample catalogue, sends newer maps in chunks and prints each transfer by anonymous key "
                    + "(never a VIN). Without a backend to register keys, it answers every well-formed key.",
            "The backend runs a provider of its own in-process; run this one against a broker whose ACL gives its "
                    + "client id (" + MapIdentities.PROVIDER + "-SUFFIX) maps/# only (docs/api.md).",
            "Exit codes: 0 done (--duration reached), 1 failed (broker unreachable), 2 bad arguments, "
                    + "130 ended by Ctrl-C (SIGINT), 143 by SIGTERM."
        })
public final class MapProviderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URL", converter = BrokerAddress.Converter.class,
            defaultValue = "tcp://127.0.0.1:1883", description = "The broker, tcp://HOST:PORT (default ${DEFAULT-VALUE}).")
    BrokerAddress broker;

    @Option(names = "--client-id-suffix", paramLabel = "TEXT", defaultValue = "standalone",
            description = "Its client id is " + MapIdentities.PROVIDER + "-TEXT (default ${DEFAULT-VALUE}).")
    String suffix;

    @Option(names = "--chunk-bytes", paramLabel = "N", defaultValue = "" + MapProviderConfig.DEFAULT_CHUNK_BYTES,
            description = "Size of a package chunk, 256 to 262144 bytes (default ${DEFAULT-VALUE}).")
    int chunkBytes;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 10m); default: until Ctrl-C.")
    @Nullable Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (broker.tls()) {
            err.println("pcmsim map-provider: the map provider connects over plain TCP only; give the broker as tcp://HOST:PORT");
            return 2;
        }
        MapProviderConfig config;
        try {
            config = new MapProviderConfig(broker.host(), broker.port(), MapIdentities.PROVIDER,
                    chunkBytes, true, Clock.systemUTC()).withClientIdSuffix(suffix);
        } catch (IllegalArgumentException e) {
            err.println("pcmsim map-provider: " + e.getMessage());
            return 2;
        }
        MapProvider provider = MapProvider.create(config, new Printer(out));
        try (ShutdownRequest shutdown = ShutdownRequest.install(Duration.ofSeconds(10))) {
            try {
                provider.start().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                err.println("pcmsim map-provider: cannot serve on " + broker + ": "
                        + (e.getCause() == null ? e : e.getCause()).getMessage());
                provider.stop();
                return 1;
            }
            err.println("pcmsim map-provider: " + config.clientId() + " serving " + provider.catalogue().releases().size()
                    + " map versions on " + broker);
            err.flush();
            CompletableFuture<Void> end = duration == null ? shutdown.requested()
                    : CompletableFuture.anyOf(shutdown.requested(), CompletableFuture.runAsync(() -> { },
                            CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS)))
                            .thenApply(v -> null);
            try {
                end.get();
            } catch (ExecutionException e) {
                err.println("pcmsim map-provider: " + e.getCause().getMessage());
            }
            provider.close();
            err.println("pcmsim map-provider: " + provider.transfers().size() + " transfers");
            err.flush();
            return shutdown.isRequested() ? 130 : 0;
        }
    }

    /** One line per event, by key. */
    private record Printer(PrintWriter out) implements MapProviderEvents {
        @Override
        public void offered(AnonymousMapKey key, MapRelease release) {
            line("offered " + release.region() + " " + release.version() + " to " + key);
        }

        @Override
        public void transferred(MapTransfer transfer) {
            line("installed " + transfer.region() + " " + transfer.version() + " by " + transfer.key() + " at "
                    + transfer.at());
        }

        private void line(String text) {
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        }
    }
}
