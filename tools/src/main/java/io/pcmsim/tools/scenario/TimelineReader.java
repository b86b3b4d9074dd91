package io.pcmsim.tools.scenario;

import io.pcmsim.backend.mapprovider.MapRelease;
import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.softwareupdate.UpdateDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code timeline:} list of a scenario file into {@link TimedEvent}s, collecting problems. */
final class TimelineReader {

    private static final Set<String> TARGET = Set.of("at", "event", "group", "share", "vins");
    /** The fields of each event kind besides {@link #TARGET}. */
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("drive", Set.of("for", "distanceKm")),
            Map.entry("park", Set.of()),
            Map.entry("vehicle-start", Set.of()),
            Map.entry("privacy-mode", Set.of("switch")),
            Map.entry("service-group", Set.of("serviceGroup", "switch")),
            Map.entry("service", Set.of("service", "switch")),
            Map.entry("network-outage", Set.of("for")),
            Map.entry("go-away", Set.of()),
            Map.entry("come-back", Set.of()),
            Map.entry("come-and-go", Set.of("for", "awayFor")),
            Map.entry("workshop", Set.of()),
            Map.entry("smart-service-report", Set.of()),
            Map.entry("fault", Set.of("fault")),
            Map.entry("breakdown-call", Set.of("assistance", "dealer", "placedIn")),
            Map.entry("manual-message", Set.of("code")),
            Map.entry("manual-chapter", Set.of("chapter", "favourite")),
            Map.entry("broker-restart", Set.of("for")),
            Map.entry("software-campaign", UpdateEvents.CAMPAIGN_FIELDS),
            Map.entry("update-decision", Set.of("decision")),
            Map.entry("install-failure", Set.of("reason")),
            Map.entry("map-release", Set.of("region", "version", "sizeBytes")));

    /** Package size of a map release that gives none. */
    static final long DEFAULT_MAP_BYTES = 65_536;

    private final Problems problems;
    private final Set<String> groups;
    private final Optional<Duration> runDuration;
    private final boolean embeddedBroker;
    private final boolean embeddedBackend;

    /** @param runDuration the run's duration, when the file gives a usable one */
    TimelineReader(Problems problems, Set<String> groups, boolean embeddedBroker, boolean embeddedBackend,
            Optional<Duration> runDuration) {
        this.problems = problems;
        this.groups = groups;
        this.runDuration = runDuration;
        this.embeddedBroker = embeddedBroker;
        this.embeddedBackend = embeddedBackend;
    }

    /** The event kinds and their own fields (besides at, event, group, share, vins). */
    static Map<String, Set<String>> kinds() {
        return FIELDS;
    }

    List<TimedEvent> read(YamlMap top) {
        Optional<Node> node = top.node("timeline");
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode list)) {
            problems.at(node.get(), "timeline", "must be a list of events ('- at: 2h' and 'event: drive' lines)");
            return List.of();
        }
        List<TimedEvent> events = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            event(YamlMap.of(list.getValue().get(i), "timeline[" + i + "]", problems), i).ifPresent(events::add);
        }
        events.sort(Comparator.comparing(TimedEvent::at).thenComparing(TimedEvent::index));
        return events;
    }

    private Optional<TimedEvent> event(YamlMap e, int index) {
        Optional<Duration> at = e.read("at", true, TimelineReader::offset);
        runDuration.ifPresent(end -> at.filter(t -> t.compareTo(end) > 0).ifPresent(t -> problems.at(
                e.node("at").orElseThrow(), e.field("at"), "is after the end of the run (duration " + DurationText.of(end)
                        + ")")));
        Optional<String> kind = e.text("event", true);
        if (kind.isEmpty()) {
            e.rejectUnknown(all());
            return Optional.empty();
        }
        Node kindNode = e.node("event").orElseThrow();
        Set<String> specific = FIELDS.get(kind.get());
        if (specific == null) {
            problems.at(kindNode, e.field("event"), "\"" + kind.get() + "\" is not an event"
                    + Problems.suggestion(kind.get(), FIELDS.keySet()) + " (events: "
                    + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ")");
            return Optional.empty();
        }
        Set<String> known = new HashSet<>(specific);
        if (kind.get().equals("broker-restart")) {
            known.addAll(Set.of("at", "event"));
            if (!embeddedBroker) {
                problems.at(kindNode, e.field("event"), "a broker restart needs the embedded broker (broker: embedded)");
            }
        } else if (kind.get().equals("software-campaign")) {
            known.addAll(Set.of("at", "event"));
        } else if (kind.get().equals("map-release")) {
            known.addAll(Set.of("at", "event"));
            if (!embeddedBackend) {
                problems.at(kindNode, e.field("event"), "a map release needs the backend in this process"
                        + " (backend: embedded)");
            }
        } else {
            known.addAll(TARGET);
        }
        e.rejectUnknown(known);
        Target target = target(e);
        Optional<Event> event = details(kind.get(), e);
        if (at.isEmpty() || event.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TimedEvent(at.get(), index, Problems.line(e.node()), target, event.get()));
    }

    private Optional<Event> details(String kind, YamlMap e) {
        return switch (kind) {
            case "drive" -> {
                Optional<Duration> time = e.duration("for", true);
                Optional<Double> km = e.number("distanceKm", true, 0, 5_000);
                yield time.isPresent() && km.isPresent() ? Optional.of(new Event.Drive(time.get(), km.get()))
                        : Optional.empty();
            }
            case "park" -> Optional.of(new Event.Park());
            case "vehicle-start" -> Optional.of(new Event.VehicleStart());
            case "privacy-mode" -> e.onOff("switch", true).map(Event.PrivacyMode::new);
            case "service-group" -> {
                Optional<Boolean> on = e.onOff("switch", true);
                Optional<String> group = e.text("serviceGroup", true);
                var parsed = group.flatMap(g -> ScenarioParser.serviceGroup(g, e.node("serviceGroup").orElseThrow(),
                        e.field("serviceGroup"), problems));
                yield parsed.isPresent() && on.isPresent()
                        ? Optional.of(new Event.ServiceGroupSwitch(parsed.get(), on.get())) : Optional.empty();
            }
            case "service" -> {
                Optional<Boolean> on = e.onOff("switch", true);
                var parsed = e.text("service", true).flatMap(s -> ScenarioParser.service(s,
                        e.node("service").orElseThrow(), e.field("service"), problems));
                yield parsed.isPresent() && on.isPresent()
                        ? Optional.of(new Event.ServiceSwitch(parsed.get(), on.get())) : Optional.empty();
            }
            case "network-outage" -> e.duration("for", true).map(Event.NetworkOutage::new);
            case "go-away" -> Optional.of(new Event.GoAway());
            case "come-back" -> Optional.of(new Event.ComeBack());
            case "come-and-go" -> {
                Optional<Duration> window = e.duration("for", true);
                Optional<Duration> stay = e.duration("awayFor", true);
                if (window.isPresent() && stay.isPresent() && stay.get().compareTo(window.get()) > 0) {
                    problems.at(e.node("awayFor").orElseThrow(), e.field("awayFor"),
                            "must not be longer than for (" + DurationText.of(window.get()) + ")");
                    yield Optional.empty();
                }
                yield window.isPresent() && stay.isPresent()
                        ? Optional.of(new Event.ComeAndGo(window.get(), stay.get())) : Optional.empty();
            }
            case "workshop" -> Optional.of(new Event.Workshop());
            case "smart-service-report" -> Optional.of(new Event.SmartServiceReport());
            case "fault" -> e.read("fault", true, TimelineReader::fault).map(Event.InjectFault::new);
            case "breakdown-call" -> breakdownCall(e);
            case "manual-message" -> e.read("code", true, ManualFigures::code).map(Event.ManualMessage::new);
            case "manual-chapter" -> {
                Optional<String> chapter = e.read("chapter", true, ManualFigures::chapter);
                Optional<Boolean> favourite = e.read("favourite", false, ManualFigures::trueFalse);
                yield chapter.isPresent() && (favourite.isPresent() || !e.has("favourite"))
                        ? Optional.of(new Event.ManualChapter(chapter.get(), favourite.orElse(false))) : Optional.empty();
            }
            case "broker-restart" -> e.duration("for", true).map(Event.BrokerRestart::new);
            case "software-campaign" -> UpdateEvents.campaign(e, problems, embeddedBackend);
            case "update-decision" -> e.read("decision", true, UpdateDecision::parse).map(Event.UpdateDecisionEvent::new);
            case "install-failure" -> Optional.of(new Event.InstallFailure(e.text("reason", false)
                    .orElse(UpdateEvents.DEFAULT_FAILURE)));
            case "map-release" -> mapRelease(e);
            default -> throw new IllegalStateException("no reader for event " + kind);
        };
    }

    private Optional<Event> breakdownCall(YamlMap e) {
        Optional<Boolean> assistance = e.read("assistance", false, TimelineReader::yesNo);
        Optional<Boolean> dealer = e.read("dealer", false, TimelineReader::yesNo);
        Optional<Boolean> inApp = e.read("placedIn", false, TimelineReader::inApp);
        if (inApp.orElse(false) && !embeddedBackend) {
            problems.at(e.node("placedIn").orElseThrow(), e.field("placedIn"),
                    "a call placed in the app needs the backend in this process (backend: embedded)");
        }
        if (e.has("assistance") && assistance.isEmpty() || e.has("dealer") && dealer.isEmpty()
                || e.has("placedIn") && inApp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Event.BreakdownCall(assistance.orElse(false), dealer.orElse(false),
                inApp.orElse(false)));
    }

    private Optional<Event> mapRelease(YamlMap e) {
        Optional<String> region = e.read("region", true, text -> text);
        Optional<String> version = e.read("version", true, text -> text);
        Optional<Long> size = e.count("sizeBytes", false, 1, MapRelease.MAX_SIZE_BYTES);
        if (region.isEmpty() || version.isEmpty() || e.has("sizeBytes") && size.isEmpty()) {
            return Optional.empty();
        }
        try {
            new MapRelease(region.get(), version.get(), size.orElse(DEFAULT_MAP_BYTES),
                    Instant.EPOCH);
        } catch (IllegalArgumentException bad) {
            problems.at(e.node(), e.field("version"), bad.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Event.MapRelease(region.get(), version.get(), size.orElse(DEFAULT_MAP_BYTES)));
    }

    private static Fault fault(String text) {
        try {
            return Fault.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a fault" + Problems.suggestion(text, Fault.names())
                    + " (faults: " + String.join(", ", Fault.names()) + ")");
        }
    }

    private static boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not yes or no");
        };
    }

    private static boolean inApp(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "car" -> false;
            case "app" -> true;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not car or app"
                    + " (car: the driver calls in the car; app: the owner places the call in the app)");
        };
    }

    private Target target(YamlMap e) {
        Optional<String> group = e.read("group", false, name -> {
            if (!name.equals("all") && !groups.contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is not a group of the fleet ("
                        + String.join(", ", groups.stream().sorted().toList()) + ", or all)"
                        + Problems.suggestion(name, groups));
            }
            return name;
        }).filter(name -> !name.equals("all"));
        double share = e.number("share", false, 0, 1).orElse(1.0);
        List<String> vins = new ArrayList<>();
        List<ScalarNode> items = e.list("vins");
        for (int k = 0; k < items.size(); k++) {
            try {
                vins.add(Vin.of(items.get(k).getValue()).value());
            } catch (IllegalArgumentException ex) {
                problems.at(items.get(k), e.field("vins") + "[" + k + "]", ex.getMessage());
            }
        }
        if (!vins.isEmpty() && (e.has("group") || e.has("share"))) {
            problems.at(e.node("vins").orElseThrow(), e.field("vins"), "give either vins or group and share, not both");
        }
        return new Target(group, share, vins);
    }

    private static Set<String> all() {
        Set<String> all = new HashSet<>(TARGET);
        FIELDS.values().forEach(all::addAll);
        return all;
    }

    /** A time since the start of the run: 0 or a duration. */
    private static Duration offset(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return DurationConverter.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration (use 30s, 5m, 2h, 1d)");
        }
    }
}
