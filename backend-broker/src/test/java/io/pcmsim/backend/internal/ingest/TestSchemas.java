package io.pcmsim.backend.internal.ingest;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;

/**
 * Message types the uplink schema does not have, for {@link DynamicMessage}s: every scalar type, repeated
 * doubles and floats, a map, a oneof whose members' numbers enclose another field, a proto3 optional field,
 * a recursive type, proto2 defaults that break the limits, and proto2 extensions.
 */
final class TestSchemas {

    private static final String PROBE = """
            name: "content_check_probe.proto" package: "test" syntax: "proto3"
            enum_type { name: "Colour" value { name: "COLOUR_UNSPECIFIED" number: 0 } value { name: "RED" number: 1 } }
            message_type {
              name: "Probe"
              field { name: "samples" number: 2 label: LABEL_REPEATED type: TYPE_DOUBLE }
              field { name: "ratio" number: 3 label: LABEL_OPTIONAL type: TYPE_FLOAT }
              field { name: "ratios" number: 4 label: LABEL_REPEATED type: TYPE_FLOAT }
              field { name: "i32" number: 5 label: LABEL_OPTIONAL type: TYPE_INT32 }
              field { name: "s32" number: 6 label: LABEL_OPTIONAL type: TYPE_SINT32 }
              field { name: "sf32" number: 7 label: LABEL_OPTIONAL type: TYPE_SFIXED32 }
              field { name: "u32" number: 8 label: LABEL_OPTIONAL type: TYPE_UINT32 }
              field { name: "f32" number: 9 label: LABEL_OPTIONAL type: TYPE_FIXED32 }
              field { name: "i64" number: 10 label: LABEL_OPTIONAL type: TYPE_INT64 }
              field { name: "s64" number: 11 label: LABEL_OPTIONAL type: TYPE_SINT64 }
              field { name: "sf64" number: 12 label: LABEL_OPTIONAL type: TYPE_SFIXED64 }
              field { name: "u64" number: 13 label: LABEL_OPTIONAL type: TYPE_UINT64 }
              field { name: "f64" number: 14 label: LABEL_OPTIONAL type: TYPE_FIXED64 }
              field { name: "flag" number: 15 label: LABEL_OPTIONAL type: TYPE_BOOL }
              field { name: "blob" number: 16 label: LABEL_OPTIONAL type: TYPE_BYTES }
              field { name: "colour" number: 17 label: LABEL_OPTIONAL type: TYPE_ENUM type_name: ".test.Colour" }
              field { name: "colours" number: 18 label: LABEL_REPEATED type: TYPE_ENUM type_name: ".test.Colour" }
              field { name: "flags" number: 19 label: LABEL_REPEATED type: TYPE_BOOL }
              field { name: "child" number: 20 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test.Probe" }
              field { name: "children" number: 21 label: LABEL_REPEATED type: TYPE_MESSAGE type_name: ".test.Probe" }
              field { name: "limits" number: 22 label: LABEL_REPEATED type: TYPE_MESSAGE
                      type_name: ".test.Probe.LimitsEntry" }
              field { name: "choice_text" number: 30 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
              field { name: "choice_number" number: 32 label: LABEL_OPTIONAL type: TYPE_INT64 oneof_index: 0 }
              field { name: "choice_child" number: 33 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test.Probe"
                      oneof_index: 0 }
              field { name: "between" number: 31 label: LABEL_OPTIONAL type: TYPE_DOUBLE }
              field { name: "pick_text" number: 40 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 1 }
              field { name: "pick_real" number: 41 label: LABEL_OPTIONAL type: TYPE_DOUBLE oneof_index: 1 }
              field { name: "pick_flag" number: 42 label: LABEL_OPTIONAL type: TYPE_BOOL oneof_index: 1 }
              field { name: "maybe" number: 50 label: LABEL_OPTIONAL type: TYPE_DOUBLE oneof_index: 2
                      proto3_optional: true }
              field { name: "text" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
              oneof_decl { name: "choice" }
              oneof_decl { name: "pick" }
              oneof_decl { name: "_maybe" }
              nested_type {
                name: "LimitsEntry"
                field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
                field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_DOUBLE }
                options { map_entry: true }
              }
            }
            """;

    private static final String LEGACY = """
            name: "content_check_legacy.proto" package: "test2" syntax: "proto2"
            message_type {
              name: "Defaults"
              field { name: "text" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING
                      default_value: "a default far longer than the sixty-four characters a string may have" }
              field { name: "real" number: 2 label: LABEL_OPTIONAL type: TYPE_DOUBLE default_value: "inf" }
              field { name: "big" number: 3 label: LABEL_OPTIONAL type: TYPE_INT64
                      default_value: "9223372036854775807" }
              field { name: "unsigned" number: 4 label: LABEL_OPTIONAL type: TYPE_UINT64
                      default_value: "18446744073709551615" }
              field { name: "tag" number: 5 label: LABEL_REQUIRED type: TYPE_STRING }
              field { name: "legacy" number: 6 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test2.Legacy" }
            }
            message_type {
              name: "Legacy"
              field { name: "name" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
              field { name: "values" number: 2 label: LABEL_REPEATED type: TYPE_DOUBLE }
              field { name: "inner" number: 3 label: LABEL_OPTIONAL type: TYPE_MESSAGE type_name: ".test2.Defaults" }
              extension_range { start: 100 end: 200 }
            }
            extension { name: "note" number: 100 label: LABEL_OPTIONAL type: TYPE_STRING extendee: ".test2.Legacy" }
            extension { name: "readings" number: 101 label: LABEL_REPEATED type: TYPE_DOUBLE extendee: ".test2.Legacy" }
            """;

    static final Descriptor PROBE_TYPE;
    static final Descriptor DEFAULTS_TYPE;
    static final Descriptor LEGACY_TYPE;
    static final FieldDescriptor NOTE;
    static final FieldDescriptor READINGS;

    static {
        FileDescriptor probe = file(PROBE);
        FileDescriptor legacy = file(LEGACY);
        PROBE_TYPE = probe.findMessageTypeByName("Probe");
        DEFAULTS_TYPE = legacy.findMessageTypeByName("Defaults");
        LEGACY_TYPE = legacy.findMessageTypeByName("Legacy");
        NOTE = legacy.findExtensionByName("note");
        READINGS = legacy.findExtensionByName("readings");
    }

    private TestSchemas() {
    }

    /** The message as a {@link DynamicMessage}: the same fields, read by another implementation of reflection. */
    static DynamicMessage dynamicCopy(Message message) {
        try {
            return DynamicMessage.newBuilder(message.getDescriptorForType()).mergeFrom(message.toByteString())
                    .buildPartial();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static FileDescriptor file(String text) {
        try {
            FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder();
            TextFormat.merge(text, proto);
            return FileDescriptor.buildFrom(proto.build(), new FileDescriptor[0]);
        } catch (TextFormat.ParseException | DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
