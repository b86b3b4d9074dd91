package io.pcmsim.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.vehicle.model.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The editors' JSON Schema knows the same event kinds, fields and expectations as the parser. */
class ScenarioSchemaTest {

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(Path.of("..", "scenarios", "pcmsim-scenario.schema.json").toFile());
    }

    @Test
    void schema_eventKindsAndTheirFields_matchTheParser() throws IOException {
        JsonNode items = schema().at("/properties/timeline/items");
        List<String> kinds = new ArrayList<>();
        items.at("/properties/event/enum").forEach(k -> kinds.add(k.asText()));
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(TimelineReader.kinds().keySet());
        for (JsonNode rule : items.get("allOf")) {
            String kind = rule.at("/if/properties/event/const").asText();
            Set<String> fields = new HashSet<>();
            rule.at("/then/properties").fieldNames().forEachRemaining(fields::add);
            fields.removeAll(Set.of("at", "event", "group", "share", "vins"));
            assertThat(fields).as(kind).isEqualTo(TimelineReader.kinds().get(kind));
        }
    }

    @Test
    void schema_expectations_matchTheParser() throws IOException {
        List<String> names = new ArrayList<>();
        schema().at("/properties/expect/items/properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("nothingReceivedWhilePrivate", "noMessageLost", "allOnlineAtEnd",
                "stored", "rejected", "maintenanceNeeds", "breakdownCases", "pullsTimedOut", "manualEvents",
                "softwareUpdates", "mapUpdates");
    }

    @Test
    void schema_faultNames_matchTheCar() throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode rule : schema().at("/properties/timeline/items/allOf")) {
            if (rule.at("/if/properties/event/const").asText().equals("fault")) {
                rule.at("/then/properties/fault/enum").forEach(n -> names.add(n.asText()));
            }
        }
        assertThat(names).containsExactlyElementsOf(Fault.names());
    }
}
