package io.pcmsim.tools.demo;

import io.pcmsim.backend.breakdown.BreakdownCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The breakdown calls of a demo as the cars and the backend saw them.
 *
 * @param inCarCalls calls the drivers started in their cars
 * @param refusedByCarSettings in-car calls refused by the car's settings (privacy mode): nothing was sent
 * @param appCalls calls placed in the app (the backend pulled the data)
 * @param backend the backend's cases: calls, forwarded to Assistance and dealers, withheld, pulls timed out
 */
record DemoBreakdowns(long inCarCalls, long refusedByCarSettings, long appCalls, BreakdownCounts backend) {

    static final DemoBreakdowns NONE = new DemoBreakdowns(0, 0, 0, new BreakdownCounts(0, 0, 0, 0, 0, 0));

    Map<String, Object> toJsonTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("inCarCalls", inCarCalls);
        tree.put("refusedByCarSettings", refusedByCarSettings);
        tree.put("appCalls", appCalls);
        tree.put("cases", backend.calls());
        tree.put("forwardedToAssistance", backend.forwardedToAssistance());
        tree.put("forwardedToDealers", backend.forwardedToDealers());
        tree.put("withheldForLackOfConsent", backend.withheldForLackOfConsent());
        tree.put("pullsTimedOut", backend.pullsTimedOut());
        return tree;
    }

    /** One line of the summary, without a line end. */
    String summaryLine() {
        return String.format("  breakdown calls     %d in cars (%d refused by the car's settings), %d in the app;"
                        + " cases %d: to Assistance %d, to dealers %d, withheld for lack of consent %d,"
                        + " pulls timed out %d",
                inCarCalls, refusedByCarSettings, appCalls, backend.calls(), backend.forwardedToAssistance(),
                backend.forwardedToDealers(), backend.withheldForLackOfConsent(), backend.pullsTimedOut());
    }
}
