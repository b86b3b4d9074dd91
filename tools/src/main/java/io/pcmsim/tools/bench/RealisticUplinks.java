package io.pcmsim.tools.bench;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.proto.v1.DriverSettings;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic uplinks of many cars for the benchmarks: each car's login first, then its Smart Service
 * reports (the session-start snapshot, then one an hour) from a car wearing on the vehicle model, as the
 * backend's validator accepts them. Message {@code i} of a run belongs to car {@code i % vehicles}.
 * Not thread-safe.
 */
final class RealisticUplinks {

    private final List<VehicleModel> cars;
    private final long[] sequence;
    private final Instant start;
    private long produced;

    /**
     * @param seed chooses the VINs and the cars; a new seed gives new VINs
     * @param start vehicle time of each car's login; its n-th report follows n hours later
     */
    RealisticUplinks(int vehicles, long seed, Instant start) {
        this(vehicles, seed, start, 0);
    }

    /**
     * @param skipped VINs of {@code seed} left out first: two instances of one seed, one skipping the VINs of the
     *        other, have no VIN in common
     */
    RealisticUplinks(int vehicles, long seed, Instant start, int skipped) {
        this.cars = new ArrayList<>(vehicles);
        this.sequence = new long[vehicles];
        this.start = start;
        VinGenerator vins = new VinGenerator(seed);
        vins.generate(skipped);
        for (int i = 0; i < vehicles; i++) {
            cars.add(new VehicleModel(VehicleProfiles.generate(vins.next(), seed, start)));
        }
    }

    /** The next message, round robin over the cars. */
    UplinkRecord next() {
        int car = (int) (produced++ % cars.size());
        return next(cars.get(car), ++sequence[car]);
    }

    private UplinkRecord next(VehicleModel car, long sequence) {
        Instant time = start.plus(Duration.ofHours(sequence - 1));
        car.advanceTo(time);
        Vin vin = car.profile().vin();
        UplinkHeader header = new UplinkHeader(vin, 1, sequence, time);
        UplinkEnvelope.Builder envelope = UplinkEnvelope.newBuilder().setHeader(UplinkCodec.header(header));
        Service service;
        if (sequence == 1) {
            service = Service.LOGIN;
            envelope.setLogin(Login.newBuilder().setSettings(DriverSettings.newBuilder()
                    .setGroupWithLocationEnabled(true).setGroupWithoutLocationEnabled(true)));
        } else {
            service = Service.SMART_SERVICE;
            envelope.setSmartService(SmartServiceReport.newBuilder()
                    .setTrigger(sequence == 2 ? SmartServiceReport.Trigger.SESSION_START : SmartServiceReport.Trigger.PERIODIC)
                    .setState(UplinkCodec.state(car.snapshot()))
                    .setModelCode(car.profile().modelLine().modelCode()).setModelYear(car.profile().modelYear()));
        }
        UplinkEnvelope built = envelope.build();
        return new UplinkRecord(header, service, built, built.toByteArray(), time);
    }
}
