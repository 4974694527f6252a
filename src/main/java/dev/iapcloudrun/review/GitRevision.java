package dev.iapcloudrun.review;

import dev.iapcloudrun.spec.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").orElseThrow(() ->
                new InputException("--base " + ref + ": not a git revision of " + root.toAbsolutePath().normalize()
                        + "; expected a branch, tag or commit (for a pull request, fetch the base branch first)"));
        var files = List.of("Pulumi.yaml", "Pulumi." + stack + ".yaml", "stacks/" + stack + ".yaml");
        boolean complete = true;
        for (var file : files) {
            var text = git(root, "show", ref + ":./" + file);
            if (text.isPresent()) {
                var copy = target.resolve(file);
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, text.get(), StandardCharsets.UTF_8);
            } else {
                complete = false;
            }
        }
        return complete;
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
        var command = new ArrayList<>(List.of("git", "-C", root.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("--base needs git, which could not be started: " + e.getMessage(), e);
        }
        try {
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
