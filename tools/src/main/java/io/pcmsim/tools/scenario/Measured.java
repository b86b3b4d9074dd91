package io.pcmsim.tools.scenario;

import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.backend.SequenceGaps;
import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.manual.ManualCounts;
import io.pcmsim.backend.softwareupdate.SoftwareUpdateCounts;
import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run measured that expectations are checked against.
 *
 * @param receivedWhilePrivate uplink publishes the embedded broker received from cars while private
 * @param privacyOffenders VINs of those cars
 * @param stored messages stored by the backend (every instance of the run)
 * @param rejected messages the backend rejected
 * @param needs the backend's open maintenance needs; empty without a backend
 * @param gaps sequence numbers missing at the backend; empty without a backend
 * @param breakdown the backend's breakdown cases; empty without a backend
 * @param softwareUpdates the backend's software update counts; empty without a backend
 * @param mayBeOnline cars that may be online at the end (settings allow a service, not away, no outage)
 * @param online of those, the cars online at the end
 * @param notOnline up to 10 VINs of cars that may be online and are not
 * @param manual the backend's owner's manual counts; empty without a backend
 * @param maps the backend's map update counts; empty without a backend
 */
record Measured(long receivedWhilePrivate, Set<String> privacyOffenders, long stored, long rejected,
        Optional<MaintenanceSummary> needs, Optional<SequenceGaps> gaps, Optional<BreakdownCounts> breakdown,
        Optional<SoftwareUpdateCounts> softwareUpdates,
        int mayBeOnline, int online,
        List<String> notOnline, Optional<ManualCounts> manual, Optional<MapUpdateCounts> maps) {

    Measured {
        privacyOffenders = Set.copyOf(privacyOffenders);
        notOnline = List.copyOf(notOnline);
    }
}
