package io.pcmsim.backend.internal.manual;

import io.pcmsim.backend.internal.reference.TabSeparated;
import io.pcmsim.backend.manual.ManualChapter;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manual index: the chapters of the manual and the message codes linked to them, read from a
 * tab-separated file (the shipped one is {@value #SHIPPED}, whose header explains the fields). Immutable and
 * thread-safe.
 */
public final class ManualIndex {

    /** Class path resource of the shipped sample index. */
    public static final String SHIPPED = "/manual/manual-index.tsv";

    static final Pattern CHAPTER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    private static final int FIELDS = 4;
    private static final String FIELD_NAMES = "chapter, title, url, codes";

    private final Map<String, ManualChapter> chapters;
    private final Map<String, List<ManualChapter>> byCode;

    private ManualIndex(Map<String, Entry> entries) {
        Map<String, ManualChapter> all = new LinkedHashMap<>();
        Map<String, List<ManualChapter>> codes = new LinkedHashMap<>();
        entries.values().forEach(e -> {
            all.put(e.chapter().chapterId(), e.chapter());
            e.codes().forEach(code -> codes.computeIfAbsent(code, c -> new ArrayList<>()).add(e.chapter()));
        });
        this.chapters = Map.copyOf(all);
        Map<String, List<ManualChapter>> frozen = new LinkedHashMap<>();
        codes.forEach((code, list) -> frozen.put(code, List.copyOf(list)));
        this.byCode = Map.copyOf(frozen);
    }

    /** The shipped sample index. */
    public static ManualIndex shipped() {
        return of(TabSeparated.readResource(SHIPPED, FIELDS, FIELD_NAMES, ManualIndex::parse), SHIPPED);
    }

    /**
     * Reads an index in the shipped file's format.
     *
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file and line of the first broken line
     */
    public static ManualIndex read(Reader source, String name) throws IOException {
        return of(TabSeparated.read(source, name, FIELDS, FIELD_NAMES, ManualIndex::parse), name);
    }

    private static ManualIndex of(List<Entry> entries, String name) {
        return new ManualIndex(TabSeparated.byKey(entries, e -> e.chapter().chapterId(), name, "chapter"));
    }

    private static Entry parse(String[] fields) {
        String id = fields[0].trim();
        if (!CHAPTER.matcher(id).matches()) {
            throw new IllegalArgumentException("chapter \"" + id + "\" must be 1 to 64 lower-case letters, digits"
                    + " and dashes");
        }
        String url = fields[2].trim();
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("url \"" + url + "\" of chapter " + id + " must start with https://");
        }
        List<String> codes = Arrays.stream(fields[3].split("\\|")).map(String::trim).filter(c -> !c.isEmpty())
                .toList();
        for (String code : codes) {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("code \"" + code + "\" of chapter " + id + " must be 1 to 64"
                        + " upper-case letters, digits and dashes");
            }
        }
        return new Entry(new ManualChapter(id, fields[1].trim(), url), codes);
    }

    /** The chapters linked to {@code messageCode} (any case), in the file's order; empty when unknown. */
    public List<ManualChapter> chapters(String messageCode) {
        return byCode.getOrDefault(messageCode.strip().toUpperCase(Locale.ROOT), List.of());
    }

    /** The chapter with this id, if the index has it. */
    public Optional<ManualChapter> chapter(String chapterId) {
        return Optional.ofNullable(chapters.get(chapterId));
    }

    /** The chapter with this id, or one named by its id with no URL when the index does not have it. */
    ManualChapter chapterOrId(String chapterId) {
        return chapter(chapterId).orElseGet(() -> new ManualChapter(chapterId, chapterId, ""));
    }

    /** The message codes that link to at least one chapter. */
    public Set<String> codes() {
        return byCode.keySet();
    }

    private record Entry(ManualChapter chapter, List<String> codes) {
    }
}
