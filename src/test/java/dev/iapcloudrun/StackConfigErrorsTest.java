package dev.iapcloudrun;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stack's config ({@code Pulumi.<stack>.yaml}) is reported like its stack file: located, together, under its own heading. */
class StackConfigErrorsTest {

    private static final String STACK = """
            services:
              - name: hello
                image: us-docker.pkg.dev/cloudrun/container/hello
                accessors:
                  mode: additive
                  members: [user:ada@example.com]
            """;

    @TempDir
    Path root;

    private final Console console = new Console();

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.createDirectories(root.resolve("stacks"));
        for (var stack : List.of("dev", "prod")) {
            Files.writeString(root.resolve("Pulumi." + stack + ".yaml"), "config:\n  gcp:project: acme-" + stack + "\n  gcp:region: europe-west1\n");
            Files.writeString(root.resolve("stacks/" + stack + ".yaml"), STACK);
        }
    }

    private int run(String... args) {
        return console.run(root, args);
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    @Test
    void aBrokenConfigFileFailsItsStackOnlyAndValidateStillChecksEveryStackAndPrintsTheSummary() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: acme-dev\n   gcp:region: europe-west1\n");

        assertThat(run("validate")).isEqualTo(2);

        assertThat(stdout()).startsWith("Pulumi.dev.yaml: 1 problem in the stack's config:\n  Pulumi.dev.yaml:3:14: not valid YAML: ")
                .containsSubsequence("\nstacks/prod.yaml: ok", "\nvalidated 2 stacks: 1 with errors, 1 warning\n")
                .as("a config that cannot be read says nothing of the project and region it may hold").doesNotContain("stacks/dev.yaml");
    }

    @Test
    void aStackWithErrorsInBothFilesListsEachUnderItsOwnFilesHeadingAndPrintsItsWarnings() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: acme-dev\n  gcp:region: europe-west1\n"
                + "  iapOauthClientSecret:\n    secure: GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz12\n");
        Files.writeString(root.resolve("stacks/dev.yaml"), STACK.replace("hello\n    image", "hello\n    port: 0\n    image"));

        assertThat(run("validate", "--stack", "dev")).isEqualTo(2);

        assertThat(stdout()).isEqualTo("""
                stacks/dev.yaml: 1 problem in the stack file:
                  stacks/dev.yaml:3:11: services[0].port: found the number 0; expected a whole number from 1 to 65535
                Pulumi.dev.yaml: 1 problem in the stack's config:
                  Pulumi.dev.yaml:5:13: config.iap-cloudrun:iapOauthClientSecret.secure: %s
                validated 1 stack: 1 with errors, 0 warnings
                """.formatted(messageOf("Pulumi.dev.yaml:5:13")));
        assertThat(stdout()).doesNotContain("GOCSPX");
    }

    @Test
    void validatePrintsTheWarningsOfAStackWithErrorsThatTheSummaryCounts() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: acme-dev\n  gcp:region: europe-west1\n"
                + "  iapOauthClientSecret:\n    secure: hunter2\n");

        assertThat(run("validate", "--stack", "dev")).isEqualTo(2);

        assertThat(stdout()).containsSubsequence("Pulumi.dev.yaml: 1 problem in the stack's config:\n",
                "stacks/dev.yaml: 1 warning in the stack file:\n  stacks/dev.yaml:3:12: services[0].image: ", "[image-not-pinned]",
                "\nvalidated 1 stack: 1 with errors, 1 warning\n");
    }

    @Test
    void synthReportsConfigErrorsTogetherWithTheStackFilesUnderEachFilesHeading() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: acme-dev\n  gcp:region: [europe-west1\n");
        Files.writeString(root.resolve("stacks/dev.yaml"), STACK.replace("additive", "additve"));

        assertThat(run("synth", "--stack", "dev")).isEqualTo(2);

        assertThat(stderr()).containsSubsequence("1 problem in the stack file:\n  stacks/dev.yaml:5:13: services[0].accessors.mode: ",
                "1 problem in the stack's config:\n  Pulumi.dev.yaml:4:", "not valid YAML");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMisspeltGcpKeyGetsADidYouMeanAtItsLine() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:projet: acme-dev\n  gcp:region: europe-west1\n");

        assertThat(run("validate", "--stack", "dev")).isEqualTo(2);
        assertThat(run("synth", "--stack", "dev")).isEqualTo(2);

        var expected = "Pulumi.dev.yaml:2:3: config.gcp:projet: the config key 'gcp:projet' is read by nothing; did you mean "
                + "'gcp:project'? expected gcp:project, which the stack reads and the config lacks";
        assertThat(stdout()).contains("stacks/dev.yaml: 1 problem in the stack file:\n  stacks/dev.yaml:1:1: no project: set 'project' "
                + "in the stack file or the gcp:project config of the stack\n", "Pulumi.dev.yaml: 1 problem in the stack's config:\n  " + expected);
        assertThat(stderr()).contains(expected);
    }

    @Test
    void aMisspeltGcpKeyIsAnErrorEvenWhenTheStackFileNamesTheProject() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:regoin: europe-west1\n  gcp:project: acme-dev\n");

        assertThat(run("synth", "--stack", "dev")).isEqualTo(2);

        assertThat(stderr()).contains("Pulumi.dev.yaml:2:3: config.gcp:regoin: the config key 'gcp:regoin' is read by nothing; "
                + "did you mean 'gcp:region'?");
        assertThat(stdout()).as("no plan is printed for a refused stack").isEmpty();
    }

    @Test
    void aMissingClientSecretKeySuggestsTheClosestKeyTheConfigHasAndStandsThere() throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: acme-dev\n  gcp:region: europe-west1\n"
                + "  iapOauthClientSecre:\n    secure: AAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w\n");
        Files.writeString(root.resolve("stacks/dev.yaml"), """
                iap:
                  audience: external
                  oauthClient:
                    clientId: 123-abc.apps.googleusercontent.com
                    clientSecretConfig: iapOauthClientSecret
                """ + STACK);

        assertThat(run("validate", "--stack", "dev")).isEqualTo(2);

        assertThat(stdout()).contains("Pulumi.dev.yaml: 1 problem in the stack's config:\n  Pulumi.dev.yaml:4:3: "
                + "config.iap-cloudrun:iapOauthClientSecret: the config of stack 'dev' has no iap-cloudrun:iapOauthClientSecret",
                "; or did you mean 'iap-cloudrun:iapOauthClientSecre', which the config has? then correct whichever of the two keys "
                        + "is misspelt\n");
    }

    /** The message of the problem at {@code location}, as the validator words it. */
    private String messageOf(String location) {
        return stdout().lines().filter(l -> l.startsWith("  " + location)).findFirst().orElseThrow()
                .replaceFirst("^.*?\\.secure: ", "");
    }
}
