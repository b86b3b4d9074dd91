package io.pcmsim.backend.softwareupdate;

/** Whether a campaign offers its update. */
public enum CampaignState {
    /** Offers to the cars of its open wave. */
    RUNNING,
    /** Offers nothing (halted by the operator or by a wave's failures); downloads in progress go on. */
    HALTED
}
