package io.pcmsim.tools.traffic;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.MapPackageChunk;
import io.pcmsim.proto.v1.MapUpdateInstalled;
import io.pcmsim.proto.v1.MapVersionAnswer;
import io.pcmsim.proto.v1.MapVersionQuery;
import io.pcmsim.proto.v1.Presence;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.MalformedPayloadException;

/** Decodes a payload as the protobuf message its topic carries (docs/protocol.md). Stateless. */
final class PayloadDecoder {

    private PayloadDecoder() {
    }

    /**
     * @throws MalformedPayloadException naming the expected message type when the bytes are not one, or
     *     when the topic is not a protocol topic
     */
    static Message decode(TopicKind kind, byte[] payload) {
        return switch (kind.direction()) {
            case UP -> parse(UplinkEnvelope.parser(), "pcm.v1.UplinkEnvelope", payload);
            case DOWN -> parse(DownlinkEnvelope.parser(), "pcm.v1.DownlinkEnvelope", payload);
            case STATUS -> parse(Presence.parser(), "pcm.v1.Presence", payload);
            case MAP_UP -> kind.level().equals("query")
                    ? parse(MapVersionQuery.parser(), "pcm.v1.MapVersionQuery", payload)
                    : parse(MapUpdateInstalled.parser(), "pcm.v1.MapUpdateInstalled", payload);
            case MAP_DOWN -> kind.level().equals("answer")
                    ? parse(MapVersionAnswer.parser(), "pcm.v1.MapVersionAnswer", payload)
                    : parse(MapPackageChunk.parser(), "pcm.v1.MapPackageChunk", payload);
            case OTHER -> throw new MalformedPayloadException("the topic is not one of the protocol's, so the "
                    + "payload's type is unknown", new IllegalArgumentException("unknown topic"));
        };
    }

    private static Message parse(Parser<? extends Message> parser, String type, byte[] payload) {
        try {
            return parser.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedPayloadException("cannot decode " + payload.length + " bytes as " + type + ": "
                    + e.getMessage(), e);
        }
    }
}
