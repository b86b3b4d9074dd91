package io.pcmsim.backend.manual;

import java.util.Objects;

/**
 * One chapter of the manual index.
 *
 * @param chapterId stable id, lower-case letters, digits and dashes, e.g. {@code oil-top-up}
 * @param title the chapter's title
 * @param url where the manual site shows it
 */
public record ManualChapter(String chapterId, String title, String url) {

    public ManualChapter {
        Objects.requireNonNull(chapterId, "chapterId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
