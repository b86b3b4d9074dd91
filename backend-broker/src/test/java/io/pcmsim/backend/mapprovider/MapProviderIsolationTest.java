package io.pcmsim.backend.mapprovider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The map provider is a party of its own: its code imports nothing of the backend but its own packages. */
class MapProviderIsolationTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "pcmsim", "backend");

    @Test
    void mapProvider_importsOnlyItsOwnPackagesOfTheBackend() throws IOException {
        List<Path> files;
        try (Stream<Path> a = Files.list(SOURCES.resolve("mapprovider"));
             Stream<Path> b = Files.list(SOURCES.resolve(Path.of("internal", "mapprovider")))) {
            files = Stream.concat(a, b).filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            List<String> imports = Files.readAllLines(file).stream().filter(l -> l.startsWith("import io.pcmsim.backend."))
                    .toList();
            assertThat(imports).as(file.toString()).allMatch(l -> l.startsWith("import io.pcmsim.backend.mapprovider.")
                    || l.startsWith("import io.pcmsim.backend.internal.mapprovider."));
        }
    }
}
