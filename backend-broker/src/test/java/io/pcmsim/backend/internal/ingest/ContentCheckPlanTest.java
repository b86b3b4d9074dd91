package io.pcmsim.backend.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plans {@link ContentCheck} walks: which fields they read, in which order. That the verdicts stay those of
 * {@code getAllFields()} is {@link ContentCheckEquivalenceTest}'s concern; this one shows what the plan spares.
 */
class ContentCheckPlanTest {

    @Test
    void plan_ofProbe_skipsSingularFieldsNoLimitAppliesTo_andGroupsAOneofNoOtherFieldInterleaves() {
        List<String> steps = Arrays.stream(ContentPlan.of(TestSchemas.PROBE_TYPE).steps())
                .map(s -> s.oneof == null ? s.field.getName()
                        : s.oneof.getName() + Arrays.stream(s.members).map(m -> m.field.getName()).toList())
                .toList();

        // field-number order; flag, blob and colour (bool, bytes, enum) are left out, their lists are not (length)
        assertThat(steps).containsExactly("text", "samples", "ratio", "ratios", "i32", "s32", "sf32", "u32", "f32",
                "i64", "s64", "sf64", "u64", "f64", "colours", "flags", "child", "children", "limits",
                // between (31) lies among choice's members, which stay single steps at their own numbers
                "choice_text", "between", "choice_number", "choice_child",
                // one step asks which member of pick is set; pick_flag cannot break a limit
                "pick[pick_text, pick_real]",
                // a proto3 optional field's synthetic oneof is no real one
                "maybe");
    }
}
