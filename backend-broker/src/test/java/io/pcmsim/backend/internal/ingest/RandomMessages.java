package io.pcmsim.backend.internal.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills messages of any type at random through reflection: most values ordinary, a few at or beyond the
 * content limits (too long, NUL, NaN, infinite, huge, unsigned above 2^63 - 1, -0.0, lists of 100 and 101),
 * so that many messages break several limits at once and the first violation is the one that tells walks apart.
 * Deterministic for a seed.
 */
final class RandomMessages {

    private static final List<String> TEXTS = List.of("", "a", "P0301", "992", "engine-oil-life<15", "x".repeat(64));
    private static final List<String> BAD_TEXTS = List.of("x".repeat(65), "ab\u0000c", "\u0000",
            "\uD83D\uDE00".repeat(32), "\uD83D\uDE00".repeat(33), "über".repeat(17), "y".repeat(300));
    private static final double[] DOUBLES = {0.0, 1.5, -273.15, 48.7758, 1e9, -1e9, 12_345.678};
    private static final double[] BAD_DOUBLES = {-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e9 + 1, -1.0000001e9, Double.MAX_VALUE, Double.MIN_VALUE, 1e300};
    private static final float[] BAD_FLOATS = {-0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MAX_VALUE, 2e9f};
    private static final int[] INTS = {0, 1, -1, 100, 2025};
    private static final int[] BAD_INTS = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1_000_001, 1_000_001};
    private static final long[] LONGS = {0, 1, -1, 1_780_000_000_000L, 1_000_000_000_000_000L, -5_000};
    private static final long[] BAD_LONGS = {1_000_000_000_000_001L, -1_000_000_000_000_001L, Long.MAX_VALUE,
        Long.MIN_VALUE, -1L, 1L << 62};
    private static final int[] BAD_SIZES = {2, 3, 99, 100, 101, 150};

    private final Random random;
    private final double badChance;

    /**
     * @param badChance how likely a value is one of the unusual ones
     */
    RandomMessages(long seed, double badChance) {
        this.random = new Random(seed);
        this.badChance = badChance;
    }

    /** A message of the builder's type, filled to {@code depth} levels of nested messages. */
    Message fill(Message.Builder builder, int depth) {
        Map<OneofDescriptor, FieldDescriptor> chosen = new HashMap<>();
        for (OneofDescriptor oneof : builder.getDescriptorForType().getRealOneofs()) {
            int pick = random.nextInt(oneof.getFieldCount() + 1);
            if (pick < oneof.getFieldCount()) {
                chosen.put(oneof, oneof.getField(pick));
            }
        }
        for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
            OneofDescriptor oneof = field.getRealContainingOneof();
            boolean nested = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            if (oneof != null ? chosen.get(oneof) != field : random.nextDouble() > 0.7) {
                continue;
            }
            if (nested && depth <= 0 && !field.isMapField()) {
                continue;
            }
            if (!field.isRepeated()) {
                builder.setField(field, value(builder, field, depth));
                continue;
            }
            int count = unusual() ? BAD_SIZES[random.nextInt(BAD_SIZES.length)] : random.nextInt(4);
            if (nested && depth > 1) {
                count = Math.min(count, 3); // long lists of messages only near the leaves, to stay quick
            }
            for (int i = 0; i < count; i++) {
                builder.addRepeatedField(field, value(builder, field, depth));
            }
        }
        return builder.buildPartial();
    }

    private Object value(Message.Builder builder, FieldDescriptor field, int depth) {
        return switch (field.getJavaType()) {
            case STRING -> unusual() ? pick(BAD_TEXTS) : pick(TEXTS);
            case DOUBLE -> unusual() ? BAD_DOUBLES[random.nextInt(BAD_DOUBLES.length)]
                    : DOUBLES[random.nextInt(DOUBLES.length)];
            case FLOAT -> unusual() ? BAD_FLOATS[random.nextInt(BAD_FLOATS.length)]
                    : (float) DOUBLES[random.nextInt(DOUBLES.length)];
            case INT -> unusual() ? BAD_INTS[random.nextInt(BAD_INTS.length)] : INTS[random.nextInt(INTS.length)];
            case LONG -> unusual() ? BAD_LONGS[random.nextInt(BAD_LONGS.length)] : LONGS[random.nextInt(LONGS.length)];
            case BOOLEAN -> random.nextBoolean();
            case BYTE_STRING -> ByteString.copyFrom(new byte[random.nextInt(4)]);
            case ENUM -> enumValue(field);
            case MESSAGE -> fill(builder.newBuilderForField(field), depth - 1);
        };
    }

    private EnumValueDescriptor enumValue(FieldDescriptor field) {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        return values.get(random.nextInt(values.size()));
    }

    private boolean unusual() {
        return random.nextDouble() < badChance;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
