package io.pcmsim.protocol;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of every string a map-provider message ({@code maps/v1/...}) may carry. Each string field
 * of those messages has a rule by name: the anonymous key (32 hex digits), a request id (a UUID), a
 * region code ({@code EU}, {@code NA-US}) or a map version (digits and dots, e.g. {@code 2025.3}).
 * None of these shapes can hold a VIN (17 characters), a name or a user ID, so a message that passes
 * {@link #check} carries none; a string field without a rule fails the check, so a new field cannot
 * slip in unreviewed. Stateless and thread-safe.
 */
public final class MapMessages {

    private static final Pattern REQUEST_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2,3}(-[A-Z]{2,3})?");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,4}){0,3}");
    private static final Map<String, Pattern> RULES = Map.of(
            "anonymous_key", Pattern.compile("[0-9a-f]{32}"),
            "request_id", REQUEST_ID,
            "region", REGION,
            "version", VERSION,
            "latest_version", VERSION);

    private MapMessages() {
    }

    /**
     * Checks every string in {@code message}, nested messages included.
     *
     * @throws IllegalArgumentException naming the field and the value when one does not have its shape
     */
    public static void check(Message message) {
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor field = e.getKey();
            List<?> values = field.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
            for (Object value : values) {
                if (value instanceof Message nested) {
                    check(nested);
                } else if (value instanceof String text) {
                    checkString(field, text);
                }
            }
        }
    }

    private static void checkString(FieldDescriptor field, String text) {
        Pattern rule = RULES.get(field.getName());
        if (rule == null) {
            throw new IllegalArgumentException("map message field " + field.getFullName()
                    + " has no shape rule; map messages may only carry keys, request ids, regions and versions");
        }
        if (!rule.matcher(text).matches()) {
            throw new IllegalArgumentException("map message field " + field.getFullName() + " value [" + text
                    + "] does not have the shape " + rule.pattern());
        }
    }
}
