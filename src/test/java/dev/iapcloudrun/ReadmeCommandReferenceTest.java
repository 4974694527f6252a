package dev.iapcloudrun;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's command reference is the help the jar prints, command by command, so the two cannot drift. */
class ReadmeCommandReferenceTest {

    private static final Pattern HELP_BLOCK = Pattern.compile(
            "```\\n\\$ java -jar target/iap-cloudrun\\.jar help( [a-z-]+)?\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeShowsTheHelpOfEveryCommandAsTheJarPrintsIt() throws IOException {
        var section = Readme.section("## Command reference");
        var shown = new ArrayList<String>();
        var matcher = HELP_BLOCK.matcher(section);
        while (matcher.find()) {
            var command = matcher.group(1) == null ? "" : matcher.group(1).trim();
            shown.add(command);
            assertThat(matcher.group(2)).as("README's help of '" + command + "'").isEqualTo(help(command));
        }
        var commands = new ArrayList<>(List.of(""));
        commands.addAll(Main.commandLine(Path.of(""), System.out, System.err).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList());
        assertThat(shown).as("commands whose help the README shows").containsExactlyElementsOf(commands);
    }

    private static String help(String command) {
        var out = new ByteArrayOutputStream();
        var args = command.isEmpty() ? List.of("help") : List.of("help", command);
        int code = Main.run(args, Path.of(""), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
