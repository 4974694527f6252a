package dev.iapcloudrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.synth.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar, run as a separate process the way the README and the Pulumi CLI run it. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/iap-cloudrun.jar").toAbsolutePath();

    static Processes.Finished java(Path workingDir, String... args) throws IOException, InterruptedException {
        return java(Duration.ofMinutes(2), workingDir, args);
    }

    /** The bench starts two dozen processes, most of them for the pull-request check: it gets more time on a busy machine. */
    static Processes.Finished bench(Path workingDir, String... args) throws IOException, InterruptedException {
        return java(Duration.ofMinutes(5), workingDir, args);
    }

    private static Processes.Finished java(Duration deadline, Path workingDir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workingDir.toAbsolutePath().toFile());
        builder.environment().remove("PULUMI_MONITOR");
        return Processes.run(builder, deadline);
    }

    @Test
    void pluginDiscoveryReportsOnlyGcp9370() throws Exception {
        var result = java(Path.of(""), "-cp", JAR.toString(), "com.pulumi.bootstrap.internal.Main", "packages");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        var plugins = new ObjectMapper().readTree(result.stdout());
        var gcp = new ArrayList<String>();
        plugins.forEach(p -> {
            if (p.path("name").asText().equals("gcp")) {
                gcp.add(p.path("version").asText());
            }
        });
        assertThat(gcp).containsExactly(GcpProvider.VERSION);
    }

    @Test
    void benchTimesSynthOfTheDevStackAgainstTheSdkStartingAndThePullRequestCheckAsWholeProcesses() throws Exception {
        var result = bench(Path.of(""), "-jar", JAR.toString(), "bench", "--sizes", "2", "--runs", "1", "--warmups", "0",
                "--startup-runs", "1", "--no-maven");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout().lines())
                .anyMatch(line -> line.matches("start-up \\(median of 1 processes\\): synth --stack dev [0-9]+ ms, "
                        + "SDK start only [0-9]+ ms, ratio [0-9]+\\.[0-9]{2}"))
                .anyMatch(line -> line.matches("pull-request check of 20 stacks of 2 services \\(java -XX:TieredStopAtLevel=1\\): "
                        + "one process [0-9]+ ms, 20 processes [0-9]+ ms, one stack [0-9]+ ms, ratio [0-9]+\\.[0-9]{2}"))
                .contains("pulumi up start-up through Maven: skipped");
    }

    @Test
    void benchSkipsTheMavenRowWithTheReasonWhenMavenCannotRunTheProgram(@TempDir Path project) throws Exception {
        for (var file : List.of("Pulumi.yaml", "Pulumi.dev.yaml", "stacks/dev.yaml")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.copy(Path.of(file), project.resolve(file));
        }
        // What Maven says on a fresh machine when it must work offline and has never downloaded exec-maven-plugin.
        var mvnw = project.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\necho \"[ERROR] Plugin org.codehaus.mojo:exec-maven-plugin:3.6.4 or one of its "
                + "dependencies could not be resolved: cannot access central in offline mode\" >&2\nexit 1\n");
        mvnw.toFile().setExecutable(true);

        var result = bench(project, "-jar", JAR.toString(), "bench", "--sizes", "2", "--runs", "1", "--warmups", "0",
                "--startup-runs", "1");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("pulumi up start-up through Maven: skipped, Maven could not run the program: ")
                .contains("exited with 1").contains("exec-maven-plugin:3.6.4 or one of its dependencies could not be resolved");
    }

    @Test
    void theCommandLineHelpsLikeTheToolsPeopleKnow(@TempDir Path elsewhere) throws Exception {
        var version = java(Path.of(""), "-jar", JAR.toString(), "--version");
        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.stdout()).contains("Pulumi Java SDK 1.36.1", "pulumi-gcp provider " + GcpProvider.VERSION);

        var help = java(Path.of(""), "-jar", JAR.toString(), "help", "validate");
        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.stdout()).startsWith("usage: iap-cloudrun validate").contains("--format=FORMAT");

        var typo = java(Path.of(""), "-jar", JAR.toString(), "valdate");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.stderr()).startsWith("unknown command 'valdate'; did you mean 'validate'?");

        var fromElsewhere = java(elsewhere, "-jar", JAR.toString(), "-C", Path.of("").toAbsolutePath().toString(),
                "validate", "--stack", "staging", "--format", "github");
        assertThat(fromElsewhere.exitCode()).as(fromElsewhere.describe()).isZero();
        // The stack's own warnings are not what this checks.
        assertThat(fromElsewhere.stdout()).containsPattern("::notice title=iap-cloudrun validate::validated 1 stack: 0 with errors, [0-9]+ warnings?\n$");

        var completion = java(Path.of(""), "-jar", JAR.toString(), "completion");
        assertThat(completion.exitCode()).as(completion.describe()).isZero();
        assertThat(completion.stdout()).contains("complete -F _complete_iap-cloudrun");
    }

    @Test
    void validateGivesStackFileHintsInPromotionOrder(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        for (var stack : List.of("qa", "uat")) {
            Files.writeString(project.resolve("Pulumi." + stack + ".yaml"),
                    "config:\n  gcp:project: acme-" + stack + "\n  gcp:region: europe-west1\n");
        }
        Files.writeString(project.resolve("promotion-order.yaml"), "order: [uat, qa]\n");
        Files.createDirectories(project.resolve("stacks"));
        var service = "services:\n  - name: hello\n    image: us-docker.pkg.dev/cloudrun/container/hello\n";
        Files.writeString(project.resolve("stacks/uat.yaml"), service + "    accessors:\n      mode: additive\n      members: [group:ops@example.com]\n");
        // condition one level too high, a misspelt mode, a prefix in the wrong case
        Files.writeString(project.resolve("stacks/qa.yaml"), service + "    condition:\n      title: t\n      expression: \"true\"\n"
                + "    accessors:\n      mode: additve\n      members: [Group:ops@example.com]\n");

        var result = java(project, "-jar", JAR.toString(), "validate");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stdout()).contains("'condition' belongs under 'accessors' (indent it below accessors:)",
                "found \"additve\"; did you mean 'additive'?", "did you mean 'group:'?");
        assertThat(result.stdout().indexOf("stacks/uat.yaml")).as("uat comes first in the promotion order")
                .isLessThan(result.stdout().indexOf("stacks/qa.yaml"));
    }

    @Test
    void synthOfTheDevStackPrintsThePlanOfTheInProcessProgram() throws Exception {
        var result = java(Path.of(""), "-jar", JAR.toString(), "synth", "--stack", "dev");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        var expected = PlanJson.write(TestPlans.bundled("dev").synth());
        assertThat(result.stdout()).isEqualTo(expected);
    }

    @Test
    void withoutArgumentsOrEngineExplainsHowToRunIt() throws Exception {
        var result = java(Path.of(""), "-jar", JAR.toString());
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("no Pulumi engine to talk to").contains("usage:").doesNotContain("\tat ");
    }

    @Test
    void badStackFileExitsWith2AndNoStackTrace(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.writeString(project.resolve("Pulumi.qa.yaml"), "config:\n  gcp:project: acme-qa\n  gcp:region: europe-west1\n");
        Files.createDirectories(project.resolve("stacks"));
        Files.writeString(project.resolve("stacks/qa.yaml"), "services:\n  - name: hello\n    image: x\n    invokers: [allUsers]\n",
                StandardCharsets.UTF_8);
        var result = java(project, "-jar", JAR.toString(), "synth", "--stack", "qa", "--out", "qa.json");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("stacks/qa.yaml:4:16: services[0].invokers[0]").doesNotContain("\tat ");
        assertThat(project.resolve("qa.json")).doesNotExist();
    }

    @Test
    void newStackWritesAnEnvironmentThatTheJarValidatesAndSynthesizes(@TempDir Path project) throws Exception {
        StackChecks.copyProject(Path.of(""), project, "qa");

        var created = java(project, "-jar", JAR.toString(), "new-stack", "qa", "--project", "acme-portal-qa", "--region",
                "europe-west1", "--from", "staging");
        assertThat(created.exitCode()).as(created.describe()).isZero();
        assertThat(created.stdout()).startsWith("wrote stacks/qa.yaml and Pulumi.qa.yaml\n");

        var validated = java(project, "-jar", JAR.toString(), "validate", "--stack", "qa");
        assertThat(validated.exitCode()).as(validated.describe()).isZero();
        var synth = java(project, "-jar", JAR.toString(), "synth", "--stack", "qa");
        assertThat(synth.exitCode()).as(synth.describe()).isZero();
        assertThat(synth.stdout()).contains("\"stack\": \"qa\"").doesNotContain("acme-portal-staging");

        var again = java(project, "-jar", JAR.toString(), "new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west1");
        assertThat(again.exitCode()).as(again.describe()).isEqualTo(2);
        assertThat(again.stderr()).startsWith("new-stack qa: 2 problems, nothing written:").doesNotContain("\tat ");
    }
}
