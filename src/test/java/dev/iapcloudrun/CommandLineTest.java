package dev.iapcloudrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line behaves like the tools people know: help, version, "did you mean", -C, completion, formats. */
class CommandLineTest {

    @TempDir
    Path root;

    private final Console console = new Console();

    @BeforeEach
    void project() throws IOException {
        var project = root.resolve("project");
        Files.createDirectories(project.resolve("stacks"));
        Files.writeString(project.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.writeString(project.resolve("Pulumi.demo.yaml"), "config:\n  gcp:project: acme-demo\n  gcp:region: europe-west1\n");
        Files.writeString(project.resolve("stacks/demo.yaml"), """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    ingres: all
                    accessors:
                      mode: additive
                      members: [user:ada@example.com]
                """);
    }

    private int run(String... args) {
        console.reset();
        return console.run(root, args);
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth", "diff", "validate", "access", "bench", "completion"})
    void everyCommandHasHelpWithBothFlagsAndThroughHelp(String command) {
        for (var args : List.of(List.of(command, "--help"), List.of(command, "-h"), List.of("help", command))) {
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isZero();
            assertThat(stdout()).as(args.toString()).contains("usage: iap-cloudrun " + command);
        }
    }

    @Test
    void helpAloneListsEveryCommand() {
        assertThat(run("help")).isZero();
        assertThat(stdout()).contains("synth", "diff", "validate", "access", "bench", "completion");
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("-C=DIR");
    }

    @Test
    void versionNamesTheProjectTheSdkAndThePinnedProvider() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).matches("iap-cloudrun [0-9][^\\n]*\\nPulumi Java SDK 1\\.36\\.1\\npulumi-gcp provider 9\\.37\\.0 \\(pinned\\)\\n");
    }

    @Test
    void aMistypedCommandSuggestsTheClosestOne() {
        assertThat(run("valdate")).isEqualTo(2);
        assertThat(stderr()).startsWith("unknown command 'valdate'; did you mean 'validate'?\nusage: iap-cloudrun");
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(stderr()).startsWith("unknown command 'deploy'\n");
    }

    @Test
    void aMistypedOptionSuggestsTheClosestOneEvenWhenItLeftARequiredOneMissing() {
        assertThat(run("synth", "--stak", "demo")).isEqualTo(2);
        assertThat(stderr()).startsWith("unknown option '--stak' for synth; did you mean '--stack'?\nusage: iap-cloudrun synth");
        assertThat(run("-C", "project", "validate", "--strictt")).isEqualTo(2);
        assertThat(stderr()).startsWith("unknown option '--strictt' for validate; did you mean '--strict'?");
    }

    @Test
    void dashCRunsAsIfStartedInTheFolder() throws IOException {
        assertThat(run("-C", "project", "validate")).isEqualTo(2);
        assertThat(stdout()).contains("stacks/demo.yaml: 1 problem in the stack file:").contains("ingres");
        assertThat(run("validate")).isEqualTo(2);
        assertThat(stderr()).startsWith("no Pulumi.yaml in ");

        Files.writeString(root.resolve("project/stacks/demo.yaml"),
                Files.readString(root.resolve("project/stacks/demo.yaml")).replace("ingres", "ingress"));
        assertThat(run("-C", "project", "synth", "--stack", "demo", "--out", "plan.json")).isZero();
        assertThat(root.resolve("project/plan.json")).exists();
    }

    @Test
    void validateAsGithubAnnotationsPointsAtTheFileLineAndColumn() {
        assertThat(run("-C", "project", "validate", "--format", "github")).isEqualTo(2);
        assertThat(stdout().lines().toList()).containsExactly(
                "::error file=stacks/demo.yaml,line=4,col=5,title=iap-cloudrun%3A services[0].ingres::unknown field 'ingres'; "
                        + "did you mean 'ingress'? expected one of accessors, adopt, args, binaryAuthorization, command, concurrency, customAudiences, deletionProtection, env, "
                        + "executionEnvironment, iap, image, ingress, invokers, livenessProbe, name, network, port, public, resources, runtimeRoles, scaling, secrets, "
                        + "serviceAccount, sessionAffinity, startupProbe, timeout, volumes",
                "::notice title=iap-cloudrun validate::validated 1 stack: 1 with errors, 0 warnings");
    }

    @Test
    void validateAsJsonListsEveryProblemWithItsPlace() throws IOException {
        assertThat(run("-C", "project", "validate", "--format", "json")).isEqualTo(2);
        var json = new ObjectMapper().readTree(stdout());
        assertThat(json.path("failed").asInt()).isEqualTo(1);
        var error = json.path("stacks").get(0).path("errors").get(0);
        assertThat(error.path("file").asText()).isEqualTo("stacks/demo.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(4);
        assertThat(error.path("column").asInt()).isEqualTo(5);
        assertThat(error.path("path").asText()).isEqualTo("services[0].ingres");
        assertThat(json.path("stacks").get(0).path("ok").asBoolean()).isFalse();
    }

    @Test
    void validateRefusesAnUnknownFormat() {
        assertThat(run("-C", "project", "validate", "--format", "xml")).isEqualTo(2);
        assertThat(stderr()).startsWith("unknown format 'xml' for validate; expected text, json or github");
    }

    @Test
    void completionPrintsAScriptForBashAndZshThatKnowsTheCommandsAndOptions() {
        assertThat(run("completion")).isZero();
        assertThat(stdout()).contains("complete -F _complete_iap-cloudrun", "bashcompinit")
                .contains("synth", "validate", "--stack", "--format");
    }
}
