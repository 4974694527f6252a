package dev.iapcloudrun.review;

import dev.iapcloudrun.spec.InputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A stack's files as they were at a git revision, copied into a folder of their own so the program can read
 * them exactly as it reads the working tree. Only the stack's inputs are taken from the revision: the program
 * is the one being run, so {@code diff --base} shows what the change to the stack's files does.
 */
public final class GitRevision {

    private GitRevision() {}

    /**
     * Copies {@code Pulumi.yaml}, {@code Pulumi.<stack>.yaml} and {@code stacks/<stack>.yaml} as of {@code ref}
     * into {@code target}. Returns false when the stack did not exist at that revision.
     */
    public static boolean copyStack(Path root, String ref, String stack, Path target) throws IOException {
        verify(root, ref);
        var files = stackFiles(stack);
        return copy(root, ref, files, target).containsAll(files);
    }

    /**
     * Copies {@code Pulumi.yaml} and the files of every stack as of {@code ref} into {@code target}, with two git
     * processes whatever the number of stacks. Returns the stacks that existed then, with all three files, sorted.
     */
    public static List<String> copyStacks(Path root, String ref, Path target) throws IOException {
        verify(root, ref);
        var files = new ArrayList<String>();
        var names = new TreeSet<String>();
        git(root, "ls-tree", "--name-only", ref, "--", "Pulumi.yaml", "stacks/").orElse("").lines()
                .filter(name -> name.endsWith(".yaml")).forEach(files::add);
        try (var top = git(root, "ls-tree", "--name-only", ref).orElse("").lines()) {
            top.filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml")).forEach(n -> {
                files.add(n);
                names.add(n.substring("Pulumi.".length(), n.length() - ".yaml".length()));
            });
        }
        var copied = copy(root, ref, files, target);
        return names.stream().filter(stack -> copied.containsAll(stackFiles(stack))).toList();
    }

    private static List<String> stackFiles(String stack) {
        return List.of("Pulumi.yaml", "Pulumi." + stack + ".yaml", "stacks/" + stack + ".yaml");
    }

    private static void verify(Path root, String ref) throws IOException {
        git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").orElseThrow(() ->
                new InputException("--base " + ref + ": not a git revision of " + root.toAbsolutePath().normalize()
                        + "; expected a branch, tag or commit (for a pull request, fetch the base branch first)"));
    }

    /**
     * Copies the {@code files} (relative to {@code root}) that exist at {@code ref} into {@code target}, all read by one
     * {@code git cat-file --batch}; returns those it found.
     */
    private static Set<String> copy(Path root, String ref, List<String> files, Path target) throws IOException {
        var request = new StringBuilder();
        files.forEach(file -> request.append(ref).append(":./").append(file).append('\n'));
        var output = run(root, request.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch")
                .orElseThrow(() -> new IOException("git cat-file could not read the files of " + ref));
        var copied = new LinkedHashSet<String>();
        var in = new ByteArrayInputStream(output);
        for (var file : files) {
            // Each answer is "<object> <type> <size>\n<content>\n", or "<name> missing\n".
            var header = readLine(in).split(" ");
            if (header.length != 3) {
                continue;
            }
            var content = in.readNBytes(Integer.parseInt(header[2]));
            in.read();
            if (header[1].equals("blob")) {
                var copy = target.resolve(file);
                Files.createDirectories(copy.getParent());
                Files.write(copy, content);
                copied.add(file);
            }
        }
        return copied;
    }

    private static String readLine(ByteArrayInputStream in) {
        var line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** The commit of the working tree's HEAD, its date, and whether the tree has uncommitted changes. */
    public static Provenance provenance(Path root) throws IOException {
        if (git(root, "rev-parse", "--is-inside-work-tree").isEmpty()) {
            return Provenance.NOT_A_REPOSITORY;
        }
        var id = git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").map(String::strip);
        var dirty = git(root, "status", "--porcelain").map(status -> !status.isBlank()).orElse(false);
        if (id.isEmpty()) {
            return new Provenance(true, Optional.empty(), dirty);
        }
        var date = git(root, "show", "-s", "--format=%cI", id.get()).map(String::strip).orElse("");
        return Provenance.of(id.get(), date, dirty);
    }

    /** Runs git; empty when it fails (an unknown revision, a file not in it). */
    private static Optional<String> git(Path root, String... args) throws IOException {
        return run(root, new byte[0], args).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> run(Path root, byte[] input, String... args) throws IOException {
        var command = new ArrayList<>(List.of("git", "-C", root.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("--base needs git, which could not be started: " + e.getMessage(), e);
        }
        try {
            // Fed from a thread of its own: with many files, git's answers fill the pipe before it has read every request.
            var feeder = new Thread(() -> {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // git ended early; its exit code says so.
                }
            }, "git-input");
            feeder.setDaemon(true);
            feeder.start();
            var output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + String.join(" ", args) + " did not finish within 60 seconds");
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
    }
}
