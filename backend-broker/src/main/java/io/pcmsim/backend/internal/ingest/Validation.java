package io.pcmsim.backend.internal.ingest;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import java.util.Objects;

/** Outcome of {@link UplinkValidator#validate}: either accepted with its decoded parts, or rejected. */
public sealed interface Validation {

    /** A message that may be stored. */
    record Accepted(Service service, UplinkHeader header, UplinkEnvelope envelope) implements Validation {
        public Accepted {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /** A message that is counted, acknowledged and dropped. */
    record Rejected(RejectReason reason, String detail) implements Validation {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
