package io.pcmsim.tools.scenario;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.breakdown.CaseState;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.tools.demo.PrivacySwitch;
import io.pcmsim.vehicle.fleet.BreakdownCallResult;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each car event does to one car, through the public {@link EmulatedVehicle} API (and, for a
 * breakdown call placed in the app, the backend's {@code breakdown()} API). Faults and breakdown calls are
 * counted in an {@link EventCounter}.
 */
final class EventActions {

    private static final Logger LOG = LoggerFactory.getLogger(EventActions.class);

    private final PrivacySwitch privacy;
    private final EventCounter counter;
    private final Supplier<@Nullable Backend> backend;

    /** @param backend the backend running now; null while there is none (a broker restart) */
    EventActions(PrivacySwitch privacy, EventCounter counter, Supplier<@Nullable Backend> backend) {
        this.privacy = privacy;
        this.counter = counter;
        this.backend = backend;
    }

    CompletableFuture<Void> apply(Event event, EmulatedVehicle car) {
        if (event instanceof Event.Drive drive) {
            return car.drive(drive.duration(), drive.distanceKm());
        } else if (event instanceof Event.Park) {
            return car.park();
        } else if (event instanceof Event.VehicleStart) {
            return car.startVehicle();
        } else if (event instanceof Event.PrivacyMode mode) {
            return mode.on() ? privacy.on(car) : privacy.off(car);
        } else if (event instanceof Event.ServiceGroupSwitch group) {
            return car.setServiceGroup(group.group(), group.on());
        } else if (event instanceof Event.ServiceSwitch service) {
            return car.setServiceEnabled(service.service(), service.on());
        } else if (event instanceof Event.NetworkOutage outage) {
            return car.networkOutage(outage.duration());
        } else if (event instanceof Event.GoAway) {
            return car.goAway();
        } else if (event instanceof Event.ComeBack) {
            return car.comeBack();
        } else if (event instanceof Event.Workshop) {
            return car.visitWorkshop();
        } else if (event instanceof Event.SmartServiceReport) {
            return car.requestReport();
        } else if (event instanceof Event.InjectFault fault) {
            return injectFault(fault, car);
        } else if (event instanceof Event.ManualMessage message) {
            return car.showManualMessage(message.code()).thenApply(links -> null);
        } else if (event instanceof Event.ManualChapter chapter) {
            return chapter.favourite() ? car.setManualFavourite(chapter.chapter(), true)
                    : car.openManualChapter(chapter.chapter());
        } else if (event instanceof Event.BreakdownCall call) {
            return call.inApp() ? appCall(call, car) : carCall(call, car);
        } else if (event instanceof Event.UpdateDecisionEvent decision) {
            return car.decideUpdate(decision.decision());
        } else if (event instanceof Event.InstallFailure failure) {
            return car.injectInstallFailure(failure.reason());
        }
        throw new IllegalArgumentException(event.kind() + " is not done car by car");
    }

    /** Publishes a map version through the backend's map update; logged and skipped without a backend. */
    void publishMap(Event.MapRelease release) {
        Backend running = backend.get();
        if (running == null) {
            LOG.info("map release {} {} skipped: no backend is running", release.region(), release.version());
            return;
        }
        try {
            running.mapUpdate().catalogue().publish(release.region(), release.version(), release.sizeBytes());
        } catch (IllegalArgumentException e) {
            LOG.warn("map release skipped: {}", e.getMessage());
        }
    }

    private CompletableFuture<Void> injectFault(Event.InjectFault event, EmulatedVehicle car) {
        CompletableFuture<Void> injected;
        try {
            injected = car.injectFault(event.fault());
        } catch (IllegalArgumentException e) {
            counter.faultsSkipped.incrementAndGet();
            LOG.info("fault skipped: {}", e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        counter.faultsInjected.incrementAndGet();
        return injected;
    }

    private CompletableFuture<Void> carCall(Event.BreakdownCall call, EmulatedVehicle car) {
        counter.callsInCars.incrementAndGet();
        return car.callBreakdown(call.assistance(), call.dealer()).thenAccept(result -> {
            if (result.outcome() == BreakdownCallResult.Outcome.REFUSED_BY_SETTINGS) {
                counter.callsRefusedByCars.incrementAndGet();
                LOG.info("breakdown call in {} refused by the car's settings: nothing sent", car.vin());
            }
        });
    }

    private CompletableFuture<Void> appCall(Event.BreakdownCall call, EmulatedVehicle car) {
        counter.callsInApp.incrementAndGet();
        Backend running = backend.get();
        if (running == null) {
            return notPlaced(car, "no backend is running (the broker is restarting)");
        }
        try {
            return running.breakdown().placeAppCall(car.vin(), new Consents(call.assistance(), call.dealer()))
                    .handle((placed, error) -> {
                        if (error != null || placed.state() == CaseState.PULL_NOT_SENT) {
                            notPlaced(car, error != null ? error.toString() : placed.stateReason().orElse("?"));
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            return notPlaced(car, e.toString());
        }
    }

    private CompletableFuture<Void> notPlaced(EmulatedVehicle car, String why) {
        counter.appCallsNotPlaced.incrementAndGet();
        LOG.info("breakdown call in the app for {} not placed: {}", car.vin(), why);
        return CompletableFuture.completedFuture(null);
    }
}
