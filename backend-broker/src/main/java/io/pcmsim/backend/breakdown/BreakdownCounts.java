package io.pcmsim.backend.breakdown;

/**
 * Breakdown calls over the cases the backend still keeps (7 days).
 *
 * @param calls cases opened (in the car or in the app)
 * @param forwardedToAssistance reports the Assistance may see
 * @param forwardedToDealers reports a dealer may see
 * @param withheldFromAssistance reports withheld from the Assistance for lack of consent
 * @param withheldFromDealers reports withheld from dealers for lack of consent
 * @param pullsTimedOut app calls whose data pull the car did not answer in time
 */
public record BreakdownCounts(long calls, long forwardedToAssistance, long forwardedToDealers,
        long withheldFromAssistance, long withheldFromDealers, long pullsTimedOut) {

    /** Withholdings for lack of consent, Assistance and dealers together. */
    public long withheldForLackOfConsent() {
        return withheldFromAssistance + withheldFromDealers;
    }
}
