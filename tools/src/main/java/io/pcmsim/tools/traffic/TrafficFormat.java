package io.pcmsim.tools.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.pcmsim.protocol.MalformedPayloadException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One line per message, decoded: as text ({@code pcmsim tap}) or as a JSON object ({@code pcmsim tap
 * --json}, {@code pcmsim recording to-json}). A payload that does not decode gives a line that says so,
 * with a hex preview (text) or the error (JSON); it never throws. Stateless and thread-safe.
 */
final class TrafficFormat {

    /** Bytes of an undecodable payload shown in hex in a text line. */
    static final int HEX_PREVIEW_BYTES = 32;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextFormat.Printer TEXT = TextFormat.printer().emittingSingleLine(true);

    private TrafficFormat() {
    }

    /** A formatted line, and whether the payload failed to decode. */
    record Line(String text, boolean malformed) {
    }

    /** {@code TIME VIN DIRECTION LEVEL MESSAGE}, or {@code ... MALFORMED reason; payload (N bytes): hex}. */
    static Line text(TrafficMessage message) {
        TopicKind kind = TopicKind.of(message.topic());
        String who = kind.vin() != null ? kind.vin() : kind.mapKey() != null ? kind.mapKey() : message.topic();
        String prefix = message.time() + " " + who + " " + kind.direction().label()
                + (kind.direction() == TopicKind.Direction.STATUS || kind.level().isEmpty() ? "" : " " + kind.level())
                + (message.retain() ? " (retained)" : "") + " ";
        try {
            Message decoded = PayloadDecoder.decode(kind, message.payload());
            return new Line(prefix + "{" + TEXT.printToString(decoded).strip() + "}", false);
        } catch (MalformedPayloadException e) {
            return new Line(prefix + "MALFORMED " + e.getMessage() + "; payload (" + message.payload().length
                    + " bytes): " + hexPreview(message.payload()), true);
        }
    }

    /** One JSON object: time, topic, direction, vin or mapKey, service, qos, retain, bytes, message or error, payloadBase64. */
    static Line json(TrafficMessage message) {
        TopicKind kind = TopicKind.of(message.topic());
        ObjectNode node = JSON.createObjectNode();
        node.put("time", message.time().toString());
        node.put("topic", message.topic());
        node.put("direction", kind.direction().label());
        if (kind.vin() != null) {
            node.put("vin", kind.vin());
        }
        if (kind.mapKey() != null) {
            node.put("mapKey", kind.mapKey());
        }
        node.put("service", kind.level());
        node.put("qos", message.qos());
        node.put("retain", message.retain());
        node.put("bytes", message.payload().length);
        boolean malformed = false;
        try {
            node.set("message", ProtoJson.of(PayloadDecoder.decode(kind, message.payload())));
        } catch (MalformedPayloadException e) {
            node.put("error", e.getMessage());
            malformed = true;
        }
        node.put("payloadBase64", Base64.getEncoder().encodeToString(message.payload()));
        try {
            return new Line(JSON.writeValueAsString(node), malformed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers could not be written", e);
        }
    }

    static String hexPreview(byte[] payload) {
        int shown = Math.min(payload.length, HEX_PREVIEW_BYTES);
        String hex = HexFormat.ofDelimiter(" ").formatHex(payload, 0, shown);
        return payload.length > shown ? hex + " ..." : hex;
    }
}
