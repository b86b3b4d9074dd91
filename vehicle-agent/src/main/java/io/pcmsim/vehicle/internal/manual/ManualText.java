package io.pcmsim.vehicle.internal.manual;

import io.pcmsim.vehicle.manual.ManualLinks;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks what the driver types and reads what the backend sends for the manual. Stateless. */
final class ManualText {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    private static final Pattern CHAPTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ManualText() {
    }

    /** A message code in upper case, e.g. {@code W-OIL-LEVEL}. */
    static String messageCode(String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            throw new IllegalArgumentException("message code [" + code + "] must be 1 to 64 letters, digits and"
                    + " dashes, e.g. W-OIL-LEVEL");
        }
        return upper;
    }

    /** A chapter id in lower case, e.g. {@code oil-top-up}. */
    static String chapterId(String chapter) {
        String lower = chapter.strip().toLowerCase(Locale.ROOT);
        if (!CHAPTER.matcher(lower).matches()) {
            throw new IllegalArgumentException("chapter [" + chapter + "] must be 1 to 64 letters, digits and"
                    + " dashes, e.g. oil-top-up");
        }
        return lower;
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
