package io.pcmsim.backend.softwareupdate;

/**
 * One wave of a campaign: its cars by what they did with the offer.
 *
 * @param wave its index, from 0
 * @param size cars it offers to
 * @param offered cars offered the update in this wave
 * @param accepted of them, those that accepted (installed, installing or failed after accepting included)
 * @param installed installs reported done
 * @param failed installs or checks reported failed
 * @param declined declined by the driver
 * @param deferred deferred by the driver (asked again at the next offer)
 */
public record WaveProgress(int wave, int size, long offered, long accepted, long installed, long failed,
                           long declined, long deferred) {
}
