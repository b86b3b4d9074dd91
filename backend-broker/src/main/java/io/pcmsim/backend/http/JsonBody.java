package io.pcmsim.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A request's JSON object body, read field by field: a body that is not a JSON object, or has a field the
 * route does not take, is {@code invalid-body}; a field of the wrong type {@code invalid-<field>}; both 400
 * and naming what is wrong.
 */
final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /**
     * @param text the body; empty counts as {@code {}} when {@code emptyIsObject}
     * @param fields the fields the route takes; any other is refused
     */
    static JsonBody parse(String text, boolean emptyIsObject, String... fields) {
        if (text.isBlank() && emptyIsObject) {
            return new JsonBody(MAPPER.createObjectNode());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid-body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("invalid-body", "the body must be a JSON object with " + List.of(fields));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of(fields).contains(name)) {
                throw ApiException.badRequest("invalid-body", "unknown field \"" + name + "\"; the body takes "
                        + List.of(fields));
            }
        }
        return new JsonBody(root);
    }

    Optional<String> text(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return Optional.of(node.asText());
    }

    String requiredText(String field) {
        return text(field).orElseThrow(() -> invalid(field, "is required"));
    }

    OptionalInt integer(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid(field, "must be a whole number, was " + node);
        }
        return OptionalInt.of(node.asInt());
    }

    boolean bool(String field, boolean absent) {
        JsonNode node = present(field);
        if (node == null) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw invalid(field, "must be true or false, was " + node);
        }
        return node.asBoolean();
    }

    Optional<List<String>> texts(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw invalid(field, "must be an array of strings, had " + element);
            }
            values.add(element.asText());
        }
        return Optional.of(values);
    }

    /** An object of numbers; empty when absent. */
    Map<String, Double> numbers(String field) {
        JsonNode node = present(field);
        Map<String, Double> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        if (!node.isObject()) {
            throw invalid(field, "must be an object of numbers, e.g. {\"engine-oil-life\": 20}");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isNumber()) {
                throw invalid(field, e.getKey() + " must be a number, was " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().asDouble());
        }
        return values;
    }

    /** An object of strings; empty when absent. */
    Map<String, String> strings(String field) {
        JsonNode node = present(field);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        if (!node.isObject()) {
            throw invalid(field, "must be an object of strings, e.g. {\"PCM\": \"PCM6.3.0\"}");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw invalid(field, e.getKey() + " must be a string, was " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().asText());
        }
        return values;
    }

    /** A number; empty when absent. */
    Optional<Double> decimal(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw invalid(field, "must be a number, was " + node);
        }
        return Optional.of(node.asDouble());
    }

    /** An array of whole numbers; empty when absent. */
    Optional<List<Integer>> integers(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode element : node.isArray() ? node : List.<JsonNode>of(node)) {
            if (!node.isArray() || !element.isIntegralNumber() || !element.canConvertToInt()) {
                throw invalid(field, "must be an array of whole numbers, e.g. [10, 100], was " + node);
            }
            values.add(element.asInt());
        }
        return Optional.of(values);
    }

    private @Nullable JsonNode present(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node;
    }

    static ApiException invalid(String field, String message) {
        return ApiException.badRequest("invalid-" + field, field + " " + message);
    }
}
