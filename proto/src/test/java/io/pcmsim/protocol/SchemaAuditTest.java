package io.pcmsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.DataCategory;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.MapPackageChunk;
import io.pcmsim.proto.v1.MapUpdateInstalled;
import io.pcmsim.proto.v1.MapVersion;
import io.pcmsim.proto.v1.MapVersionAnswer;
import io.pcmsim.proto.v1.MapVersionQuery;
import io.pcmsim.proto.v1.OptionsProto;
import io.pcmsim.proto.v1.Presence;
import io.pcmsim.proto.v1.UplinkEnvelope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an audit proves from the schema alone: every field is categorised; every message body is tied to
 * its service and service group as the {@link Service} enum has them; each service transmits only the
 * data categories the privacy notice declares for it; map messages cannot carry a VIN, a name or an ID.
 */
class SchemaAuditTest {

    /** The categories the privacy notice declares per service; CONTROL is framing and always allowed. */
    private static final Map<Service, Set<DataCategory>> DECLARED = Map.of(
            Service.LOGIN, EnumSet.of(DataCategory.IDENTIFICATION, DataCategory.STATE),
            Service.SMART_SERVICE, EnumSet.of(DataCategory.IDENTIFICATION, DataCategory.ANALYSIS,
                    DataCategory.STATE, DataCategory.USAGE_OPERATING),
            Service.BREAKDOWN, EnumSet.of(DataCategory.IDENTIFICATION, DataCategory.USAGE_OPERATING,
                    DataCategory.STATE, DataCategory.ANALYSIS, DataCategory.LOCATION_MOVEMENT),
            Service.SOFTWARE_UPDATE, EnumSet.of(DataCategory.IDENTIFICATION, DataCategory.STATE),
            Service.MANUAL, EnumSet.of(DataCategory.IDENTIFICATION, DataCategory.ANALYSIS,
                    DataCategory.USAGE_OPERATING),
            Service.MAP_UPDATE, EnumSet.of(DataCategory.IDENTIFICATION, DataCategory.STATE));

    static List<FieldDescriptor> uplinkBodies() {
        return oneofBodies(UplinkEnvelope.getDescriptor());
    }

    static List<FieldDescriptor> downlinkBodies() {
        return oneofBodies(DownlinkEnvelope.getDescriptor());
    }

    /** What a car sends to the map provider. */
    static List<Descriptor> carToMapProvider() {
        return List.of(MapVersionQuery.getDescriptor(), MapUpdateInstalled.getDescriptor());
    }

    static List<Descriptor> mapMessages() {
        return List.of(MapVersionQuery.getDescriptor(), MapVersionAnswer.getDescriptor(),
                MapPackageChunk.getDescriptor(), MapUpdateInstalled.getDescriptor());
    }

