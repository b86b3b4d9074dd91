package io.pcmsim.tools.scenario;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.softwareupdate.UpdateDecision;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What happens at a moment of the timeline. Each kind has its name in the file ({@link #kind()}); car
 * events are done by each addressed car, the others once. A later kind is one more record here, its fields
 * in {@link TimelineReader} and its action in {@link EventActions}.
 */
public sealed interface Event {

    /** The value of {@code event:} in the file. */
    String kind();

    /** Whether it is done by each addressed car (false: once for the whole run). */
    default boolean perCar() {
        return true;
    }

    /** A trip: a vehicle start, then {@code distanceKm} over {@code duration}, then parked. */
    record Drive(Duration duration, double distanceKm) implements Event {
        public String kind() {
            return "drive";
        }
    }

    /** Parks: a trip in progress ends. */
    record Park() implements Event {
        public String kind() {
            return "park";
        }
    }

    /** A vehicle start (ignition on); services react (Smart Service reports). */
    record VehicleStart() implements Event {
        public String kind() {
            return "vehicle-start";
        }
    }

    /** Privacy mode switched on or off in the car. */
    record PrivacyMode(boolean on) implements Event {
        public String kind() {
            return "privacy-mode";
        }
    }

    /** A service group switched on or off. */
    record ServiceGroupSwitch(ServiceGroup group, boolean on) implements Event {
        public String kind() {
            return "service-group";
        }
    }

    /** One service switched on or off. */
    record ServiceSwitch(Service service, boolean on) implements Event {
        public String kind() {
            return "service";
        }
    }

    /** The car loses the network for {@code duration}; it keeps what it produces and sends it after. */
    record NetworkOutage(Duration duration) implements Event {
        public String kind() {
            return "network-outage";
        }
    }

    /** The car goes away (offline presence, disconnects, produces nothing). */
    record GoAway() implements Event {
        public String kind() {
            return "go-away";
        }
    }

    /** The car comes back after going away. */
    record ComeBack() implements Event {
        public String kind() {
            return "come-back";
        }
    }

    /**
     * Cars come and go at random during {@code window}: each addressed car goes away once, at a random
     * moment, for a random stay of at most {@code maxAway}, and is back before the window ends.
     */
    record ComeAndGo(Duration window, Duration maxAway) implements Event {
        public String kind() {
            return "come-and-go";
        }
    }

    /** A workshop visit: worn parts renewed, service interval restarted. */
    record Workshop() implements Event {
        public String kind() {
            return "workshop";
        }
    }

    /**
     * A fault appears in the car (its trouble codes stored, its warnings lit); a car that cannot have it
     * (a misfire in a battery-electric car) is skipped and counted.
     */
    record InjectFault(Fault fault) implements Event {
        public String kind() {
            return "fault";
        }
    }

    /**
     * A breakdown call with the consents given in it: started by the driver in the car, or placed by the
     * owner in the app (the backend then pulls the data from the car).
     */
    record BreakdownCall(boolean assistance, boolean dealer, boolean inApp) implements Event {
        public String kind() {
            return "breakdown-call";
        }
    }

    /** The cluster shows a warning or information message; the car sends it to the manual service. */
    record ManualMessage(String code) implements Event {
        public String kind() {
            return "manual-message";
        }
    }

    /** The driver opens a manual chapter, or keeps it as a favourite ({@code favourite: true}). */
    record ManualChapter(String chapter, boolean favourite) implements Event {
        public String kind() {
            return "manual-chapter";
        }
    }

    /** Smart Service sends a report now (trigger ON_REQUEST). */
    record SmartServiceReport() implements Event {
        public String kind() {
            return "smart-service-report";
        }
    }

    /**
     * The map provider publishes a new map version of {@code region} (through the backend in this process);
     * cars get it at their next vehicle start.
     */
    record MapRelease(String region, String version, long sizeBytes) implements Event {
        public String kind() {
            return "map-release";
        }

        @Override
        public boolean perCar() {
            return false;
        }
    }

    /** The embedded broker stops and starts again after {@code down} (simulated time). */
    record BrokerRestart(Duration down) implements Event {
        public String kind() {
            return "broker-restart";
        }

        @Override
        public boolean perCar() {
            return false;
        }
    }

    /**
     * The operator starts an online software update: a release for each model in the fleet (installing
     * {@code target}, a generated package of {@code sizeBytes}) and a campaign for it in waves (embedded backend).
     */
    record SoftwareCampaign(Map<String, String> target, int sizeBytes, List<Integer> waveSizes,
            double failureThreshold, int minResults) implements Event {
        public SoftwareCampaign {
            target = Map.copyOf(target);
            waveSizes = List.copyOf(waveSizes);
        }

        public String kind() {
            return "software-campaign";
        }

        @Override
        public boolean perCar() {
            return false;
        }
    }

    /** The driver answers the software update offered and waiting (no effect without one). */
    record UpdateDecisionEvent(UpdateDecision decision) implements Event {
        public String kind() {
            return "update-decision";
        }
    }

    /** The car's next software install fails with {@code reason}. */
    record InstallFailure(String reason) implements Event {
        public String kind() {
            return "install-failure";
        }
    }
}
