package io.pcmsim.tools.scenario;

/**
 * What the timeline's faults and breakdown calls did, as the run counted them (the backend's cases are in
 * {@link ScenarioResult.BackendFigures}).
 *
 * @param faultsInjected faults put into cars
 * @param faultsSkipped faults addressed to a car that cannot have them (a misfire in a battery-electric
 *     car): skipped, the run goes on
 * @param callsInCars breakdown calls started in cars
 * @param callsRefusedByCars of those, calls the car's settings refused (privacy mode, the group with
 *     location or the breakdown service off): nothing was sent
 * @param callsInApp breakdown calls placed in the app
 * @param appCallsNotPlaced of those, calls the backend could not place (no backend during a broker restart,
 *     the data pull not sent)
 */
public record EventCounts(long faultsInjected, long faultsSkipped, long callsInCars, long callsRefusedByCars,
        long callsInApp, long appCallsNotPlaced) {
}
