package dev.iapcloudrun;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code access} reads each stack's audience from its stack file and names the commit its page was made from. */
class AccessCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        // A passphrase-provider ciphertext: the OAuth client's secret, which no report may show.
        Files.writeString(root.resolve("Pulumi.demo.yaml"), "encryptionsalt: v1:c2FsdHNhbHQ=:v1:AAAAAAAAAAAAAAAA:AAAA\n"
                + "config:\n  gcp:project: acme-demo\n  gcp:region: europe-west1\n"
                + "  iap-cloudrun:iapOauthClientSecret:\n    secure: v1:c2FsdHNhbHRzYWx0:Y2lwaGVydGV4dGNpcGhlcnRleHQ=\n");
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/demo.yaml"), """
                iap:
                  audience: external
                  oauthClient:
                    clientId: 123-abc.apps.googleusercontent.com
                    clientSecretConfig: iapOauthClientSecret
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello@sha256:4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d
                    accessors:
                      mode: additive
                      members: [user:ada@example.com]
                """);
    }

    private int run(String... args) {
        return Main.run(List.of(args), root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String git(String... args) throws Exception {
        var command = new ArrayList<>(List.of("git", "-C", root.toString(), "-c", "user.name=ci", "-c", "user.email=ci@example.com"));
        command.addAll(List.of(args));
        var finished = Processes.run(new ProcessBuilder(command), Duration.ofMinutes(1));
        assertThat(finished.exitCode()).as(finished.describe()).isZero();
        return finished.stdout().strip();
    }

    @Test
    void showsTheAudienceTheStackFileDeclaresWithTheClientIdOnly() {
        assertThat(run("access")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audience `external`: users outside the organization sign in too, "
                + "through OAuth client 123-abc.apps.googleusercontent.com (for every service of the project).")
                .doesNotContain("Y2lwaGVydGV4dGNpcGhlcnRleHQ").doesNotContain("[secret");
    }

    @Test
    void htmlSaysWhenTheProjectIsNotInAGitRepository() throws IOException {
        assertThat(run("access", "--format", "html", "--out", "access.html")).isZero();

        assertThat(Jsoup.parse(Files.readString(root.resolve("access.html"))).selectFirst("p.provenance").text())
                .isEqualTo("Made from a folder that is not in a git repository: no commit to name.");
    }

    @Test
    void htmlNamesTheCommitOfHeadAndItsDate() throws Exception {
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "stacks");

        assertThat(run("access", "--format", "html")).isZero();

        assertThat(Jsoup.parse(out.toString(StandardCharsets.UTF_8)).selectFirst("p.provenance").text()).isEqualTo("Made from commit "
                + git("rev-parse", "HEAD") + " (committed " + git("show", "-s", "--format=%cI", "HEAD") + ").");
    }
}
