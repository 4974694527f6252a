package dev.iapcloudrun;

import dev.iapcloudrun.bench.BenchProject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's shape, not its numbers: numbers come from running it, never from a test. */
class BenchCommandTest {

    @Test
    void reportsSynthFloorAndDiffAndEndsWithTheRatioAtTheLargestSize() {
        var out = new ByteArrayOutputStream();
        var stream = new PrintStream(out, true, StandardCharsets.UTF_8);

        int code = Main.run(List.of("bench", "--sizes", "2,4", "--runs", "1", "--warmups", "0", "--startup-runs", "0"), Path.of(""), stream, stream);

        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).as(String.join("\n", lines)).isZero();
        assertThat(lines.get(1)).startsWith("services   resources     synth ms");
        assertThat(lines.get(1)).endsWith("floor ms    ratio     matched ms    ratio");
        assertThat(lines.get(2)).matches("2 +17 +[0-9.]+ +[0-9]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+");
        assertThat(lines.get(3)).matches("4 +29 +[0-9.]+ +[0-9]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+");
        assertThat(lines.get(4)).matches("diff of two 4-service plans \\(1 resources changed\\): [0-9.]+ ms, peak [0-9.]+ MiB");
        assertThat(lines.get(5)).matches("SDK tasks per resource at 4 services: synth [1-9][0-9.]*, floor [1-9][0-9.]*, matched [1-9][0-9.]*");
        assertThat(lines.get(lines.size() - 1)).matches("synth/floor at 4 services: [0-9]+\\.[0-9]{2}");
    }

    @Test
    void thePullRequestChecksProjectChangesEveryStackSinceItsBaseCommit() throws Exception {
        Path root;
        try (var project = BenchProject.create(3, 2, Duration.ofMinutes(1))) {
            root = project.root();
            var err = new ByteArrayOutputStream();
            int code = Main.run(List.of("diff", "--base", "HEAD", "--format", "markdown", "--out-dir", "diffs", "--exit-code"),
                    project.root(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            assertThat(project.stacks()).containsExactly("env-01", "env-02", "env-03");
            for (var stack : project.stacks()) {
                assertThat(Files.readString(project.root().resolve("diffs/" + stack + ".md"))).as(stack)
                        .contains("**0 to add, 1 to update, 0 to replace, 0 to delete**");
            }
        }
        assertThat(root).as("deleted with its history").doesNotExist();
    }

    @Test
    void refusesArgumentsThatAreNotNumbers() {
        var err = new ByteArrayOutputStream();
        int code = Main.run(List.of("bench", "--runs", "many"), Path.of(""), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid value for option '--runs': 'many' is not an int");
    }
}
