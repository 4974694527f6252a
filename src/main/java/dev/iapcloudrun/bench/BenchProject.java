package dev.iapcloudrun.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A project folder of generated stacks with a git history, as a pull request sees it: every stack committed at the base
 * ({@code HEAD}), and changed in the working tree in 5% of its services ({@link BenchStacks#stack(int, int)}).
 */
public record BenchProject(Path root, List<String> stacks) implements AutoCloseable {

    /** @param deadline how long each git command may take */
    public static BenchProject create(int stackCount, int services, Duration deadline) {
        try {
            var root = Files.createTempDirectory("iap-cloudrun-bench-project-");
            var stacks = new ArrayList<String>();
            Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
            Files.createDirectories(root.resolve("stacks"));
            for (int i = 1; i <= stackCount; i++) {
                var stack = String.format(Locale.ROOT, "env-%02d", i);
                stacks.add(stack);
                Files.writeString(root.resolve("Pulumi." + stack + ".yaml"), "config:\n  gcp:region: europe-west1\n");
                Files.writeString(root.resolve("stacks/" + stack + ".yaml"), BenchStacks.stack(services, 0));
            }
            git(root, deadline, "init", "-q");
            git(root, deadline, "add", "-A");
            git(root, deadline, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false",
                    "commit", "-q", "-m", "base");
            for (var stack : stacks) {
                Files.writeString(root.resolve("stacks/" + stack + ".yaml"), BenchStacks.stack(services, 1));
            }
            return new BenchProject(root, List.copyOf(stacks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void git(Path root, Duration deadline, String... args) {
        var command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Bench.run(command, deadline);
    }

    /** Deletes the folder and its history. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
