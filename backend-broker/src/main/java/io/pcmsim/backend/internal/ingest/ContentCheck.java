package io.pcmsim.backend.internal.ingest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.pcmsim.backend.internal.ingest.ContentPlan.Kind;
import io.pcmsim.backend.internal.ingest.ContentPlan.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Walks every set field of a decoded message, nested messages included, against {@link ContentLimits}:
 * string length, list length, finite and bounded numbers, unsigned values that fit a signed long. Knows no
 * message type, so a new body is checked without code here. Thread-safe.
 *
 * <p>The walk follows a {@link ContentPlan} per message type instead of {@code getAllFields()}, which built a
 * sorted map of every set field for every message and asked every field whether it is set: a field that cannot
 * break a limit is not read, a oneof is asked once which member is set, and a string or number with a zero
 * default is read without asking first. Every field is still read through protobuf's reflection
 * ({@code hasField}, {@code getField}), which works alike for generated messages, builders and
 * {@code DynamicMessage}. The verdict is the same: the same fields in the same order (field number, depth
 * first), so the same first violation with the same detail.
 */
final class ContentCheck {

    /**
     * One plan per message type, shared by every check: making one costs more than the walk it saves. Bounded
     * by the types checked, which are the generated ones (and the few types tests build at run time).
     */
    private static final Map<Descriptor, ContentPlan> PLANS = new ConcurrentHashMap<>();

    private final ContentLimits limits;
    /** Whether an empty string and the number 0 pass the limits, as they do unless a limit is below zero. */
    private final boolean zeroPasses;

    ContentCheck(ContentLimits limits) {
        this.limits = limits;
        this.zeroPasses = limits.maxStringChars() >= 0 && !(limits.maxAbsDouble() < 0) && limits.maxAbsInteger() >= 0;
    }

    /** The first violation, if any. */
    Optional<Validation.Rejected> check(MessageOrBuilder message) {
        return Optional.ofNullable(walk(message));
    }

    private Validation.@Nullable Rejected walk(MessageOrBuilder message) {
        ContentPlan plan = plan(message.getDescriptorForType());
        if (plan.extendable()) {
            return walkAllFields(message);
        }
        for (Step step : plan.steps()) {
            Validation.Rejected bad;
            if (step.oneof == null) {
                bad = field(message, step, false);
            } else {
                Step member = setMember(message, step);
                bad = member == null ? null : field(message, member, true);
            }
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** The plan of a message type, made on first use. */
    private static ContentPlan plan(Descriptor type) {
        ContentPlan plan = PLANS.get(type);
        return plan != null ? plan : PLANS.computeIfAbsent(type, ContentPlan::of);
    }

    /** The step of the oneof's set member, or null when none is set or the set one cannot break a limit. */
    private static @Nullable Step setMember(MessageOrBuilder message, Step oneof) {
        FieldDescriptor set = message.getOneofFieldDescriptor(oneof.oneof);
        for (Step member : oneof.members) {
            if (member.field == set) {
                return member;
            }
        }
        return null;
    }

    /**
     * Reads one field and checks it. A singular field is read when it is set, or without asking {@code hasField}
     * when reading it unset gives a default that passes ({@link Step#zeroDefault}, under limits that pass zero).
     *
     * @param set whether the field is known to be set (the set member of a oneof)
     */
    private Validation.@Nullable Rejected field(MessageOrBuilder message, Step step, boolean set) {
        FieldDescriptor field = step.field;
        if (!step.repeated) {
            return set || (zeroPasses && step.zeroDefault) || message.hasField(field)
                    ? value(step, message.getField(field)) : null;
        }
        if (step.kind == Kind.UNCHECKED) {
            // Only the length counts; the count spares building a list (an enum list is converted element by element).
            return length(field, message.getRepeatedFieldCount(field));
        }
        return elements(step, (List<?>) message.getField(field));
    }

    private Validation.@Nullable Rejected elements(Step step, List<?> values) {
        Validation.Rejected bad = length(step.field, values.size());
        for (int i = 0; bad == null && i < values.size(); i++) {
            bad = value(step, values.get(i));
        }
        return bad;
    }

    /** The old walk, for a message with extensions: {@code getAllFields()} lists the set extensions too. */
    private Validation.@Nullable Rejected walkAllFields(MessageOrBuilder message) {
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            Step step = Step.of(e.getKey());
            Validation.Rejected bad = step.repeated ? elements(step, (List<?>) e.getValue())
                    : value(step, e.getValue());
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private Validation.@Nullable Rejected value(Step step, Object value) {
        return switch (step.kind) {
            case STRING -> text(step.field, (String) value);
            case FLOATING -> floating(step.field, ((Number) value).doubleValue());
            case INT32 -> integer(step.field, step.unsigned, true, ((Number) value).longValue());
            case INT64 -> integer(step.field, step.unsigned, false, ((Number) value).longValue());
            case MESSAGE -> walk((MessageOrBuilder) value);
            case UNCHECKED -> null;
        };
    }

    private Validation.@Nullable Rejected length(FieldDescriptor field, int size) {
        // An empty list is not set (getAllFields() leaves it out), so it passes even a limit below 0.
        if (size > 0 && size > limits.maxListElements()) {
            return reject(RejectReason.LIST_TOO_LONG, field, size + " elements, at most "
                    + limits.maxListElements() + " allowed");
        }
        return null;
    }

    private Validation.@Nullable Rejected text(FieldDescriptor field, String text) {
        if (text.length() > limits.maxStringChars()) {
            return reject(RejectReason.STRING_TOO_LONG, field, text.length() + " characters, at most "
                    + limits.maxStringChars() + " allowed");
        }
        if (text.indexOf(0) >= 0) {
            return reject(RejectReason.NUL_CHARACTER, field, "contains U+0000, which PostgreSQL text cannot hold");
        }
        return null;
    }

    private Validation.@Nullable Rejected floating(FieldDescriptor field, double v) {
        if (!Double.isFinite(v)) {
            return reject(RejectReason.NUMBER_NOT_FINITE, field, v + " is not a finite number");
        }
        if (Math.abs(v) > limits.maxAbsDouble()) {
            return reject(RejectReason.NUMBER_OUT_OF_RANGE, field, v + " is beyond +-" + limits.maxAbsDouble());
        }
        return null;
    }

    /**
     * @param v the value widened to long; a uint32 or fixed32 arrives sign-extended, as its Integer's
     *     {@code longValue()} gives it, and is printed that way
     */
    private Validation.@Nullable Rejected integer(FieldDescriptor field, boolean unsigned, boolean int32, long v) {
        if (unsigned && !int32 && v < 0) {
            return reject(RejectReason.NUMBER_OUT_OF_RANGE, field, Long.toUnsignedString(v)
                    + " is beyond 2^63 - 1");
        }
        long magnitude = unsigned && int32 ? Integer.toUnsignedLong((int) v) : Math.abs(v);
        if (v == Long.MIN_VALUE || magnitude > limits.maxAbsInteger()) {
            return reject(RejectReason.NUMBER_OUT_OF_RANGE, field, v + " is beyond +-" + limits.maxAbsInteger());
        }
        return null;
    }

    private static Validation.Rejected reject(RejectReason reason, FieldDescriptor field, String detail) {
        return new Validation.Rejected(reason, field.getFullName() + ": " + detail);
    }
}
