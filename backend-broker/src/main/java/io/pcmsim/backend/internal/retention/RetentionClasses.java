package io.pcmsim.backend.internal.retention;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.protocol.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Collects the data classes the service handlers declare, checked for clashes. */
public final class RetentionClasses {

    private RetentionClasses() {
    }

    /**
     * The classes of {@code handlers}, in handler order, then those of {@code withoutHandler} whose service no
     * handler serves (the raw messages of a service are stored, and must expire, before its handler exists).
     *
     * @throws IllegalArgumentException when two classes share a name, or the messages of one service
     */
    public static List<DataClass> of(List<ServiceHandler> handlers, Map<Service, DataClass> withoutHandler) {
        List<DataClass> classes = new ArrayList<>();
        handlers.forEach(h -> classes.addAll(h.dataClasses()));
        Set<Service> handled = handlers.stream().map(ServiceHandler::service).collect(Collectors.toSet());
        withoutHandler.entrySet().stream()
                .filter(e -> !handled.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> classes.add(e.getValue()));
        Map<String, DataClass> byName = new HashMap<>();
        Map<Service, DataClass> byMessages = new HashMap<>();
        for (DataClass c : classes) {
            if (byName.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("data class " + c.name() + " is declared twice; each name once");
            }
            c.messages().ifPresent(s -> {
                DataClass other = byMessages.putIfAbsent(s, c);
                if (other != null) {
                    throw new IllegalArgumentException("the messages of " + s.topicName() + " belong to data classes "
                            + other.name() + " and " + c.name() + "; a message belongs to one class");
                }
            });
        }
        return List.copyOf(classes);
    }
}
