package io.pcmsim.vehicle.internal.manual;

import io.pcmsim.vehicle.manual.ManualLinks;

/**
 * Checks the driver's name and user ID and reads what the backend sends for the manual (codes and chapters:
 * {@link io.pcmsim.vehicle.manual.ManualCodes}). Stateless.
 */
final class ManualText {

    private ManualText() {
    }

    static String name(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new IllegalArgumentException("a name must have 1 to 200 characters, had " + stripped.length());
        }
        return stripped;
    }

    static String userId(String userId) {
        String stripped = userId.strip();
        if (stripped.isEmpty() || stripped.length() > 64 || stripped.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("user ID [" + userId + "] must be 1 to 64 characters without spaces");
        }
        return stripped;
    }

    /** The links of a {@code ManualLinks} downlink. */
    static ManualLinks links(io.pcmsim.proto.v1.ManualLinks wire) {
        if (wire.getEventId().isBlank()) {
            throw new IllegalArgumentException("manual links for [" + wire.getMessageCode() + "] name no event id");
        }
        return new ManualLinks(wire.getEventId(), wire.getMessageCode(), wire.getLinksList().stream()
                .map(l -> new ManualLinks.Link(l.getChapterId(), l.getTitle(), l.getUrl())).toList());
    }
}
