package dev.iapcloudrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code diff --base REF} without {@code --stack}: every stack of the base or the head in one process, as the pull-request
 * check runs it. The project sits in a folder of its repository, as in a monorepo.
 */
class DiffEveryStackTest {

    private static final String STACK = """
            services:
              - name: portal
                image: us-docker.pkg.dev/cloudrun/container/hello
                accessors:
                  mode: authoritative
                  members: [user:ada@example.com]
            """;

    @TempDir
    Path repo;

    private Path root;
    private String base;
    private final Console console = new Console();

    /** At the base: changed, same and gone. In the head: changed has one accessor more, gone is removed, added is new. */
    @BeforeEach
    void history() throws Exception {
        root = Files.createDirectories(repo.resolve("infra"));
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.createDirectories(root.resolve("stacks"));
        for (var stack : List.of("changed", "same", "gone")) {
            addStack(stack);
        }
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "base");
        base = git("rev-parse", "HEAD").strip();
        Files.writeString(root.resolve("stacks/changed.yaml"), STACK.replace("[user:ada@example.com]", "[user:ada@example.com, user:bob@example.com]"));
        Files.delete(root.resolve("stacks/gone.yaml"));
        Files.delete(root.resolve("Pulumi.gone.yaml"));
        addStack("added");
    }

    private void addStack(String stack) throws IOException {
        Files.writeString(root.resolve("Pulumi." + stack + ".yaml"), "config:\n  gcp:project: acme-" + stack + "\n  gcp:region: europe-west1\n");
        Files.writeString(root.resolve("stacks/" + stack + ".yaml"), STACK);
    }

    @Test
    void writesOneMarkdownCommentPerStackOfTheBaseOrTheHeadEachAsTheOneStackCommandPrintsIt() throws Exception {
        assertThat(run("diff", "--base", base, "--format", "markdown", "--out-dir", "diffs", "--exit-code")).as(stderr()).isEqualTo(1);

        assertThat(console.stdout()).isEmpty();
        try (var files = Files.list(root.resolve("diffs"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("added.md", "changed.md", "gone.md", "same.md");
        }
        assertThat(stderr().lines()).containsExactly("wrote diffs/added.md", "wrote diffs/changed.md", "wrote diffs/same.md", "wrote diffs/gone.md");
        for (var stack : List.of("added", "changed", "gone", "same")) {
            console.reset();
            assertThat(run("diff", "--stack", stack, "--base", base, "--format", "markdown")).isZero();
            assertThat(Files.readString(root.resolve("diffs/" + stack + ".md"))).as(stack)
                    .startsWith("<!-- iap-cloudrun:diff stack=" + stack + " -->\n")
                    .isEqualTo(console.stdout());
        }
        assertThat(Files.readString(root.resolve("diffs/changed.md"))).contains("**access-granted**: user:bob@example.com gains");
        assertThat(Files.readString(root.resolve("diffs/gone.md"))).contains("**access-revoked**").contains(", 0 to update, 0 to replace, ");
        assertThat(Files.readString(root.resolve("diffs/added.md"))).contains(" to add, 0 to update, 0 to replace, 0 to delete**");
        assertThat(Files.readString(root.resolve("diffs/same.md"))).contains("**no changes**");
    }

    @Test
    void printsEveryStackOneAfterTheOtherAndJsonAsAnArrayOfTheOneStackDocuments() throws Exception {
        assertThat(run("diff", "--base", base)).isZero();
        assertThat(console.stdout().lines().filter(line -> line.startsWith("Stack ")))
                .satisfiesExactly(
                        line -> assertThat(line).matches("Stack added: [1-9][0-9]* to add, 0 to update, 0 to replace, 0 to delete\\."),
                        line -> assertThat(line).isEqualTo("Stack changed: 0 to add, 1 to update, 0 to replace, 0 to delete."),
                        line -> assertThat(line).isEqualTo("Stack same: no changes."),
                        line -> assertThat(line).matches("Stack gone: 0 to add, 0 to update, 0 to replace, [1-9][0-9]* to delete\\."));

        console.reset();
        assertThat(run("diff", "--base", base, "--format", "json")).isZero();
        var array = new ObjectMapper().readTree(console.stdout());
        assertThat(array.isArray()).isTrue();
        var stacks = new ArrayList<String>();
        for (var element : array) {
            stacks.add(element.path("stack").asText());
            console.reset();
            assertThat(run("diff", "--stack", element.path("stack").asText(), "--base", base, "--format", "json")).isZero();
            assertThat(element).isEqualTo(new ObjectMapper().readTree(console.stdout()));
        }
        assertThat(stacks).containsExactly("added", "changed", "same", "gone");
    }

    @Test
    void exitCodeIsZeroWhenNoStackChanges() throws Exception {
        git("add", "-A", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "head");

        assertThat(run("diff", "--base", "HEAD", "--exit-code", "--format", "markdown", "--out-dir", "diffs")).isZero();
        assertThat(root.resolve("diffs/gone.md")).doesNotExist();
        assertThat(Files.readString(root.resolve("diffs/changed.md"))).contains("**no changes**");
    }

    @Test
    void reportsEveryBadStackAtOnceAndWritesNothing() throws Exception {
        Files.writeString(root.resolve("stacks/changed.yaml"), STACK.replace("portal", "Portal"));
        Files.writeString(root.resolve("stacks/added.yaml"), STACK.replace("user:ada", "usr:ada"));

        assertThat(run("diff", "--base", base, "--format", "markdown", "--out-dir", "diffs")).isEqualTo(2);

        assertThat(stderr()).contains("stacks/added.yaml:6:").contains("stacks/changed.yaml:2:").doesNotContain("\tat ");
        assertThat(root.resolve("diffs")).doesNotExist();
    }

    @Test
    void anUnwritableOutDirNamesTheOptionTheFolderAskedForAndTheReason() throws Exception {
        assertThat(run("diff", "--base", base, "--out-dir", "/proc/x")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("--out-dir /proc/x: cannot create the folder /proc/x: no such file or folder\n");

        console.reset();
        Files.createDirectories(root.resolve("diffs/changed.md"));
        assertThat(run("diff", "--base", base, "--format", "markdown", "--out-dir", "diffs")).isEqualTo(2);
        assertThat(stderr()).endsWith("--out-dir diffs: changed.md in it is a folder\n");
        try (var files = Files.list(root.resolve("diffs"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing written").containsExactly("changed.md");
        }
    }

    @Test
    void aProjectWithNoStackOnEitherSideIsAnErrorNotAnEmptyCheck() throws Exception {
        Files.createDirectories(repo.resolve("empty"));
        Files.writeString(repo.resolve("empty/Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        root = repo.resolve("empty");

        assertThat(run("diff", "--base", base, "--out-dir", "diffs")).isEqualTo(2);

        assertThat(stderr()).isEqualTo("diff --base " + base + ": there is no stack in " + root + " or at " + base
                + "; a stack is stacks/STACK.yaml with Pulumi.STACK.yaml beside Pulumi.yaml\n");
        assertThat(root.resolve("diffs")).doesNotExist();
    }

    @Test
    void refusesOutTogetherWithOutDir() {
        assertThat(run("diff", "--base", base, "--out", "all.md", "--out-dir", "diffs")).isEqualTo(2);
        assertThat(stderr()).startsWith("diff writes one file (--out FILE) or one file per stack (--out-dir DIR), not both\n");
    }

    private int run(String... args) {
        return console.run(root, args);
    }

    private String stderr() {
        return console.stderr();
    }

    private String git(String... args) throws Exception {
        return Processes.git(repo, args);
    }
}
