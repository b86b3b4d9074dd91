package io.pcmsim.backend.internal.ingest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one message type that {@link ContentCheck} has to read, in field-number order, made once per
 * type from its descriptor alone (so a new body or field needs no code here). Fields that can never break a
 * limit (bool, enum, bytes) are left out unless repeated, because a list of any type has a length limit. A plan
 * depends neither on the limits nor on the message's class (generated, builder, {@code DynamicMessage}), so one
 * plan per type serves every check; it is immutable and safe to share between threads.
 *
 * <p>Field-number order is the order of {@code getAllFields()}, which the check walked before, so the first
 * violation found is the same one. A real oneof becomes one step that asks the message which member is set,
 * instead of one read per member; that is only done when no other step's field number lies between the
 * oneof's members, since the set member must be checked at its own number's place.
 */
final class ContentPlan {

    /** What a field's value is checked as; for a repeated field, what each element is checked as. */
    enum Kind { STRING, FLOATING, INT32, INT64, MESSAGE, UNCHECKED }

    private static final Step[] NO_STEPS = {};
    /** The empty and zero defaults; {@code equals} tells +0.0 from -0.0, so a default of -0.0 is not among them. */
    private static final Set<Object> ZEROS = Set.of("", 0, 0L, 0.0f, 0.0);

    /** One field to read, or (with {@link #oneof} set) one oneof whose set member to read. */
    static final class Step {
        /** The field; for a oneof, the first of {@link #members}. */
        final FieldDescriptor field;
        /** What the value (or each element) is checked as. */
        final Kind kind;
        final boolean repeated;
        /** uint32, uint64, fixed32 or fixed64: read as unsigned. */
        final boolean unsigned;
        /**
         * A singular string or number whose default is empty or zero. Under limits that pass zero such a field
         * is read without asking {@code hasField} first: unset, it reads as its default, which passes, exactly as
         * when {@code getAllFields()} left it out (and so does a field set to its default, which that left out
         * too when the field has no presence).
         */
        final boolean zeroDefault;
        final @Nullable OneofDescriptor oneof;
        /** A oneof's members that can break a limit; empty for a field. */
        final Step[] members;

        private Step(FieldDescriptor field, Kind kind, @Nullable OneofDescriptor oneof, Step[] members) {
            this.field = field;
            this.kind = kind;
            this.repeated = field.isRepeated();
            this.unsigned = switch (field.getType()) {
                case UINT32, UINT64, FIXED32, FIXED64 -> true;
                default -> false;
            };
            this.zeroDefault = !repeated && kind != Kind.MESSAGE && kind != Kind.UNCHECKED
                    && ZEROS.contains(field.getDefaultValue());
            this.oneof = oneof;
            this.members = members;
        }

        /** A step for one field; also for the walk of a message with extensions, which reads every set field. */
        static Step of(FieldDescriptor field) {
            return new Step(field, kind(field), null, NO_STEPS);
        }
    }

    private final Step[] steps;
    private final boolean extendable;

    private ContentPlan(Step[] steps, boolean extendable) {
        this.steps = steps;
        this.extendable = extendable;
    }

    Step[] steps() {
        return steps;
    }

    /**
     * Whether the message type has extension ranges: set extensions are not in its descriptor's fields, so
     * {@link ContentCheck} walks such a message with {@code getAllFields()}, which lists them.
     */
    boolean extendable() {
        return extendable;
    }

    static ContentPlan of(Descriptor type) {
        List<FieldDescriptor> byNumber = new ArrayList<>(type.getFields());
        byNumber.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
        List<Step> fieldSteps = new ArrayList<>();
        for (FieldDescriptor field : byNumber) {
            if (kind(field) != Kind.UNCHECKED || field.isRepeated()) {
                fieldSteps.add(Step.of(field));
            }
        }
        List<Step> steps = new ArrayList<>();
        List<OneofDescriptor> grouped = new ArrayList<>();
        for (Step step : fieldSteps) {
            OneofDescriptor oneof = step.field.getRealContainingOneof();
            if (oneof == null || !contiguous(oneof, fieldSteps)) {
                steps.add(step);
            } else if (!grouped.contains(oneof)) {
                grouped.add(oneof);
                Step[] members = fieldSteps.stream().filter(s -> s.field.getRealContainingOneof() == oneof)
                        .toArray(Step[]::new);
                steps.add(new Step(step.field, Kind.UNCHECKED, oneof, members));
            }
        }
        return new ContentPlan(steps.toArray(Step[]::new), type.isExtendable());
    }

    /** Whether no step outside the oneof has a field number between the oneof's first and last step. */
    private static boolean contiguous(OneofDescriptor oneof, List<Step> fieldSteps) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Step s : fieldSteps) {
            if (s.field.getRealContainingOneof() == oneof) {
                first = Math.min(first, s.field.getNumber());
                last = Math.max(last, s.field.getNumber());
            }
        }
        for (Step s : fieldSteps) {
            int n = s.field.getNumber();
            if (s.field.getRealContainingOneof() != oneof && n > first && n < last) {
                return false;
            }
        }
        return true;
    }

    private static Kind kind(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> Kind.STRING;
            case DOUBLE, FLOAT -> Kind.FLOATING;
            case INT -> Kind.INT32;
            case LONG -> Kind.INT64;
            case MESSAGE -> Kind.MESSAGE;
            case BOOLEAN, ENUM, BYTE_STRING -> Kind.UNCHECKED;
        };
    }
}
