package io.pcmsim.vehicle.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's {@code EmulatedCars} example is the code of {@link ReadmeExampleIT}, so it compiles and runs. */
class ReadmeExampleTest {

    private static final String START = "// README example start\n";
    private static final String END = "    // README example end\n";

    @Test
    void readmeBlock_equalsTheExampleRegionOfReadmeExampleIT() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/pcmsim/vehicle/junit/ReadmeExampleIT.java"));
        String region = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
        String example = region.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .reduce("", (a, b) -> a + b + "\n");

        String readme = Files.readString(Path.of("../README.md"));
        String marker = "<!-- EmulatedCars example: vehicle-agent/src/test/java/io/pcmsim/vehicle/junit/ReadmeExampleIT.java -->\n```java\n";
        assertThat(readme).contains(marker);
        int from = readme.indexOf(marker) + marker.length();
        String block = readme.substring(from, readme.indexOf("```\n", from));

        assertThat(block).isEqualTo(example);
    }
}
