package dev.iapcloudrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
                stopHung(builder, process);
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

    /**
     * Starts a process that runs until the test stops it, such as a server, its output going to files. It is stopped
     * at {@code deadline} whatever the test does, and when the test JVM exits, so that no test leaves one behind.
     */
    public static Running start(ProcessBuilder builder, Duration deadline) throws IOException {
        var stdout = Files.createTempFile("process", ".stdout");
        var stderr = Files.createTempFile("process", ".stderr");
        builder.redirectOutput(stdout.toFile());
        if (!builder.redirectErrorStream()) {
            builder.redirectError(stderr.toFile());
        }
        return new Running(builder, builder.start(), deadline, stdout, stderr);
    }

    /** A process started by {@link #start(ProcessBuilder, Duration)}; {@link #close()} stops it and deletes its output. */
    public static final class Running implements AutoCloseable {

        private final ProcessBuilder builder;
        private final Process process;
        private final Duration deadline;
        private final long deadlineNanos;
        private final Path stdout;
        private final Path stderr;
        private final ScheduledFuture<?> watchdog;
        private volatile boolean stoppedAtDeadline;

        private Running(ProcessBuilder builder, Process process, Duration deadline, Path stdout, Path stderr) {
            this.builder = builder;
            this.process = process;
            this.deadline = deadline;
            this.deadlineNanos = System.nanoTime() + deadline.toNanos();
            this.stdout = stdout;
            this.stderr = stderr;
            RUNNING.add(process);
            this.watchdog = WATCHDOG.schedule(() -> {
                stoppedAtDeadline = true;
                stopHung(builder, process);
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What the process has printed on stdout so far. */
        public String stdout() {
            return read(stdout);
        }

        /** What the process has printed on stderr so far. */
        public String stderr() {
            return read(stderr);
        }

        /**
         * The first line the process prints on stdout, waited for until its deadline. A process that exits first, or
         * says nothing until then, fails the test with its output (a Java process with its threads' stacks).
         */
        public String firstLine() throws InterruptedException {
            while (true) {
                var out = stdout();
                int end = out.indexOf('\n');
                if (end >= 0) {
                    return out.substring(0, end);
                }
                if (stoppedAtDeadline || System.nanoTime() - deadlineNanos >= 0) {
                    stoppedAtDeadline = true;
                    stopHung(builder, process);
                    throw new AssertionError(command() + " printed no line within " + deadline.toSeconds()
                            + " s and was stopped\n" + describe());
                }
                if (!process.isAlive()) {
                    throw new AssertionError(command() + " exited with " + process.exitValue()
                            + " before printing a line\n" + describe());
                }
                Thread.sleep(20);
            }
        }

        /** For assertion messages: whether it is still running, and what it said. */
        public String describe() {
            var state = process.isAlive() ? "running" : (stoppedAtDeadline ? "stopped at its deadline of "
                    + deadline.toSeconds() + " s, exit code " : "exit code ") + process.exitValue();
            return state + "\n--- stderr:\n" + stderr() + "\n--- stdout (end):\n" + tail(stdout());
        }

        /** Stops the process and what it started (asking first, then forcing), and deletes its output files. */
        @Override
        public void close() throws InterruptedException {
            watchdog.cancel(false);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            RUNNING.remove(process);
            try {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String command() {
            return String.join(" ", builder.command());
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Processes started and not yet stopped: stopped with the test JVM if a test could not. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "process deadlines");
        thread.setDaemon(true);
        return thread;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        })));
    }

    /** Stops a process that hangs, and what it started; a Java process is first asked for its threads' stacks. */
    private static void stopHung(ProcessBuilder builder, Process process) {
        try {
            if (process.isAlive() && builder.command().get(0).endsWith("java")) {
                new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
                Thread.sleep(1000);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String text) {
        var lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
    }

    private static String tail(Path file) throws IOException {
        return tail(Files.readString(file));
    }
}
