package io.pcmsim.tools.demo;

import io.pcmsim.backend.manual.ManualCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The owner's manual in a demo, as the backend counted it: the warnings and messages the cars showed, those
 * answered with chapter links, the chapters the drivers opened and the favourites they kept.
 */
record DemoManual(ManualCounts backend) {

    static final DemoManual NONE = new DemoManual(new ManualCounts(0, 0, 0, 0, 0, 0, 0, 0, 0));

    Map<String, Object> toJsonTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("events", backend.events());
        tree.put("messagesShown", backend.messagesShown());
        tree.put("linksServed", backend.linksServed());
        tree.put("unknownCodes", backend.unknownCodes());
        tree.put("chaptersVisited", backend.chaptersVisited());
        tree.put("favourites", backend.favourites());
        return tree;
    }

    /** One line of the summary, without a line end. */
    String summaryLine() {
        return String.format("  owner's manual      %d events: %d messages shown, %d answered with chapter links"
                        + " (%d codes unknown), %d chapters opened, %d favourites kept",
                backend.events(), backend.messagesShown(), backend.linksServed(), backend.unknownCodes(),
                backend.chaptersVisited(), backend.favourites());
    }
}
