package io.pcmsim.tools.demo;

import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import io.pcmsim.backend.softwareupdate.SoftwareUpdateCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The online software and map updates of a demo as the backend counted them.
 *
 * @param campaigns software update campaigns the demo started (one per model)
 * @param software offers, installs, failures, declines, waves and halted campaigns
 * @param maps keys issued, map version checks at vehicle starts, packages offered and installed
 */
record DemoUpdates(int campaigns, SoftwareUpdateCounts software, MapUpdateCounts maps) {

    static final DemoUpdates NONE = new DemoUpdates(0, new SoftwareUpdateCounts(0, 0, 0, 0, 0, 0, 0, 0),
            new MapUpdateCounts(0, 0, 0, 0, 0, 0));

    Map<String, Object> softwareJson() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("campaigns", campaigns);
        tree.put("offered", software.offered());
        tree.put("installed", software.installed());
        tree.put("failed", software.failed());
        tree.put("declined", software.declined());
        tree.put("deferred", software.deferred());
        tree.put("notEntitled", software.notEntitled());
        tree.put("waves", software.waves());
        tree.put("halted", software.halted());
        return tree;
    }

    Map<String, Object> mapJson() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("keysIssued", maps.entitlements());
        tree.put("notEntitled", maps.notEntitled());
        tree.put("checks", maps.checks());
        tree.put("offered", maps.offered());
        tree.put("installed", maps.installed());
        return tree;
    }

    /** Two lines of the summary, without a line end. */
    String summaryLines() {
        return String.format("  software update     %d campaigns, %d waves opened, %d halted on failures; offered %d,"
                        + " installed %d, failed %d, declined %d, deferred %d%n"
                        + "  map update          %d anonymous keys issued (%d cars not entitled), %d version checks"
                        + " at vehicle starts, %d maps sent, %d installed",
                campaigns, software.waves(), software.halted(), software.offered(), software.installed(),
                software.failed(), software.declined(), software.deferred(), maps.entitlements(), maps.notEntitled(),
                maps.checks(), maps.offered(), maps.installed());
    }
}
