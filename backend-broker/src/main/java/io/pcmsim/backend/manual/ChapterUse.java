package io.pcmsim.backend.manual;

import java.time.Instant;
import java.util.Objects;

/**
 * A chapter a driver used: visited or kept as a favourite.
 *
 * @param chapter the chapter; a chapter the index does not know has its id as title and an empty URL
 * @param at when the backend received the event (the latest visit, or when the favourite was added)
 */
public record ChapterUse(ManualChapter chapter, Instant at) {

    public ChapterUse {
        Objects.requireNonNull(chapter, "chapter");
        Objects.requireNonNull(at, "at");
    }
}
