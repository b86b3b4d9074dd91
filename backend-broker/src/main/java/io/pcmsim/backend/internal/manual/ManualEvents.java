package io.pcmsim.backend.internal.manual;

import io.pcmsim.backend.manual.ManualChapter;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualLinks;
import java.util.List;

/** Reads and checks the wire's manual events. Stateless. */
final class ManualEvents {

    private ManualEvents() {
    }

    /** The event's message code, upper case; empty when it has none (required for a shown message). */
    static String code(ManualEvent event) {
        String code = event.getMessageCode().strip();
        if (code.isEmpty()) {
            if (event.getKind() == ManualEvent.Kind.MESSAGE_SHOWN) {
                throw new IllegalArgumentException("MESSAGE_SHOWN event [" + event.getEventId()
                        + "] has no message_code");
            }
            return "";
        }
        if (!ManualIndex.CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("message_code [" + code + "] must be 1 to 64 upper-case letters,"
                    + " digits and dashes");
        }
        return code;
    }

    /** The event's chapter; empty for a shown message, required for the others. */
    static String chapter(ManualEvent event) {
        if (event.getKind() == ManualEvent.Kind.MESSAGE_SHOWN) {
            return "";
        }
        if (event.getKind() == ManualEvent.Kind.KIND_UNSPECIFIED || event.getKind() == ManualEvent.Kind.UNRECOGNIZED) {
            throw new IllegalArgumentException("manual event [" + event.getEventId() + "] has no known kind, was "
                    + event.getKindValue());
        }
        String chapter = event.getChapterId().strip();
        if (!ManualIndex.CHAPTER.matcher(chapter).matches()) {
            throw new IllegalArgumentException(event.getKind() + " chapter_id [" + chapter + "] must be 1 to 64"
                    + " lower-case letters, digits and dashes");
        }
        return chapter;
    }

    static DownlinkEnvelope.Builder links(String eventId, String code, List<ManualChapter> chapters) {
        ManualLinks.Builder links = ManualLinks.newBuilder().setEventId(eventId).setMessageCode(code);
        chapters.forEach(c -> links.addLinks(ManualLinks.Link.newBuilder().setChapterId(c.chapterId())
                .setTitle(c.title()).setUrl(c.url())));
        return DownlinkEnvelope.newBuilder().setManualLinks(links);
    }
}
