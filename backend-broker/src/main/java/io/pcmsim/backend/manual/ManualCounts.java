package io.pcmsim.backend.manual;

/**
 * The owner's manual over the data the backend still keeps (usage 12 months, profiles until a year unused),
 * and, since the backend started, what it refused.
 *
 * @param events manual events stored (messages shown, chapters visited, favourites added and removed)
 * @param messagesShown {@code MESSAGE_SHOWN} events
 * @param linksServed shown messages answered with at least one chapter
 * @param unknownCodes shown messages whose code the manual index does not know (answered with no chapter)
 * @param chaptersVisited {@code CHAPTER_VISITED} events
 * @param favourites favourite chapters kept, all cars together
 * @param profiles manual profiles kept
 * @param profileRequestsUnmatched profile requests answered {@code NO_MATCH} since the backend started
 * @param malformed manual messages refused since the backend started (missing or malformed code, chapter or id)
 */
public record ManualCounts(long events, long messagesShown, long linksServed, long unknownCodes,
        long chaptersVisited, long favourites, long profiles, long profileRequestsUnmatched, long malformed) {
}
