package io.pcmsim.tools.traffic;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.MalformedPayloadException;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every VIN of a recording a new valid VIN, in order of first appearance, from the fleet's VIN
 * generator with a seed (same recording and seed: same new VINs); never one of the recording's own
 * VINs. Rewrites topics and the VIN in the protobuf header of uplink and downlink payloads (decoded and
 * encoded again with the protocol's generated classes). Not thread-safe: one replay loop.
 */
final class VinRewriter {

    private final VinGenerator generator;
    private final Set<String> originals;
    private final Map<String, String> mapping = new HashMap<>();

    /** @param originals every VIN text in the recording's topics */
    VinRewriter(long seed, Set<String> originals) {
        this.generator = new VinGenerator(seed);
        this.originals = Set.copyOf(originals);
    }

    /** The new VIN of {@code original}, made on first use. */
    String vinFor(String original) {
        return mapping.computeIfAbsent(original, o -> {
            Vin candidate = generator.next();
            while (originals.contains(candidate.value())) {
                candidate = generator.next();
            }
            return candidate.value();
        });
    }

    /** The topic with its VIN level replaced; map and unknown topics unchanged. */
    String topic(String topic, TopicKind kind) {
        String vin = kind.vin();
        if (vin == null) {
            return topic;
        }
        return Topics.ROOT + vinFor(vin) + topic.substring(Topics.ROOT.length() + vin.length());
    }

    /**
     * The payload with the VIN of its header replaced (uplinks and downlinks); presence and map payloads
     * carry no VIN and are only checked to decode.
     *
     * @throws MalformedPayloadException when the payload does not decode as its topic's message, or when
     *     it still holds an original VIN after the rewrite (in a field that is not the header's)
     */
    byte[] payload(TopicKind kind, byte[] payload) {
        byte[] rewritten;
        List<String> named = new ArrayList<>(2);
        if (kind.vin() != null) {
            named.add(kind.vin());
        }
        try {
            rewritten = switch (kind.direction()) {
                case UP -> {
                    UplinkEnvelope envelope = UplinkEnvelope.parseFrom(payload);
                    named.add(envelope.getHeader().getVin());
                    yield envelope.hasHeader() ? envelope.toBuilder().setHeader(envelope.getHeader().toBuilder()
                            .setVin(vinFor(envelope.getHeader().getVin()))).build().toByteArray() : payload;
                }
                case DOWN -> {
                    DownlinkEnvelope envelope = DownlinkEnvelope.parseFrom(payload);
                    named.add(envelope.getHeader().getVin());
                    yield envelope.hasHeader() ? envelope.toBuilder().setHeader(envelope.getHeader().toBuilder()
                            .setVin(vinFor(envelope.getHeader().getVin()))).build().toByteArray() : payload;
                }
                default -> {
                    PayloadDecoder.decode(kind, payload);
                    yield payload;
                }
            };
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedPayloadException("cannot decode " + payload.length + " bytes: " + e.getMessage(), e);
        }
        for (String original : named) {
            if (!original.isEmpty() && contains(rewritten, original.getBytes(StandardCharsets.UTF_8))) {
                throw new MalformedPayloadException("the payload names the original VIN " + original
                        + " outside the header", new IllegalStateException("VIN left in payload"));
            }
        }
        return rewritten;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
