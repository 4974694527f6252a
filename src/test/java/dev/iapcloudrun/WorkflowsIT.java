package dev.iapcloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.iapcloudrun.bench.Bench;
import dev.iapcloudrun.review.DiffFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull-request workflows: the offline one's shell step is run here against a real git history. */
class WorkflowsIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path repo;

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(Path.of(".github/workflows", name).toFile());
    }

    private static JsonNode step(JsonNode job, String name) {
        return StreamSupport.stream(job.path("steps").spliterator(), false)
                .filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theOfflineWorkflowWritesOneMarkedDiffPerStackIncludingStacksAddedAndRemovedInOneProcess() throws Exception {
        var diff = workflow("preview.yml").path("jobs").path("diff");
        var script = step(diff, "Diff every stack against the base").path("run").asText();
        // One JVM for every stack, started as the bench times it.
        assertThat(script.lines().toList()).containsExactly("java " + String.join(" ", Bench.WORKFLOW_JVM_OPTIONS)
                + " -jar target/iap-cloudrun.jar diff --base \"${{ github.event.pull_request.base.sha }}\" --format markdown --out-dir diffs");

        Files.writeString(repo.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.createDirectories(repo.resolve("stacks"));
        for (var stack : List.of("dev", "old")) {
            // No gcp:project: the copied stack file names its own project, which a gcp:project would have to equal.
            Files.writeString(repo.resolve("Pulumi." + stack + ".yaml"), "config:\n  gcp:region: europe-west1\n");
            Files.copy(Path.of("stacks/dev.yaml"), repo.resolve("stacks/" + stack + ".yaml"));
        }
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "base");
        var base = git("rev-parse", "HEAD").strip();
        // The pull request: one accessor more in dev, the old stack removed, a new stack added.
        var dev = repo.resolve("stacks/dev.yaml");
        Files.writeString(dev, Files.readString(dev).replace("        - group:portal-admins@acme.example",
                "        - group:portal-admins@acme.example\n        - user:new.admin@acme.example"));
        Files.move(repo.resolve("stacks/old.yaml"), repo.resolve("stacks/new.yaml"));
        Files.move(repo.resolve("Pulumi.old.yaml"), repo.resolve("Pulumi.new.yaml"));
        Files.createDirectories(repo.resolve("target"));
        Files.createSymbolicLink(repo.resolve("target/iap-cloudrun.jar"), Path.of("target/iap-cloudrun.jar").toAbsolutePath());

        var validate = step(diff, "Validate every stack").path("run").asText()
                .replace("${{ github.event.pull_request.base.sha }}", base);
        assertThat(validate).as("problems show on the pull request's lines").contains("validate --format github");
        assertThat(bash(validate, Map.of())).contains("::notice title=iap-cloudrun validate::validated 2 stacks: 0 with errors");

        var result = bash(script.replace("${{ github.event.pull_request.base.sha }}", base), Map.of());

        assertThat(result).as("the step's output").isEmpty();
        try (var files = Files.list(repo.resolve("diffs"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("dev.md", "new.md", "old.md");
        }
        assertThat(Files.readString(repo.resolve("diffs/dev.md"))).startsWith(DiffFormat.marker("dev") + "\n")
                .contains("**1 to add, 0 to update, 0 to replace, 0 to delete**")
                .contains("**access-granted**: user:new.admin@acme.example gains roles/iap.httpsResourceAccessor on admin-console");
        assertThat(Files.readString(repo.resolve("diffs/new.md"))).startsWith(DiffFormat.marker("new")).contains("to add, 0 to update");
        assertThat(Files.readString(repo.resolve("diffs/old.md"))).startsWith(DiffFormat.marker("old")).contains("0 to add, 0 to update, 0 to replace,")
                .contains("**access-revoked**");
        for (var stack : List.of("dev", "new", "old")) {
            var alone = bash("java -jar target/iap-cloudrun.jar diff --stack " + stack + " --base " + base + " --format markdown", Map.of());
            assertThat(Files.readString(repo.resolve("diffs/" + stack + ".md"))).as(stack).isEqualTo(alone);
        }
    }

    @Test
    void theOfflineWorkflowNeedsNoCloudCredentials() throws IOException {
        var preview = workflow("preview.yml");
        assertThat(preview.path("permissions").toString()).isEqualTo("{\"contents\":\"read\",\"pull-requests\":\"write\"}");
        assertThat(preview.toString()).doesNotContain("secrets.", "id-token", "google-github-actions");
        var comment = step(preview.path("jobs").path("diff"), "Post or update one comment per stack");
        assertThat(comment.path("with").path("script").asText()).contains("startsWith(marker)", "updateComment", "createComment");
    }

    @Test
    void theCredentialedWorkflowPreviewsEveryStackThroughWorkloadIdentityFederation() throws IOException {
        var preview = workflow("pulumi-preview.yml");
        assertThat(preview.path("permissions").path("id-token").asText()).isEqualTo("write");
        var steps = preview.path("jobs").path("preview").path("steps");
        var auth = uses(steps, "google-github-actions/auth");
        assertThat(auth.path("with").has("workload_identity_provider")).isTrue();
        assertThat(auth.path("with").has("credentials_json")).as("no service-account key").isFalse();
        var pulumi = uses(steps, "pulumi/actions");
        assertThat(pulumi.path("with").path("command").asText()).isEqualTo("preview");
        assertThat(pulumi.path("with").path("comment-on-pr").asBoolean()).isTrue();
        assertThat(pulumi.path("with").path("diff").asBoolean()).isTrue();
    }

    @Test
    void theCredentialedWorkflowGetsAShortLivedTeamTokenInsteadOfALongLivedSecret() throws IOException {
        var preview = workflow("pulumi-preview.yml");
        assertThat(preview.toString()).doesNotContain("PULUMI_ACCESS_TOKEN").doesNotContain("secrets.PULUMI");
        var steps = preview.path("jobs").path("preview").path("steps");
        var exchange = uses(steps, "pulumi/auth-actions");
        assertThat(exchange.path("with").path("organization").asText()).isEqualTo("${{ vars.PULUMI_ORG }}");
        assertThat(exchange.path("with").path("requested-token-type").asText()).isEqualTo("urn:pulumi:token-type:access_token:team");
        assertThat(exchange.path("with").path("scope").asText()).isEqualTo("team:${{ vars.PULUMI_PREVIEW_TEAM }}");
        assertThat(exchange.path("with").path("token-expiration").asInt())
                .isLessThanOrEqualTo(preview.path("jobs").path("preview").path("timeout-minutes").asInt() * 60);
        var order = new ArrayList<String>();
        steps.forEach(s -> order.add(s.path("uses").asText().replaceAll("@.*", "")));
        assertThat(order.indexOf("pulumi/auth-actions")).as("the token exists before the preview").isLessThan(order.indexOf("pulumi/actions"));
    }

    @Test
    void theCredentialedWorkflowPinsEveryActionByCommitWithItsVersionInAComment() throws IOException {
        var lines = Files.readAllLines(Path.of(".github/workflows/pulumi-preview.yml")).stream()
                .filter(l -> l.strip().startsWith("- uses:") || l.strip().startsWith("uses:")).toList();

        assertThat(lines).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(l -> assertThat(l).matches("\\s*-? ?uses: [\\w.-]+/[\\w.-]+@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+")
                        .doesNotContain("@0000000000"));
        var checkouts = StreamSupport.stream(workflow("pulumi-preview.yml").path("jobs").spliterator(), false)
                .flatMap(job -> StreamSupport.stream(job.path("steps").spliterator(), false))
                .filter(s -> s.path("uses").asText().startsWith("actions/checkout@")).toList();
        assertThat(checkouts).isNotEmpty().allSatisfy(s -> assertThat(s.path("with").path("persist-credentials").asBoolean(true))
                .as("the pull request's code cannot reuse the checkout token").isFalse());
    }

    @Test
    void theCredentialedWorkflowPreviewsOnlyTheStacksTheTeamHoldsWhenTheyAreNamed() throws Exception {
        var list = step(workflow("pulumi-preview.yml").path("jobs").path("stacks"), "List the stacks to preview").path("run").asText();
        Files.createDirectories(repo.resolve("stacks"));
        for (var stack : List.of("dev", "staging", "prod")) {
            Files.writeString(repo.resolve("stacks/" + stack + ".yaml"), "");
        }
        var output = repo.resolve("github-output");

        bash(list, Map.of("GITHUB_OUTPUT", output.toString(), "ONLY", ""));
        bash(list, Map.of("GITHUB_OUTPUT", output.toString(), "ONLY", "dev staging qa"));

        assertThat(Files.readAllLines(output)).containsExactly("stacks=[\"dev\",\"prod\",\"staging\"]", "stacks=[\"dev\",\"staging\"]");
    }

    private static JsonNode uses(JsonNode steps, String action) {
        return StreamSupport.stream(steps.spliterator(), false).filter(s -> s.path("uses").asText().startsWith(action + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private String bash(String script, Map<String, String> env) throws Exception {
        var builder = new ProcessBuilder("bash", "-c", script).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("PULUMI_MONITOR");
        var finished = Processes.run(builder, Duration.ofMinutes(3));
        assertThat(finished.exitCode()).as(finished.describe()).isZero();
        return finished.stdout().lines().filter(l -> !l.startsWith("wrote ")).reduce("", (a, b) -> a + b + "\n");
    }

    private String git(String... args) throws Exception {
        return Processes.git(repo, args);
    }
}
