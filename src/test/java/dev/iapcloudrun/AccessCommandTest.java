package dev.iapcloudrun;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code access} reads each stack's audience from its stack file and names the commit its page was made from. */
class AccessCommandTest {

    @TempDir
    Path root;

    private final Console console = new Console();

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
        return console.run(root, args);
    }

    private String git(String... args) throws Exception {
        return Processes.git(root, Processes.committer(args)).strip();
    }

    @Test
    void showsTheAudienceTheStackFileDeclaresWithTheClientIdOnly() {
        assertThat(run("access")).as(console.stderr()).isZero();

        assertThat(console.stdout()).contains("Audience `external`: users outside the organization sign in too, "
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

        assertThat(Jsoup.parse(console.stdout()).selectFirst("p.provenance").text()).isEqualTo("Made from commit "
                + git("rev-parse", "HEAD") + " (committed " + git("show", "-s", "--format=%cI", "HEAD") + ").");
    }
}
