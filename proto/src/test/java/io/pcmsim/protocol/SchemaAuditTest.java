package io.pcmsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.DataCategory;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.MapPackageChunk;
import io.pcmsim.proto.v1.MapVersionAnswer;
import io.pcmsim.proto.v1.MapVersionQuery;
import io.pcmsim.proto.v1.OptionsProto;
import io.pcmsim.proto.v1.Presence;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.SoftwareUpdateQuery;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.UplinkEnvelope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What an audit proves from the schema alone: every field is categorised; only breakdown carries location. */
class SchemaAuditTest {

    static List<Descriptor> services() {
        return List.of(Login.getDescriptor(), SmartServiceReport.getDescriptor(),
                SoftwareUpdateQuery.getDescriptor(), SoftwareUpdateStatus.getDescriptor(),
                ManualEvent.getDescriptor(), MapVersionQuery.getDescriptor(), MapVersionAnswer.getDescriptor(),
                MapPackageChunk.getDescriptor());
    }

    @Test
    void everyField_ofEveryMessage_carriesADataCategory() {
        List<String> missing = new ArrayList<>();
        Set<FileDescriptor> files = new HashSet<>();
        for (Descriptor root : List.of(UplinkEnvelope.getDescriptor(), DownlinkEnvelope.getDescriptor(),
                Presence.getDescriptor(), MapVersionQuery.getDescriptor(), MapVersionAnswer.getDescriptor(),
                MapPackageChunk.getDescriptor())) {
            files.add(root.getFile());
        }
        for (FileDescriptor file : files) {
            for (Descriptor message : file.getMessageTypes()) {
                collectUncategorised(message, missing);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        assertThat(missing).as("fields without (pcm.v1.category)").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesWithoutLocation_haveNoLocationField(Descriptor message) {
        assertThat(categoriesReachable(message, new HashSet<>()))
                .as(message.getFullName())
                .doesNotContain(DataCategory.LOCATION_MOVEMENT);
    }

    @Test
    void breakdownReport_isTheServiceThatCarriesLocation() {
        assertThat(categoriesReachable(BreakdownReport.getDescriptor(), new HashSet<>()))
                .contains(DataCategory.LOCATION_MOVEMENT);
    }

    @Test
    void mapMessages_carryNoVin() {
        for (Descriptor message : List.of(MapVersionQuery.getDescriptor(), MapVersionAnswer.getDescriptor(),
                MapPackageChunk.getDescriptor())) {
            assertThat(fieldNames(message, new HashSet<>())).noneMatch(n -> n.contains("vin"));
        }
    }

    private static void collectUncategorised(Descriptor message, List<String> missing) {
        for (FieldDescriptor field : message.getFields()) {
            DataCategory category = field.getOptions().getExtension(OptionsProto.category);
            if (category == DataCategory.DATA_CATEGORY_UNSPECIFIED) {
                missing.add(field.getFullName());
            }
        }
        for (Descriptor nested : message.getNestedTypes()) {
            if (!nested.getOptions().getMapEntry()) {
                collectUncategorised(nested, missing);
            }
        }
    }

    private static Set<DataCategory> categoriesReachable(Descriptor message, Set<String> seen) {
        Set<DataCategory> result = new HashSet<>();
        if (!seen.add(message.getFullName())) {
            return result;
        }
        for (FieldDescriptor field : message.getFields()) {
            result.add(field.getOptions().getExtension(OptionsProto.category));
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                result.addAll(categoriesReachable(field.getMessageType(), seen));
            }
        }
        return result;
    }

    private static Set<String> fieldNames(Descriptor message, Set<String> seen) {
        Set<String> result = new HashSet<>();
        if (!seen.add(message.getFullName())) {
            return result;
        }
        for (FieldDescriptor field : message.getFields()) {
            result.add(field.getName());
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                result.addAll(fieldNames(field.getMessageType(), seen));
            }
        }
        return result;
    }
}
