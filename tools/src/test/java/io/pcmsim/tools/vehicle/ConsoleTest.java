package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's reading and answering, with a table of test commands and no car. */
class ConsoleTest {

    private final StringWriter out = new StringWriter();

    private Console console(String input) {
        CommandTable table = new CommandTable();
        table.add(ConsoleCommand.of("echo", "echo WORD...", "answers its words", arguments -> {
            arguments.expect(1, 3);
            return arguments.word(0);
        }));
        table.add(ConsoleCommand.of("boom", "boom", "fails as a bug would", arguments -> {
            throw new IllegalStateException("a bug");
        }));
        table.add(ConsoleCommand.of("consent", "consent [--assistance yes|no] [--dealer yes|no]", "options",
                arguments -> arguments.yesNoOptions("assistance", "dealer").toString()));
        table.add(new ConsoleCommand("quit", "quit", "ends", arguments -> "", true));
        return new Console(table, new BufferedReader(new StringReader(input)), new PrintWriter(out));
    }

    @Test
    void everyCommandLine_getsExactlyOneAnswerLine_blankLinesAndCommentsNone() throws Exception {
        Console console = console("echo hello\n\n  # comment\nECHO  spaced   out\necho\nnope 1\nboom\necho last\n");

        console.run();

        assertThat(out.toString().lines().toList()).containsExactly(
                "ok echo hello",
                "ok echo spaced",
                "error: echo: too few arguments; usage: echo WORD...",
                "error: unknown command 'nope'; commands: echo, boom, consent, quit (help COMMAND for its usage)",
                "error: boom failed unexpectedly (java.lang.IllegalStateException: a bug); the car keeps running",
                "ok echo last");
        assertThat(console.answered()).isEqualTo(6);
        assertThat(console.errors()).isEqualTo(3);
    }

    @Test
    void yesNoOptions_inAnyOrder_andEveryMistakeNamed() throws Exception {
        Console console = console("consent\nconsent --dealer no --assistance YES\nconsent --assistance\n"
                + "consent --dealer maybe\nconsent --towing yes\nconsent --dealer yes --dealer no\n");

        console.run();

        String usage = "; usage: consent [--assistance yes|no] [--dealer yes|no]";
        assertThat(out.toString().lines().toList()).containsExactly(
                "ok consent {}",
                "ok consent {dealer=false, assistance=true}",
                "error: consent: --assistance needs yes or no" + usage,
                "error: consent: --dealer needs yes or no, was 'maybe'" + usage,
                "error: consent: '--towing' is not an option of consent" + usage,
                "error: consent: --dealer is given twice" + usage);
    }

    @Test
    void quit_endsTheConsole_andWhatFollowsIsNotRead() throws Exception {
        Console console = console("echo a\nquit\necho b\n");

        console.run();

        assertThat(out.toString().lines().toList()).isEqualTo(List.of("ok echo a", "ok quit"));
    }

    @Test
    void aSecondCommandOfTheSameName_isRefused() {
        CommandTable table = new CommandTable();
        table.add(ConsoleCommand.of("x", "x", "x", arguments -> ""));
        assertThatThrownBy(() -> table.add(ConsoleCommand.of("x", "x", "x", a -> "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x' already");
    }
}
