package io.pcmsim.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritablePathTest {

    @TempDir
    Path dir;

    @Test
    void fileProblem_whenFolderExists_isNone() throws IOException {
        assertThat(WritablePath.fileProblem("--report", dir.resolve("r.json"))).isEmpty();
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        assertThat(WritablePath.fileProblem("--report", existing)).as("overwriting a file").isEmpty();
    }

    @Test
    void fileProblem_whenPathIsAFolder_namesItAndSaysSo() {
        assertThat(WritablePath.fileProblem("--report", dir))
                .hasValue("--report " + dir.toAbsolutePath() + " is a folder; give the path of a file");
    }

    @Test
    void fileProblem_whenFolderMissing_namesTheFolder() {
        Path file = dir.resolve("missing").resolve("r.json");

        assertThat(WritablePath.fileProblem("--report", file)).get().asString()
                .startsWith("--report " + file.toAbsolutePath() + " cannot be written")
                .contains("the folder " + dir.resolve("missing").toAbsolutePath() + " does not exist");
    }

    @Test
    void fileProblem_whenParentIsAFile_saysTheFolderDoesNotExist() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x").resolve("r.json");

        assertThat(WritablePath.fileProblem("--report", file)).get().asString().contains("does not exist");
    }

    @Test
    void folderProblem_whenMissingButCreatable_isNone() {
        assertThat(WritablePath.folderProblem("--data-dir", dir.resolve("a").resolve("b"))).isEmpty();
        assertThat(WritablePath.folderProblem("--data-dir", dir)).isEmpty();
    }

    @Test
    void folderProblem_whenAPartIsAFile_namesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThat(WritablePath.folderProblem("--data-dir", file.resolve("data"))).get().asString()
                .contains(file.toAbsolutePath() + " is a file, not a folder");
    }
}
