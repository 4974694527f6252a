package dev.iapcloudrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests start a process: with a deadline, so that a process that hangs fails its test fast, with its own
 * output, instead of holding the whole suite until the build's limit.
 */
public final class Processes {

    private Processes() {}

    /** How a process ended; {@code stderr} is empty when the builder merged it into {@code stdout}. */
    public record Finished(int exitCode, String stdout, String stderr) {

        /** For assertion messages: what the process said, so that a failure explains itself. */
        public String describe() {
            return "exit code " + exitCode + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + stdout;
        }
    }

    /**
     * Runs the process to its end within {@code deadline}, its output going to files (a pipe nobody reads can block the
     * process, and reading a pipe to its end would wait without a deadline). A process still running at the deadline
     * is stopped, with what it started, and the test fails with its output; a Java process is first asked for its
     * threads' stacks, which show where it hung.
     */
    public static Finished run(ProcessBuilder builder, Duration deadline) throws IOException, InterruptedException {
        var stdout = Files.createTempFile("process", ".stdout");
        var stderr = Files.createTempFile("process", ".stderr");
        try {
            builder.redirectOutput(stdout.toFile());
            if (!builder.redirectErrorStream()) {
                builder.redirectError(stderr.toFile());
            }
            var process = builder.start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                if (builder.command().get(0).endsWith("java")) {
                    new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
                    Thread.sleep(1000);
                }
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", builder.command()) + " did not finish within " + deadline.toSeconds()
                        + " s and was stopped\n--- stderr:\n" + Files.readString(stderr) + "\n--- stdout (end):\n" + tail(stdout));
            }
            return new Finished(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Runs a command in a folder; see {@link #run(ProcessBuilder, Duration)}. */
    public static Finished run(Path directory, Duration deadline, List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile()), deadline);
    }

    /** Runs git in {@code repo}, within a minute; a git that fails fails the test with what it said. Returns its output. */
    public static String git(Path repo, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        var finished = run(new ProcessBuilder(command).redirectErrorStream(true), Duration.ofMinutes(1));
        if (finished.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + finished.describe());
        }
        return finished.stdout();
    }

    /** Git arguments with a committer named, for commits made in a test's own repository. */
    public static String[] committer(String... args) {
        var all = new java.util.ArrayList<>(List.of("-c", "user.name=ci", "-c", "user.email=ci@example.com"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static String tail(Path file) throws IOException {
        var lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
    }
}
