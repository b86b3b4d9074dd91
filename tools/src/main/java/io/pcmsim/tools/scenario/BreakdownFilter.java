package io.pcmsim.tools.scenario;

import io.pcmsim.backend.breakdown.BreakdownCounts;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Which breakdown cases a {@code breakdownCases} expectation counts: those whose report was forwarded to
 * a recipient ({@code forwardedTo: assistance}), or withheld from it for lack of consent in that call
 * ({@code withheldFrom: dealer}).
 */
public enum BreakdownFilter {
    FORWARDED_TO_ASSISTANCE("forwarded to the Assistance", BreakdownCounts::forwardedToAssistance),
    FORWARDED_TO_DEALER("forwarded to a dealer", BreakdownCounts::forwardedToDealers),
    WITHHELD_FROM_ASSISTANCE("withheld from the Assistance (no consent)", BreakdownCounts::withheldFromAssistance),
    WITHHELD_FROM_DEALER("withheld from dealers (no consent)", BreakdownCounts::withheldFromDealers);

    private final String words;
    private final ToLongFunction<BreakdownCounts> count;

    BreakdownFilter(String words, ToLongFunction<BreakdownCounts> count) {
        this.words = words;
        this.count = count;
    }

    /** For the summary: "forwarded to the Assistance". */
    public String words() {
        return words;
    }

    long count(BreakdownCounts counts) {
        return count.applyAsLong(counts);
    }

    /** The filter for {@code forwardedTo} (forwarded) or {@code withheldFrom} and a recipient's name. */
    static BreakdownFilter of(boolean forwarded, String recipient) {
        return switch (recipient.toLowerCase(Locale.ROOT)) {
            case "assistance" -> forwarded ? FORWARDED_TO_ASSISTANCE : WITHHELD_FROM_ASSISTANCE;
            case "dealer" -> forwarded ? FORWARDED_TO_DEALER : WITHHELD_FROM_DEALER;
            default -> throw new IllegalArgumentException("\"" + recipient + "\" is not a recipient (assistance, dealer)");
        };
    }
}
