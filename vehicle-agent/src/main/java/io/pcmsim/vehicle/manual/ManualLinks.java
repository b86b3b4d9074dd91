package io.pcmsim.vehicle.manual;

import java.util.List;
import java.util.Objects;

/**
 * The manual chapters the backend linked to a message the car showed ({@code ManualLinks} on
 * {@code down/manual}); empty when the backend's manual index does not know the code.
 *
 * @param eventId the {@code MESSAGE_SHOWN} event these links answer
 * @param messageCode the warning or information code, e.g. {@code W-OIL-LEVEL}
 * @param links the chapters, most relevant first
 */
public record ManualLinks(String eventId, String messageCode, List<Link> links) {

    public ManualLinks {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(messageCode, "messageCode");
        links = List.copyOf(links);
    }

    /**
     * One chapter of the manual.
     *
     * @param chapterId stable id of the chapter, e.g. {@code oil-top-up}
     * @param title its title
     * @param url where the manual site shows it
     */
    public record Link(String chapterId, String title, String url) {

        public Link {
            Objects.requireNonNull(chapterId, "chapterId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
        }
    }
}
