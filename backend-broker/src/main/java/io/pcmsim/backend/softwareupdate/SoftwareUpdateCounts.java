package io.pcmsim.backend.softwareupdate;

/**
 * Software updates over the records the backend keeps.
 *
 * @param offered cars offered an update (one per car and campaign)
 * @param installed installs reported done
 * @param failed installs or package checks reported failed
 * @param declined offers declined
 * @param deferred offers deferred and not yet answered otherwise
 * @param notEntitled queries answered {@code NOT_ENTITLED} since the backend started
 * @param waves waves opened, all campaigns together
 * @param halted campaigns halted now
 */
public record SoftwareUpdateCounts(long offered, long installed, long failed, long declined, long deferred,
                                   long notEntitled, long waves, long halted) {
}
