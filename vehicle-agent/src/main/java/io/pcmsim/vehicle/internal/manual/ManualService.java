package io.pcmsim.vehicle.internal.manual;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualProfileRequest;
import io.pcmsim.proto.v1.ManualProfileResult;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.VehicleService;
import io.pcmsim.vehicle.manual.ManualCodes;
import io.pcmsim.vehicle.manual.ManualLinks;
import io.pcmsim.vehicle.manual.ManualUse;
import io.pcmsim.vehicle.manual.ProfileOutcome;
import io.pcmsim.vehicle.model.VehicleModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The owner's manual ("good to know"): each warning that lights up in the cluster, and each message the
 * driver is shown otherwise, is a {@code MESSAGE_SHOWN} event; the backend answers with the linked chapters
 * ({@code ManualLinks}), which the car keeps. Chapters the driver opens and favourites added or removed are
 * events too; a simulated driver opens linked chapters and keeps favourites as the fleet's {@link ManualUse}
 * says. The driver may ask for a manual profile with name and user ID ({@code ManualProfileRequest}).
 *
 * <p>Everything passes the privacy gate (group <em>without location</em>, service {@code manual}): what the
 * settings forbid is not sent and not kept for later; while offline it waits in the outbox. Lane only, except
 * for the snapshots {@link #received()} and {@link #favourites()}.
 */
public final class ManualService implements VehicleService {

    private static final int KEPT_LINKS = 20;
    private static final int WAITING = 64;

    private final ServiceChannel channel;
    private final Vin vin;
    private final VehicleModel model;
    private final ManualUse use;
    private final Answers<ManualLinks> links = new Answers<>(WAITING);
    private final Answers<ProfileOutcome> profiles = new Answers<>(WAITING);
    private final Set<String> favourites = new LinkedHashSet<>();
    private Set<String> showing = Set.of();
    private long shown;
    private volatile List<ManualLinks> received = List.of();
    private volatile List<String> favouriteList = List.of();

    public ManualService(ServiceChannel channel, Vin vin, VehicleModel model, ManualUse use) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.vin = Objects.requireNonNull(vin, "vin");
        this.model = Objects.requireNonNull(model, "model");
        this.use = Objects.requireNonNull(use, "use");
    }

    @Override
    public Service service() {
        return Service.MANUAL;
    }

    /** Warnings that lit up since the last evaluation are shown messages. */
    @Override
    public void tick(Instant now) {
        List<String> warnings = model.snapshot().more().warnings();
        for (String code : warnings) {
            if (!showing.contains(code)) {
                showMessage(code, now);
            }
        }
        showing = Set.copyOf(warnings);
    }

    /**
     * The cluster shows {@code code}: a {@code MESSAGE_SHOWN} event.
     *
     * @return the links once the backend answered; empty at once when the settings hold the event back or the
     *     car is offline (links that arrive later are kept in {@link #received()})
     * @throws IllegalArgumentException when the code is not 1 to 64 letters, digits and dashes
     */
    public CompletableFuture<Optional<ManualLinks>> showMessage(String code, Instant now) {
        String messageCode = ManualCodes.messageCode(code);
        String eventId = UUID.nameUUIDFromBytes((vin.value() + "/" + (++shown) + "/" + now.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)).toString();
        boolean answerable = channel.allowed() && channel.online();
        CompletableFuture<Optional<ManualLinks>> answer = answerable ? links.await(eventId)
                : CompletableFuture.completedFuture(Optional.empty());
        send(ManualEvent.newBuilder().setKind(ManualEvent.Kind.MESSAGE_SHOWN).setEventId(eventId)
                .setMessageCode(messageCode), now);
        return answer;
    }

    /**
     * The driver opens a chapter: a {@code CHAPTER_VISITED} event.
     *
     * @return settles when the broker acknowledged it or the publish failed; at once when held back or queued
     */
    public CompletableFuture<Void> openChapter(String chapterId, Instant now) {
        return visit(ManualCodes.chapterId(chapterId), "", now);
    }

    /** The driver adds or removes a favourite chapter: {@code FAVOURITE_ADDED} or {@code FAVOURITE_REMOVED}. */
    public CompletableFuture<Void> favourite(String chapterId, boolean add, Instant now) {
        String chapter = ManualCodes.chapterId(chapterId);
        if (add ? favourites.add(chapter) : favourites.remove(chapter)) {
            favouriteList = List.copyOf(favourites);
        }
        return send(ManualEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setChapterId(chapter)
                .setKind(add ? ManualEvent.Kind.FAVOURITE_ADDED : ManualEvent.Kind.FAVOURITE_REMOVED), now);
    }

    /**
     * The driver asks for a manual profile with name and user ID.
     *
     * @return the backend's answer; empty at once when the settings hold the request back or the car is offline
     * @throws IllegalArgumentException when the name is not 1 to 200 characters or the user ID not 1 to 64
     */
    public CompletableFuture<Optional<ProfileOutcome>> requestProfile(String name, String userId, Instant now) {
        ManualProfileRequest.Builder request = ManualProfileRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setName(ManualText.name(name))
                .setUserId(ManualText.userId(userId));
        CompletableFuture<Optional<ProfileOutcome>> answer = channel.allowed() && channel.online()
                ? profiles.await(request.getRequestId()) : CompletableFuture.completedFuture(Optional.empty());
        channel.send(UplinkEnvelope.newBuilder().setManualProfileRequest(request).build(), now);
        return answer;
    }

    @Override
    public void downlink(DownlinkEnvelope message, Instant now) {
        if (message.hasManualLinks()) {
            linksArrived(ManualText.links(message.getManualLinks()), now);
        } else if (message.hasManualProfileResult()) {
            ManualProfileResult result = message.getManualProfileResult();
            ProfileOutcome outcome = switch (result.getResult()) {
                case CREATED -> ProfileOutcome.CREATED;
                case NO_MATCH -> ProfileOutcome.NO_MATCH;
                default -> throw new IllegalArgumentException("manual profile result " + result.getResult()
                        + " of request [" + result.getRequestId() + "] is not CREATED or NO_MATCH");
            };
            profiles.answered(result.getRequestId(), outcome);
        }
    }

    private void linksArrived(ManualLinks answer, Instant now) {
        List<ManualLinks> kept = new ArrayList<>(KEPT_LINKS);
        kept.add(answer);
        received.stream().limit(KEPT_LINKS - 1).forEach(kept::add);
        received = List.copyOf(kept);
        links.answered(answer.eventId(), answer);
        if (answer.links().isEmpty() || !use.opens(answer.eventId())) {
            return;
        }
        String chapter = answer.links().get(0).chapterId();
        visit(chapter, answer.messageCode(), now);
        if (use.keeps(answer.eventId()) && !favourites.contains(chapter)) {
            favourite(chapter, true, now);
        }
    }

    private CompletableFuture<Void> visit(String chapterId, String messageCode, Instant now) {
        return send(ManualEvent.newBuilder().setKind(ManualEvent.Kind.CHAPTER_VISITED)
                .setEventId(UUID.randomUUID().toString()).setChapterId(chapterId).setMessageCode(messageCode), now);
    }

    private CompletableFuture<Void> send(ManualEvent.Builder event, Instant now) {
        return channel.send(UplinkEnvelope.newBuilder().setManualEvent(event).build(), now);
    }

    /** The links received, newest first, at most 20; any thread. */
    public List<ManualLinks> received() {
        return received;
    }

    /** The driver's favourite chapters in the order added; any thread. */
    public List<String> favourites() {
        return favouriteList;
    }
}
