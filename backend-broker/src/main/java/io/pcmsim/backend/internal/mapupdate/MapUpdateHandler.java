package io.pcmsim.backend.internal.mapupdate;

import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.MapEntitlement;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entitlement check of map update: for each {@code MapEntitlementRequest} the VIN's connectivity package
 * decides; an entitled car gets a new anonymous key (its earlier keys are revoked), a car that is not gets
 * none (and loses its earlier keys). Keys are stored in the batch's transaction; once it committed, they are
 * registered with (or revoked at) the map provider, and then the answer goes to the car on {@code down/map}.
 */
public final class MapUpdateHandler implements ServiceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MapUpdateHandler.class);

    private final MapUpdateCentre centre;
    private final DownlinkPublisher downlinks;

    public MapUpdateHandler(MapUpdateCentre centre, DownlinkPublisher downlinks) {
        this.centre = centre;
        this.downlinks = downlinks;
    }

    private record Decision(Vin vin, String requestId, @Nullable AnonymousMapKey key, List<AnonymousMapKey> revoked) {
    }

    @Override
    public Service service() {
        return Service.MAP_UPDATE;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.MAP_ENTITLEMENT_REQUEST);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/mapupdate";
    }

    @Override
    public RetentionPolicy retention() {
        return MapUpdateRetention.KEYS;
    }

    @Override
    public List<DataClass> dataClasses() {
        return MapUpdateRetention.dataClasses();
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException {
        for (UplinkRecord r : records) {
            Vin vin = r.header().vin();
            String requestId = r.envelope().getMapEntitlementRequest().getRequestId();
            List<AnonymousMapKey> revoked = MapKeys.revokeAll(connection, vin, backendTime);
            AnonymousMapKey key = null;
            if (MapKeys.entitled(connection, vin, backendTime)) {
                key = MapKeys.newKey();
                MapKeys.insert(connection, key, vin, backendTime);
            }
            Decision d = new Decision(vin, requestId, key, revoked);
            afterCommit.add(() -> answer(d));
        }
    }

    /** Tells the provider of the keys issued and revoked, and the car its answer; after the commit. */
    private void answer(Decision d) {
        d.revoked().forEach(centre::revokeAtProvider);
        MapEntitlement.Builder answer = MapEntitlement.newBuilder().setRequestId(d.requestId());
        if (d.key() != null) {
            centre.registerAtProvider(d.key());
            answer.setResult(MapEntitlement.Result.ENTITLED).setAnonymousKey(d.key().value());
        } else {
            centre.notEntitled();
            answer.setResult(MapEntitlement.Result.NOT_ENTITLED);
        }
        downlinks.send(d.vin(), DownlinkEnvelope.newBuilder().setMapEntitlement(answer))
                .whenComplete((id, error) -> {
                    if (error != null) {
                        LOG.info("{}: map entitlement not sent: {}", d.vin(), error.toString());
                    }
                });
    }
}