    @Test
    void everyField_ofEveryMessage_carriesADataCategory() {
        List<String> missing = new ArrayList<>();
        Set<FileDescriptor> files = new HashSet<>();
        for (Descriptor root : List.of(UplinkEnvelope.getDescriptor(), DownlinkEnvelope.getDescriptor(),
                Presence.getDescriptor(), MapVersionQuery.getDescriptor())) {
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
    @MethodSource("uplinkBodies")
    void uplinkBody_serviceOptionAndGroup_matchTheServiceEnum(FieldDescriptor body) {
        Descriptor message = body.getMessageType();
        Service service = serviceOption(message);
        UplinkEnvelope.BodyCase bodyCase = UplinkEnvelope.BodyCase.forNumber(body.getNumber());

        assertThat(service.accepts(bodyCase)).as("%s accepts %s", service, bodyCase).isTrue();
        assertThat(Service.ofBody(bodyCase)).contains(service);
        assertThat(groupOption(message)).as("(service_group) of %s", message.getName()).isEqualTo(service.group());
    }

    @ParameterizedTest
    @MethodSource("downlinkBodies")
    void downlinkBody_serviceOption_matchesItsDownlinkLevel(FieldDescriptor body) {
        Service service = serviceOption(body.getMessageType());

        assertThat(DownlinkCodec.serviceOf(DownlinkEnvelope.BodyCase.forNumber(body.getNumber()))).isEqualTo(service);
    }

    @Test
    void everyService_acceptsAtLeastOneUplinkBody() {
        for (Service service : Service.values()) {
            assertThat(uplinkBodies()).as(service.name())
                    .anyMatch(b -> service.accepts(UplinkEnvelope.BodyCase.forNumber(b.getNumber())));
        }
    }

    @ParameterizedTest
    @MethodSource("uplinkBodies")
    void uplinkBody_transmitsOnlyCategoriesTheNoticeDeclaresForItsService(FieldDescriptor body) {
        Service service = serviceOption(body.getMessageType());
        Set<DataCategory> reached = categoriesReachable(body.getMessageType(), new HashSet<>());
        reached.remove(DataCategory.CONTROL);

        assertThat(DECLARED.get(service)).as("declared for %s, reached by %s", service,
                body.getMessageType().getName()).containsAll(reached);
    }

    @Test
    void carToMapProvider_transmitsOnlyDeclaredCategories() {
        for (Descriptor message : carToMapProvider()) {
            Set<DataCategory> reached = categoriesReachable(message, new HashSet<>());
            reached.remove(DataCategory.CONTROL);
            assertThat(DECLARED.get(Service.MAP_UPDATE)).as(message.getName()).containsAll(reached);
        }
    }

    @Test
    void onlyTheBreakdownReport_reachesLocation() {
        for (FieldDescriptor body : uplinkBodies()) {
            boolean location = categoriesReachable(body.getMessageType(), new HashSet<>())
                    .contains(DataCategory.LOCATION_MOVEMENT);
            assertThat(location).as(body.getMessageType().getName())
                    .isEqualTo(body.getMessageType().equals(BreakdownReport.getDescriptor()));
        }
    }

    @Test
    void header_vehicleTime_isFramingNotUsageData() {
        FieldDescriptor time = io.pcmsim.proto.v1.Header.getDescriptor().findFieldByName("vehicle_time_ms");
        assertThat(time.getOptions().getExtension(OptionsProto.category)).isEqualTo(DataCategory.CONTROL);
    }

    @ParameterizedTest
    @MethodSource("mapMessages")
    void mapMessage_noStringFieldCanCarryAVinANameOrAUserId(Descriptor message) {
        List<String> strings = stringFields(message, new HashSet<>());
        for (String candidate : List.of("WP0ZZZ99ZTS392124", "Erika Mustermann", "user-4711",
                "erika.mustermann@example.com")) {
            for (String path : strings) {
                Message filled = withString(message, path.split("\\."), candidate);
                assertThatThrownBy(() -> MapMessages.check(filled))
                        .as("%s.%s = %s", message.getName(), path, candidate)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void mapMessage_withKeyRegionsAndVersions_passesTheCheck() {
        MapVersionQuery query = MapVersionQuery.newBuilder()
                .setAnonymousKey("0123456789abcdef0123456789abcdef")
                .setRequestId("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b")
                .addInstalled(MapVersion.newBuilder().setRegion("EU").setVersion("2025.3"))
                .build();

        MapMessages.check(query);
    }

    @Test
    void mapMessage_fieldNames_nameNoIdentity() {
        for (Descriptor message : mapMessages()) {
            for (String path : allFieldNames(message, new HashSet<>())) {
                assertThat(path).as(message.getName()).doesNotContain("vin").doesNotContain("name")
                        .doesNotContain("user");
            }
        }
    }

    private static List<FieldDescriptor> oneofBodies(Descriptor envelope) {
        OneofDescriptor oneof = envelope.getOneofs().get(0);
        return List.copyOf(oneof.getFields());
    }

    private static Service serviceOption(Descriptor message) {
        String name = message.getOptions().getExtension(OptionsProto.service);
        assertThat(name).as("(pcm.v1.service) of %s", message.getName()).isNotEmpty();
        return Service.fromTopicName(name).orElseThrow(() -> new AssertionError(
                "(service) of " + message.getName() + " names no Service: " + name));
    }

    private static Optional<ServiceGroup> groupOption(Descriptor message) {
        return switch (message.getOptions().getExtension(OptionsProto.serviceGroup)) {
            case WITH_LOCATION -> Optional.of(ServiceGroup.WITH_LOCATION);
            case WITHOUT_LOCATION -> Optional.of(ServiceGroup.WITHOUT_LOCATION);
            default -> Optional.empty();
        };
    }

    /** A message of {@code type} with the string field at {@code path} set to {@code value}. */
    private static Message withString(Descriptor type, String[] path, String value) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        FieldDescriptor field = type.findFieldByName(path[0]);
        Object leaf = path.length == 1 ? value
                : withString(field.getMessageType(), java.util.Arrays.copyOfRange(path, 1, path.length), value);
        if (field.isRepeated()) {
            builder.addRepeatedField(field, leaf);
        } else {
            builder.setField(field, leaf);
        }
        return builder.build();
    }

    private static List<String> stringFields(Descriptor message, Set<String> seen) {
        List<String> result = new ArrayList<>();
        if (!seen.add(message.getFullName())) {
            return result;
        }
        for (FieldDescriptor field : message.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
                result.add(field.getName());
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                for (String nested : stringFields(field.getMessageType(), new HashSet<>(seen))) {
                    result.add(field.getName() + "." + nested);
                }
            }
        }
        return result;
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

    private static Set<String> allFieldNames(Descriptor message, Set<String> seen) {
        Set<String> result = new HashSet<>();
        if (!seen.add(message.getFullName())) {
            return result;
        }
        for (FieldDescriptor field : message.getFields()) {
            result.add(field.getName());
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                result.addAll(allFieldNames(field.getMessageType(), seen));
            }
        }
        return result;
    }
}
