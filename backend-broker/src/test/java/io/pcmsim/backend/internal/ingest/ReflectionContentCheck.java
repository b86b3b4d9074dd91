package io.pcmsim.backend.internal.ingest;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content check as it was before {@link ContentCheck} planned its walk per message type: the walk over
 * {@code getAllFields()}, kept unchanged (test sources only) as the reference whose verdicts the planned walk
 * must repeat exactly, reason and detail text alike.
 */
final class ReflectionContentCheck {

    private final ContentLimits limits;

    ReflectionContentCheck(ContentLimits limits) {
        this.limits = limits;
    }

    /** The first violation, if any. */
    Optional<Validation.Rejected> check(MessageOrBuilder message) {
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor field = e.getKey();
            Optional<Validation.Rejected> bad;
            if (field.isRepeated()) {
                List<?> values = (List<?>) e.getValue();
                if (values.size() > limits.maxListElements()) {
                    return reject(RejectReason.LIST_TOO_LONG, field, values.size() + " elements, at most "
                            + limits.maxListElements() + " allowed");
                }
                for (Object value : values) {
                    bad = value(field, value);
                    if (bad.isPresent()) {
                        return bad;
                    }
                }
            } else {
                bad = value(field, e.getValue());
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Validation.Rejected> value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case STRING -> text(field, (String) value);
            case DOUBLE, FLOAT -> floating(field, ((Number) value).doubleValue());
            case INT, LONG -> integer(field, ((Number) value).longValue());
            case MESSAGE -> check((MessageOrBuilder) value);
            default -> Optional.empty();
        };
    }

    private Optional<Validation.Rejected> text(FieldDescriptor field, String text) {
        if (text.length() > limits.maxStringChars()) {
            return reject(RejectReason.STRING_TOO_LONG, field, text.length() + " characters, at most "
                    + limits.maxStringChars() + " allowed");
        }
        if (text.indexOf(0) >= 0) {
            return reject(RejectReason.NUL_CHARACTER, field, "contains U+0000, which PostgreSQL text cannot hold");
        }
        return Optional.empty();
    }

    private Optional<Validation.Rejected> floating(FieldDescriptor field, double v) {
        if (!Double.isFinite(v)) {
            return reject(RejectReason.NUMBER_NOT_FINITE, field, v + " is not a finite number");
        }
        if (Math.abs(v) > limits.maxAbsDouble()) {
            return reject(RejectReason.NUMBER_OUT_OF_RANGE, field, v + " is beyond +-" + limits.maxAbsDouble());
        }
        return Optional.empty();
    }

    private Optional<Validation.Rejected> integer(FieldDescriptor field, long v) {
        boolean unsigned = switch (field.getType()) {
            case UINT32, UINT64, FIXED32, FIXED64 -> true;
            default -> false;
        };
        if (unsigned && field.getJavaType() == FieldDescriptor.JavaType.LONG && v < 0) {
            return reject(RejectReason.NUMBER_OUT_OF_RANGE, field, Long.toUnsignedString(v)
                    + " is beyond 2^63 - 1");
        }
        long magnitude = unsigned && field.getJavaType() == FieldDescriptor.JavaType.INT
                ? Integer.toUnsignedLong((int) v) : Math.abs(v);
        if (v == Long.MIN_VALUE || magnitude > limits.maxAbsInteger()) {
            return reject(RejectReason.NUMBER_OUT_OF_RANGE, field, v + " is beyond +-" + limits.maxAbsInteger());
        }
        return Optional.empty();
    }

    private static Optional<Validation.Rejected> reject(RejectReason reason, FieldDescriptor field, String detail) {
        return Optional.of(new Validation.Rejected(reason, field.getFullName() + ": " + detail));
    }
}
