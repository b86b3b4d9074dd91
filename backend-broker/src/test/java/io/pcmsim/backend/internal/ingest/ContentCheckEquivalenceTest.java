package io.pcmsim.backend.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.DescriptorProtos.UninterpretedOption;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.UplinkEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The planned walk of {@link ContentCheck} against {@link ReflectionContentCheck}, the walk over
 * {@code getAllFields()} it replaced, on many random messages (fixed seeds): the same verdict, reason and
 * detail, for generated messages, their builders and {@link DynamicMessage} copies, under ordinary, tight and
 * nonsensical (below zero) limits.
 */
class ContentCheckEquivalenceTest {

    private static final ContentLimits ORDINARY = ContentLimits.withTimeWindow(Duration.ofDays(1), Duration.ofDays(1));
    private static final ContentLimits TIGHT = new ContentLimits(1024, 3, 2, 10, 100, Duration.ZERO, Duration.ZERO);
    /** Limits no default value passes: here reading an unset field as its default would change verdicts. */
    private static final ContentLimits BELOW_ZERO =
            new ContentLimits(1024, -1, -1, -1, -1, Duration.ZERO, Duration.ZERO);

    /**
     * The uplink schema (weighted), the downlink one, well-known types (float, int32, a map, a oneof of many kinds),
     * descriptor protos (extendable options) and the run-time test schemas.
     */
    private static final List<Supplier<Message.Builder>> TYPES = List.of(
            UplinkEnvelope::newBuilder, UplinkEnvelope::newBuilder, UplinkEnvelope::newBuilder,
            DownlinkEnvelope::newBuilder, CollectionConfig::newBuilder, Struct::newBuilder, ListValue::newBuilder,
            FloatValue::newBuilder, UInt32Value::newBuilder, UInt64Value::newBuilder, Int32Value::newBuilder,
            SourceCodeInfo::newBuilder, UninterpretedOption::newBuilder, FileDescriptorProto::newBuilder,
            () -> DynamicMessage.newBuilder(TestSchemas.PROBE_TYPE),
            () -> DynamicMessage.newBuilder(TestSchemas.PROBE_TYPE),
            () -> DynamicMessage.newBuilder(TestSchemas.DEFAULTS_TYPE),
            () -> DynamicMessage.newBuilder(TestSchemas.LEGACY_TYPE));

    @Test
    void check_onRandomMessagesUnderOrdinaryLimits_givesTheReferenceVerdict() {
        Map<RejectReason, Integer> seen = compare(ORDINARY, 20261130L, 6_000, 0.03);

        // the generator reaches every reason the check can give, so the comparison covers them all
        assertThat(seen).containsKeys(RejectReason.STRING_TOO_LONG, RejectReason.NUL_CHARACTER,
                RejectReason.LIST_TOO_LONG, RejectReason.NUMBER_NOT_FINITE, RejectReason.NUMBER_OUT_OF_RANGE);
        assertThat(seen.get(null)).as("messages that pass").isGreaterThan(1_000);
    }

    @Test
    void check_onRandomMessagesUnderTightLimits_givesTheReferenceVerdict() {
        compare(TIGHT, 7L, 4_000, 0.1);
    }

    @Test
    void check_onRandomMessagesUnderLimitsBelowZero_givesTheReferenceVerdict() {
        Map<RejectReason, Integer> seen = compare(BELOW_ZERO, 11L, 3_000, 0.05);

        assertThat(seen.get(null)).as("messages with nothing set pass even these limits").isPositive();
    }

    @Test
    void check_onExtensionsOfDynamicMessages_givesTheReferenceVerdict() {
        RandomMessages random = new RandomMessages(3L, 0.05);
        ContentCheck check = new ContentCheck(ORDINARY);
        ReflectionContentCheck reference = new ReflectionContentCheck(ORDINARY);
        for (int i = 0; i < 500; i++) {
            Message.Builder legacy = random.fill(DynamicMessage.newBuilder(TestSchemas.LEGACY_TYPE), 2).toBuilder();
            legacy.setField(TestSchemas.NOTE, i % 3 == 0 ? "n".repeat(65) : "note");
            legacy.addRepeatedField(TestSchemas.READINGS, i % 5 == 0 ? Double.NaN : 1.0);
            Message message = legacy.buildPartial();
            assertThat(check.check(message)).as("%s", message).isEqualTo(reference.check(message));
        }
        Message tooLong = DynamicMessage.newBuilder(TestSchemas.LEGACY_TYPE).setField(TestSchemas.NOTE, "n".repeat(65))
                .build();
        assertThat(check.check(tooLong)).contains(new Validation.Rejected(RejectReason.STRING_TOO_LONG,
                "test2.note: 65 characters, at most 64 allowed"));
    }

    @Test
    void check_fromSeveralThreadsAtOnce_givesTheReferenceVerdict() throws Exception {
        ContentCheck shared = new ContentCheck(ORDINARY);
        ReflectionContentCheck reference = new ReflectionContentCheck(ORDINARY);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = 100 + t;
                results.add(threads.submit(() -> {
                    RandomMessages random = new RandomMessages(seed, 0.03);
                    int rejected = 0;
                    for (int i = 0; i < 1_500; i++) {
                        Message message = random.fill(TYPES.get(i % TYPES.size()).get(), 3);
                        Optional<Validation.Rejected> verdict = shared.check(message);
                        assertThat(verdict).as("%s", message).isEqualTo(reference.check(message));
                        rejected += verdict.isPresent() ? 1 : 0;
                    }
                    return rejected;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Compares both walks on {@code count} random messages and their copies; counts the verdicts (null: passed). */
    private static Map<RejectReason, Integer> compare(ContentLimits limits, long seed, int count, double badChance) {
        RandomMessages random = new RandomMessages(seed, badChance);
        ContentCheck check = new ContentCheck(limits);
        ReflectionContentCheck reference = new ReflectionContentCheck(limits);
        Map<RejectReason, Integer> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Message message = random.fill(TYPES.get(i % TYPES.size()).get(), 3);
            List<MessageOrBuilder> forms = List.of(message, message.toBuilder(), TestSchemas.dynamicCopy(message));
            for (MessageOrBuilder form : forms) {
                Optional<Validation.Rejected> verdict = check.check(form);
                assertThat(verdict).as("message %d (%s) as %s:%n%s", i, message.getDescriptorForType().getFullName(),
                        form.getClass().getSimpleName(), message).isEqualTo(reference.check(form));
            }
            seen.merge(check.check(message).map(Validation.Rejected::reason).orElse(null), 1, Integer::sum);
        }
        return seen;
    }
}
