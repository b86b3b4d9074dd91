package io.pcmsim.backend.internal.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.backend.manual.ManualChapter;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ManualIndexTest {

    private final ManualIndex index = ManualIndex.shipped();

    @Test
    void shipped_linksCodesToChaptersInFileOrder_anyCase() {
        assertThat(index.chapters("W-OIL-LEVEL")).extracting(ManualChapter::chapterId)
                .containsExactly("oil-level", "oil-top-up");
        assertThat(index.chapters(" w-abs ")).extracting(ManualChapter::chapterId)
                .containsExactly("workshop-visit", "abs");
        assertThat(index.chapters("I-NOT-THERE")).isEmpty();
        assertThat(index.chapter("connectivity")).isPresent();
        assertThat(index.codes()).allSatisfy(code -> assertThat(index.chapters(code)).isNotEmpty());
    }

    @Test
    void shipped_everyUrlIsOnThePlaceholderSite() {
        for (String code : index.codes()) {
            assertThat(index.chapters(code)).allSatisfy(c ->
                    assertThat(c.url()).startsWith("https://manual.example.com/pcmsim/"));
        }
    }

    @Test
    void read_aBrokenLine_namesFileLineAndField() {
        assertThatThrownBy(() -> ManualIndex.read(new StringReader("# header\nabs\tABS\thttps://x/abs\tW-ABS\n"
                + "Bad Chapter\tTitle\thttps://x/y\tW-ABS\n"), "index.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("index.tsv:3: chapter \"Bad Chapter\"");
        assertThatThrownBy(() -> ManualIndex.read(new StringReader("abs\tABS\thttp://x/abs\tW-ABS\n"), "index.tsv"))
                .hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> ManualIndex.read(new StringReader("abs\tABS\thttps://x/abs\tw abs\n"), "index.tsv"))
                .hasMessageContaining("code \"w abs\"");
        assertThatThrownBy(() -> ManualIndex.read(new StringReader("abs\tABS\thttps://x/abs\tW-ABS\n"
                + "abs\tABS again\thttps://x/abs\tW-ABS\n"), "index.tsv"))
                .hasMessageContaining("chapter abs is listed twice");
    }
}
