package io.pcmsim.tools.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A protobuf message as a JSON tree: field names as in the .proto file, enums by name, bytes in base64,
 * 64-bit integers as numbers, NaN and infinities as strings; fields left at their default are left out
 * (as in protobuf's own text form). Stateless.
 */
final class ProtoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJson() {
    }

    static ObjectNode of(Message message) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            if (descriptor.isRepeated()) {
                ArrayNode array = node.putArray(descriptor.getName());
                ((List<?>) field.getValue()).forEach(value -> array.add(value(descriptor, value)));
            } else {
                node.set(descriptor.getName(), value(descriptor, field.getValue()));
            }
        }
        return node;
    }

    private static JsonNode value(FieldDescriptor descriptor, Object value) {
        return switch (descriptor.getJavaType()) {
            case MESSAGE -> of((Message) value);
            case ENUM -> NODES.textNode(((EnumValueDescriptor) value).getName());
            case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case STRING -> NODES.textNode((String) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> floating(((Float) value).doubleValue());
            case DOUBLE -> floating((Double) value);
        };
    }

    private static JsonNode floating(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(String.valueOf(value));
    }
}
