package dev.iapcloudrun;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code new-stack}: a new environment's two files, valid as written, never over an existing file, never a secret. */
class NewStackTest {

    /** A Pulumi Cloud ciphertext's shape (base64), as pulumi config set --secret would store it. */
    private static final String CIPHERTEXT = "AAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w";

    @TempDir
    Path root;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void project() throws IOException {
        StackChecks.copyProject(Path.of(""), root, "qa");
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return Main.run(List.of(args), root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String read(String file) throws IOException {
        return Files.readString(root.resolve(file));
    }

    @Test
    void writesAStackWithTheSchemaHeaderAndItsConfigThatValidateAndSynthAccept() throws IOException {
        assertThat(run("new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west1")).as(stderr()).isZero();

        assertThat(stdout()).startsWith("wrote stacks/qa.yaml and Pulumi.qa.yaml\n").contains("pulumi stack init qa")
                .contains("./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true");
        assertThat(read("stacks/qa.yaml")).startsWith("# yaml-language-server: $schema=./stack-file.schema.json\n")
                .contains("project: acme-portal-qa\n").contains("region: europe-west1\n");
        assertThat(read("Pulumi.qa.yaml")).isEqualTo("config:\n  gcp:project: acme-portal-qa\n  gcp:region: europe-west1\n");
        assertThat(run("validate", "--stack", "qa")).as(stdout()).isZero();
        assertThat(run("synth", "--stack", "qa")).as(stderr()).isZero();
        assertThat(StackChecks.problems(root, "qa")).isEmpty();
    }

    @Test
    void copiesTheServicesOfAnotherStackMovedToTheNewProject() throws IOException {
        assertThat(run("new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west4", "--from", "dev")).as(stderr()).isZero();

        var copy = read("stacks/qa.yaml");
        assertThat(copy).startsWith("# yaml-language-server: $schema=./stack-file.schema.json\n")
                .contains("project: acme-portal-qa\n", "region: europe-west4\n", "  env: qa\n", "- name: orders-api", "- name: admin-console",
                        "serviceAccount:billing-worker@acme-portal-qa.iam.gserviceaccount.com")
                .as("the number names dev's project").doesNotContain("projectNumber")
                .as("nothing of dev's project is left").doesNotContain("acme-portal-dev").doesNotContain("env: dev");
        assertThat(run("validate", "--stack", "qa")).as(stdout()).isZero();
        assertThat(run("synth", "--stack", "qa")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"project\": \"acme-portal-qa\"").doesNotContain("acme-portal-dev");
    }

    @Test
    void writesNoSecretAndSaysHowToStoreOneWhenTheCopiedStackHasAnOAuthClient() throws IOException {
        assertThat(run("new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west1", "--from", "prod")).as(stderr()).isZero();

        assertThat(stdout()).contains("pulumi config set --secret iapOauthClientSecret <client secret> --stack qa");
        assertThat(read("Pulumi.qa.yaml")).doesNotContain("secure").doesNotContain("iapOauthClientSecret");
        assertThat(run("validate", "--stack", "qa")).isEqualTo(2);
        assertThat(stdout()).contains("validated 1 stack: 1 with errors").contains("has no iap-cloudrun:iapOauthClientSecret");

        Files.writeString(root.resolve("Pulumi.qa.yaml"), read("Pulumi.qa.yaml")
                + "  iap-cloudrun:iapOauthClientSecret:\n    secure: " + CIPHERTEXT + "\n");
        assertThat(run("validate", "--stack", "qa")).as(stdout()).isZero();
        assertThat(run("synth", "--stack", "qa")).as(stderr()).isZero();
    }

    @Test
    void refusesToOverwriteEitherFileAndWritesNothing() throws IOException {
        Files.writeString(root.resolve("Pulumi.qa.yaml"), "config:\n  gcp:project: acme-portal-qa-old\n");

        assertThat(run("new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west1")).isEqualTo(2);

        assertThat(stderr()).isEqualTo("new-stack qa: 1 problem, nothing written:\n  Pulumi.qa.yaml already exists; new-stack never "
                + "overwrites a file: choose another name, or edit the stack that is there\n");
        assertThat(root.resolve("stacks/qa.yaml")).doesNotExist();
        assertThat(read("Pulumi.qa.yaml")).isEqualTo("config:\n  gcp:project: acme-portal-qa-old\n");

        assertThat(run("new-stack", "dev", "--project", "acme-portal-qa", "--region", "europe-west1")).isEqualTo(2);
        assertThat(stderr()).contains("stacks/dev.yaml already exists").contains("Pulumi.dev.yaml already exists");
    }

    @Test
    void refusesABadNameProjectAndRegionAtOnceNamingEachOption() throws IOException {
        assertThat(run("new-stack", "QA", "--project", "Acme", "--region", "europe_west1", "--from", "nosuch")).isEqualTo(2);

        assertThat(stderr().lines()).containsExactly(
                "new-stack QA: 4 problems, nothing written:",
                "  stack name \"QA\": expected 1 to 63 lower-case letters, digits or hyphens, starting with a letter (the name is "
                        + "part of the stack's file names and URNs, and its env label)",
                "  --from nosuch: there is no stack 'nosuch' (with stacks/nosuch.yaml and Pulumi.nosuch.yaml); the stacks here are "
                        + String.join(", ", StackChecks.stacks(root)),
                "  --project Acme: found \"Acme\"; expected a project id: 6 to 30 lower-case letters, digits or hyphens, starting with a letter",
                "  --region europe_west1: found \"europe_west1\"; did you mean 'europe-west1'? expected a Cloud Run region such as europe-west1");
        try (var files = Files.list(root)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.toLowerCase().contains("qa"));
        }
        assertThat(root.resolve("stacks/QA.yaml")).doesNotExist();
    }

    @Test
    void refusesToCopyAStackIntoItsOwnProject() {
        assertThat(run("new-stack", "qa", "--project", "acme-portal-dev", "--region", "europe-west1", "--from", "dev")).isEqualTo(2);

        assertThat(stderr()).contains("--project acme-portal-dev: the project of stack 'dev'; two stacks would manage the same services");
        assertThat(root.resolve("stacks/qa.yaml")).doesNotExist();
        assertThat(root.resolve("Pulumi.qa.yaml")).doesNotExist();
    }

    @Test
    void needsAProjectAndARegion() {
        assertThat(run("new-stack", "qa")).isEqualTo(2);

        assertThat(stderr()).contains("Missing required options: '--project=PROJECT_ID', '--region=REGION'");
        assertThat(root.resolve("stacks/qa.yaml")).doesNotExist();
    }
}
