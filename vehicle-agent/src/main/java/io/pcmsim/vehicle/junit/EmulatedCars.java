package io.pcmsim.vehicle.junit;

import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs emulated cars against your own MQTT broker (and so your backend) while your
 * tests run. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmulatedCars cars = EmulatedCars.against("tcp://localhost:1883").vehicles(5).seed(42).build();
 * }</pre>
 *
 * <p>Before the first test of the class it checks that the broker can be reached, starts the fleet and waits
 * until every car has connected and logged in (a test fails with a sentence naming the broker when it cannot
 * be reached or the cars do not connect in time); after the last test it stops the cars and every thread they
 * used. With {@link Builder#perTest()}, or on a non-static field, each test gets a fresh fleet instead. Test
 * methods and constructors may declare parameters of type {@link Fleet}, {@link EmulatedVehicle} (the first
 * car, or the one {@link Car} names) and {@code EmulatedCars}.
 *
 * <p>The cars keep a history of what they sent and received ({@link EmulatedVehicle#history()}, 100 messages
 * each way by default). Outside JUnit, {@link #start()} and {@link #close()} do the same by hand.
 */
public final class EmulatedCars implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, AutoCloseable {

    private final CarsSettings settings;
    private final Object lock = new Object();
    private @Nullable Fleet fleet;
    private boolean startedForOneTest;

    EmulatedCars(CarsSettings settings) {
        this.settings = settings;
    }

    /**
     * Cars against the broker at {@code brokerUrl}: {@code tcp://HOST:PORT} (port 1883 when left out),
     * {@code ssl://HOST:PORT} for TLS with the JDK's trust store (port 8883), or {@code HOST:PORT}.
     *
     * @throws IllegalArgumentException naming the URL when it is not one of those
     */
    public static Builder against(String brokerUrl) {
        return new Builder(BrokerUrl.parse(brokerUrl));
    }

    /** Cars against the broker at {@code host}:{@code port}, plain MQTT. */
    public static Builder against(String host, int port) {
        return new Builder(new BrokerUrl(host, port, false));
    }

    /**
     * Starts the cars and waits until every one has connected; does nothing when they run already.
     *
     * @throws IllegalStateException with a sentence for the test report when the broker cannot be reached
     *     or the cars did not all connect within the connect timeout (the cars are stopped again then)
     */
    public Fleet start() {
        synchronized (lock) {
            if (fleet == null) {
                fleet = FleetStarter.start(settings);
            }
            return fleet;
        }
    }

    /** Stops the cars and their threads; does nothing when they are not running. */
    @Override
    public void close() {
        Fleet running;
        synchronized (lock) {
            running = fleet;
            fleet = null;
        }
        if (running != null) {
            running.close();
        }
    }

    /**
     * The running fleet.
     *
     * @throws IllegalStateException when the cars are not running (before {@link #start()} or after the tests)
     */
    public Fleet fleet() {
        synchronized (lock) {
            if (fleet == null) {
                throw new IllegalStateException("the emulated cars are not running: they start before the tests "
                        + "of the class that registers them, or with start()");
            }
            return fleet;
        }
    }

    /** The running cars, in VIN order. */
    public List<EmulatedVehicle> vehicles() {
        return fleet().vehicles();
    }

    /**
     * The running car at {@code index} of {@link #vehicles()}.
     *
     * @throws IndexOutOfBoundsException naming the index and the number of cars
     */
    public EmulatedVehicle vehicle(int index) {
        List<EmulatedVehicle> all = vehicles();
        if (index < 0 || index >= all.size()) {
            throw new IndexOutOfBoundsException("car " + index + " asked for, the fleet has " + all.size()
                    + " (indexes 0 to " + (all.size() - 1) + ")");
        }
        return all.get(index);
    }

    /** The configuration the cars run with (a new simulated clock at each start). */
    public FleetConfig config() {
        return fleet().config();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!settings.perTest()) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (lock) {
            if (fleet != null) {
                return;
            }
            startedForOneTest = true;
        }
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean stop;
        synchronized (lock) {
            stop = startedForOneTest;
            startedForOneTest = false;
        }
        if (stop) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Fleet.class || type == EmulatedVehicle.class || type == EmulatedCars.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == EmulatedCars.class) {
            return this;
        }
        try {
            if (type == Fleet.class) {
                return fleet();
            }
            Optional<Car> car = parameter.findAnnotation(Car.class);
            return vehicle(car.map(Car::value).orElse(0));
        } catch (IllegalStateException | IndexOutOfBoundsException e) {
            throw new ParameterResolutionException("cannot supply " + parameter.getParameter() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EmulatedCars[" + settings + "]";
    }

    /** Configures {@link EmulatedCars}; the defaults are listed on each method. Not thread-safe. */
    public static final class Builder {
        private final BrokerUrl broker;
        private int vehicles = 1;
        private long seed = 1;
        private double speed = 1;
        private int history = 100;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private boolean perTest;
        private Consumer<FleetConfig.Builder> more = b -> { };

        private Builder(BrokerUrl broker) {
            this.broker = broker;
        }

        /** How many cars, at least 1 (default 1). */
        public Builder vehicles(int count) {
            this.vehicles = count;
            return this;
        }

        /** Seed of VINs and cars: same seed, same cars (default 1). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Simulated seconds per real second, e.g. 3600 for one hourly report per car per second (default 1). */
        public Builder speed(double value) {
            this.speed = value;
            return this;
        }

        /** Messages each car keeps in its history per direction, 0 for none (default 100). */
        public Builder history(int capacity) {
            this.history = capacity;
            return this;
        }

        /** How long to wait for every car to connect before the tests fail (default 30 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** A fresh fleet for each test (started before it, stopped after it) instead of one for the class. */
        public Builder perTest() {
            this.perTest = true;
            return this;
        }

        /**
         * Anything else of the fleet's configuration (report interval, MQTT version, credentials, privacy
         * fraction, ...), applied after the settings above.
         */
        public Builder configure(Consumer<FleetConfig.Builder> settings) {
            this.more = this.more.andThen(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * The extension; connects nothing yet.
         *
         * @throws IllegalArgumentException naming a value that cannot be used
         */
        public EmulatedCars build() {
            if (history < 0 || history > FleetConfig.MAX_HISTORY) {
                throw new IllegalArgumentException("history must be 0 to " + FleetConfig.MAX_HISTORY + ", was "
                        + history);
            }
            return new EmulatedCars(new CarsSettings(broker, vehicles, seed, speed, history, connectTimeout, perTest,
                    more));
        }
    }
}
