package io.pcmsim.tools.scenario;

import io.pcmsim.tools.demo.PrivacySwitch;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.concurrent.CompletableFuture;

/** What each car event does to one car, through the public {@link EmulatedVehicle} API. */
final class EventActions {

    private EventActions() {
    }

    static CompletableFuture<Void> apply(Event event, EmulatedVehicle car, PrivacySwitch privacy) {
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
        }
        throw new IllegalArgumentException(event.kind() + " is not done car by car");
    }
}
