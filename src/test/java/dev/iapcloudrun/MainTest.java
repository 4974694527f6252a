package dev.iapcloudrun;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private static final String EXTERNAL_AUDIENCE = """
            iap:
              audience: external
              oauthClient:
                clientId: 123-abc.apps.googleusercontent.com
                clientSecretConfig: iapOauthClientSecret
            services:
              - name: hello
                image: us-docker.pkg.dev/cloudrun/container/hello
            """;

    @TempDir
    Path root;

    private final Console console = new Console();

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.demo.yaml"), "config:\n  gcp:project: acme-demo\n  gcp:region: europe-west1\n");
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/demo.yaml"), """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    accessors:
                      mode: additive
                      members: [user:ada@example.com]
                """);
    }

    private int run(String... args) {
        return console.run(root, args);
    }

    private String stderr() {
        return console.stderr();
    }

    @Test
    void printsThePlanOfAStack() {
        assertThat(run("synth", "--stack", "demo")).isZero();
        assertThat(console.stdout())
                .startsWith("{\n")
                .contains("\"stack\": \"demo\"")
                .contains("\"type\": \"gcp:cloudrunv2/service:Service\"");
    }

    @Test
    void anUnwritableOutNamesTheOptionThePathAskedForAndTheReason() {
        assertThat(run("synth", "--stack", "demo", "--out", "/proc/x/plan.json")).isEqualTo(2);
        assertThat(stderr()).endsWith("\n--out /proc/x/plan.json: cannot create the folder /proc/x: no such file or folder\n");

        console.reset();
        assertThat(run("synth", "--stack", "demo", "--out", "/proc/x.json")).isEqualTo(2);
        assertThat(stderr()).contains("\n--out /proc/x.json: the folder /proc does not take the file: ")
                .doesNotContain(".tmp");
    }

    @Test
    void everyCommandNamesAnUnwritableOutAndWritesNothing() throws Exception {
        Files.writeString(root.resolve("taken"), "a file, not a folder");
        for (var command : List.of(List.of("diff", "--stack", "demo", "--base", "HEAD"), List.of("access"))) {
            console.reset();
            var args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--out", "taken/report.md"));
            if (command.get(0).equals("diff")) {
                git("init", "-q");
                git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "empty");
            }
            assertThat(run(args.toArray(String[]::new))).as(stderr()).isEqualTo(2);
            assertThat(stderr()).isEqualTo("--out taken/report.md: cannot create the folder " + root.resolve("taken")
                    + ": a part of the path is a file, not a folder\n");
        }
        assertThat(Files.readString(root.resolve("taken"))).isEqualTo("a file, not a folder");
    }

    @Test
    void writtenFilesTakeThePermissionsOfTheUmaskNotOwnerOnly() throws IOException {
        assertThat(run("synth", "--stack", "demo", "--out", "plan.json")).isZero();
        // A file created the plain way gets what the umask allows: the plan, which holds no secret value, gets the same.
        var plain = Files.createFile(root.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(root.resolve("plan.json"))).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void writesThePlanToAFile() throws IOException {
        assertThat(run("synth", "--stack", "demo", "--out", "plans/demo.json")).isZero();
        assertThat(Files.readString(root.resolve("plans/demo.json"))).contains("\"stack\": \"demo\"");
        assertThat(console.stdout()).isEmpty();
        try (var files = Files.list(root.resolve("plans"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("demo.json");
        }
    }

    @Test
    void failsWithExitCode2AndEveryProblemWhenTheStackFileIsBad() throws IOException {
        Files.writeString(root.resolve("stacks/demo.yaml"), """
                services:
                  - name: Hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    ingres: all
                    accessors:
                      mode: additive
                      members: [allUsers]
                """);
        assertThat(run("synth", "--stack", "demo", "--out", "plans/demo.json")).isEqualTo(2);
        assertThat(stderr())
                .contains("3 problems in the stack file")
                .contains("stacks/demo.yaml:2:11: services[0].name: found \"Hello\"")
                .contains("stacks/demo.yaml:4:5: services[0].ingres: unknown field 'ingres'; did you mean 'ingress'?")
                .contains("stacks/demo.yaml:7:17: services[0].accessors.members[0]: found the public principal 'allUsers'")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(root.resolve("plans/demo.json")).doesNotExist();
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void keepsAnEarlierPlanWhenTheNewOneFails() throws IOException {
        assertThat(run("synth", "--stack", "demo", "--out", "demo.json")).isZero();
        var before = Files.readString(root.resolve("demo.json"));
        Files.writeString(root.resolve("stacks/demo.yaml"), "services: []\n");
        assertThat(run("synth", "--stack", "demo", "--out", "demo.json")).isEqualTo(2);
        assertThat(Files.readString(root.resolve("demo.json"))).isEqualTo(before);
    }

    @Test
    void failsWithExitCode2WhenTheStackHasNoConfigFile() {
        assertThat(run("synth", "--stack", "qa")).isEqualTo(2);
        assertThat(stderr()).contains("no Pulumi.qa.yaml");
    }

    @Test
    void failsWithExitCode2WhenTheStackHasNoStackFile() throws IOException {
        Files.writeString(root.resolve("Pulumi.qa.yaml"), "config:\n  gcp:project: acme-qa\n");
        assertThat(run("synth", "--stack", "qa")).isEqualTo(2);
        assertThat(stderr()).contains("stacks/qa.yaml").contains("cannot read the stack file");
    }

    @Test
    void failsWithExitCode2WhenTheOAuthSecretIsNotInConfig() throws IOException {
        Files.writeString(root.resolve("stacks/demo.yaml"), EXTERNAL_AUDIENCE);
        assertThat(run("synth", "--stack", "demo")).isEqualTo(2);
        assertThat(stderr()).contains("iap-cloudrun:iapOauthClientSecret").contains("pulumi config set --secret");
    }

    @Test
    void failsWithExitCode2WhenTheOAuthSecretIsStoredInPlainText() throws IOException {
        Files.writeString(root.resolve("Pulumi.demo.yaml"), "config:\n  gcp:project: acme-demo\n  gcp:region: europe-west1\n"
                + "  iap-cloudrun:iapOauthClientSecret: GOCSPX-visible-in-git\n");
        Files.writeString(root.resolve("stacks/demo.yaml"), EXTERNAL_AUDIENCE);
        assertThat(run("synth", "--stack", "demo")).isEqualTo(2);
        assertThat(stderr()).contains("Pulumi.demo.yaml").contains("not stored as a secret").doesNotContain("GOCSPX-visible-in-git");
    }

    @Test
    void explainsUsageWithExitCode2() {
        assertThat(run("synth")).isEqualTo(2);
        assertThat(stderr()).contains("Missing required option: '--stack=STACK'").contains("usage: iap-cloudrun synth");
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'deploy'");
    }

    private void addAccessor(String principal) throws IOException {
        var file = root.resolve("stacks/demo.yaml");
        Files.writeString(file, Files.readString(file).replace("[user:ada@example.com]", "[user:ada@example.com, " + principal + "]"));
    }

    @Test
    void diffsTwoPlanFilesAndExitsWith1OnChangesOnlyWhenAsked() throws IOException {
        assertThat(run("synth", "--stack", "demo", "--out", "base.json")).isZero();
        addAccessor("user:bob@example.com");
        assertThat(run("synth", "--stack", "demo", "--out", "head.json")).isZero();
        console.reset();

        assertThat(run("diff", "base.json", "head.json")).isZero();
        assertThat(run("diff", "base.json", "head.json", "--exit-code")).isEqualTo(1);
        assertThat(console.stdout())
                .startsWith("Stack demo: 1 to add, 0 to update, 0 to replace, 0 to delete.")
                .contains("! access-granted: user:bob@example.com gains roles/iap.httpsResourceAccessor on hello");
        console.reset();
        assertThat(run("diff", "base.json", "base.json", "--exit-code")).isZero();
        assertThat(console.stdout()).isEqualTo("Stack demo: no changes.\n");
    }

    @Test
    void diffOfAStackThatExistsOnNeitherSideIsAnErrorNotNoChanges() throws Exception {
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "base");

        assertThat(run("diff", "--stack", "demoo", "--base", "HEAD")).isEqualTo(2);

        assertThat(console.stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("diff --stack demoo: there is no stack 'demoo' in the working tree or at HEAD; "
                + "the stacks here are demo\n");
    }

    @Test
    void diffOfAStackAddedSinceTheBaseShowsItAllAdded() throws Exception {
        git("init", "-q");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "--allow-empty", "-m", "base");

        assertThat(run("diff", "--stack", "demo", "--base", "HEAD")).isZero();

        assertThat(console.stdout()).startsWith("Stack demo: ").contains(" to add, 0 to update, 0 to replace, 0 to delete.");
    }

    @Test
    void diffsTheStackAgainstAGitRevision() throws Exception {
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "base");
        addAccessor("group:ops@example.com");

        assertThat(run("diff", "--stack", "demo", "--base", "HEAD", "--format", "markdown", "--out", "diff.md")).isZero();

        assertThat(Files.readString(root.resolve("diff.md")))
                .startsWith("<!-- iap-cloudrun:diff stack=demo -->")
                .contains("- **access-granted**: group:ops@example.com gains roles/iap.httpsResourceAccessor on hello");
    }

    @Test
    void diffsAStackThatDidNotExistAtTheRevisionAsAllAdded() throws Exception {
        git("init", "-q");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "--allow-empty", "-m", "empty");

        assertThat(run("diff", "--stack", "demo", "--base", "HEAD", "--format", "json")).isZero();

        assertThat(console.stdout()).contains("\"delete\" : 0", "\"update\" : 0").containsPattern("\"add\" : [1-9]");
    }

    @Test
    void failsWithExitCode2WhenTheBaseIsNotAGitRevision() throws Exception {
        git("init", "-q");
        assertThat(run("diff", "--stack", "demo", "--base", "no-such-branch")).isEqualTo(2);
        assertThat(stderr()).contains("--base no-such-branch: not a git revision");
    }

    @Test
    void failsWithExitCode2WhenAFileIsNotAPlan() throws IOException {
        Files.writeString(root.resolve("base.json"), "{\"project\": \"x\"}\n");
        Files.writeString(root.resolve("head.json"), "not json");
        assertThat(run("diff", "base.json", "base.json")).isEqualTo(2);
        assertThat(stderr()).contains("base.json: not a plan written by synth: 'resources' is missing");
        assertThat(run("diff", "head.json", "base.json")).isEqualTo(2);
        assertThat(stderr()).contains("head.json:1:");
    }

    @Test
    void explainsDiffUsageWithExitCode2() {
        assertThat(run("diff", "--stack", "demo")).isEqualTo(2);
        assertThat(stderr()).contains("needs both --stack STACK and --base GIT-REF");
        assertThat(run("diff", "a.json")).isEqualTo(2);
        assertThat(run("diff", "a.json", "b.json", "--format", "yaml")).isEqualTo(2);
        assertThat(stderr()).contains("unknown format 'yaml'; expected text, markdown or json");
    }

    @Test
    void reportsAccessOfEveryStackAsMarkdownOrHtml() throws IOException {
        Files.writeString(root.resolve("Pulumi.other.yaml"), "config:\n  gcp:project: acme-other\n  gcp:region: europe-west1\n");
        Files.copy(root.resolve("stacks/demo.yaml"), root.resolve("stacks/other.yaml"));

        assertThat(run("access")).isZero();
        assertThat(console.stdout()).contains("## demo: project `acme-demo`", "## other: project `acme-other`",
                "| hello | user:ada@example.com | IAP accessor | additive | none |");

        assertThat(run("access", "--stack", "other", "--format", "html", "--out", "access.html")).isZero();
        assertThat(Files.readString(root.resolve("access.html"))).contains("<section data-stack=\"other\">").doesNotContain("data-stack=\"demo\"");
    }

    private void git(String... args) throws Exception {
        Processes.git(root, args);
    }

    @Test
    void validatePrintsWarningsAndExitsWith0WhenThereAreNoErrors() {
        assertThat(run("validate")).isZero();
        assertThat(console.stdout())
                .contains("stacks/demo.yaml: ok, 1 warning in the stack file:")
                .contains("services[0].image: the image of 'hello' has neither a tag nor a digest, which means the tag :latest")
                .endsWith("validated 1 stack: 0 with errors, 1 warning\n");
    }

    @Test
    void validateStrictTurnsWarningsIntoErrors() {
        assertThat(run("validate", "--stack", "demo", "--strict")).isEqualTo(2);
        assertThat(console.stdout()).contains("stacks/demo.yaml: 1 problem in the stack file:")
                .endsWith("validated 1 stack: 1 with errors, 0 warnings (--strict: warnings count as errors)\n");
    }

    @Test
    void validateReportsEveryStackAndFailsWhenOneIsBad() throws IOException {
        Files.writeString(root.resolve("Pulumi.broken.yaml"), "config:\n  gcp:project: acme-broken\n  gcp:region: europe-west1\n");
        Files.writeString(root.resolve("stacks/broken.yaml"), "services:\n  - name: Hello\n");
        assertThat(run("validate")).isEqualTo(2);
        assertThat(console.stdout()).contains("stacks/broken.yaml: 2 problems in the stack file:",
                "stacks/demo.yaml: ok", "validated 2 stacks: 1 with errors");
    }

    @Test
    void refusesAStackFileWhoseProjectIsNotTheStacksGcpProject() throws IOException {
        Files.writeString(root.resolve("stacks/demo.yaml"), "project: acme-portal-prod\n" + Files.readString(root.resolve("stacks/demo.yaml")));

        assertThat(run("validate", "--stack", "demo")).isEqualTo(2);
        assertThat(run("synth", "--stack", "demo")).isEqualTo(2);

        var problem = "stacks/demo.yaml:1:10: project: found \"acme-portal-prod\" here, but Pulumi.demo.yaml sets gcp:project to \"acme-demo\"";
        assertThat(console.stdout()).contains(problem);
        assertThat(stderr()).contains(problem);
    }

    @Test
    void validateWarnsAboutAccessorsTurnedAdditiveSinceTheBase() throws Exception {
        var file = root.resolve("stacks/demo.yaml");
        Files.writeString(file, Files.readString(file).replace("additive", "authoritative"));
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "base");
        Files.writeString(file, Files.readString(file).replace("authoritative", "additive"));

        var check = new Workspace(root).check("demo", java.util.Optional.of("HEAD"));

        assertThat(check.warnings()).extracting(Object::toString).anySatisfy(w -> assertThat(w)
                .contains("services[0].accessors.mode: the accessors of 'hello' were authoritative at the base revision and are now additive")
                .contains("[accessors-turned-additive]"));
    }

    private void commitBase(String mode, String members) throws Exception {
        var file = root.resolve("stacks/demo.yaml");
        Files.writeString(file, Files.readString(file).replace("additive", mode).replace("[user:ada@example.com]", "[" + members + "]"));
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "base");
    }

    private void edit(String from, String to) throws IOException {
        var file = root.resolve("stacks/demo.yaml");
        Files.writeString(file, Files.readString(file).replace(from, to));
    }

    @Test
    void validateRefusesSwitchingAccessorsToAdditiveAndNamesTheBindingToRemoveFromTheStateFirst() throws Exception {
        commitBase("authoritative", "user:ada@example.com");
        edit("authoritative", "additive");

        assertThat(run("validate", "--base", "HEAD")).isEqualTo(2);

        assertThat(console.stdout()).contains("stacks/demo.yaml:5:")
                .contains("services[0].accessors: refused: this change is unsafe for access against the base revision, "
                        + "on IAP on Cloud Run service hello: user:ada@example.com loses access although the new stack declares it")
                .contains("pulumi state delete 'urn:pulumi:demo::iap-cloudrun::iap-cloudrun:index:IapAccessorBinding"
                        + "$gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding::hello-accessors'")
                .contains("validated 1 stack: 1 with errors");
    }

    @Test
    void validateRefusesSwitchingAccessorsToAuthoritativeAndNamesEachMemberToRemoveFromTheStateFirst() throws Exception {
        commitBase("additive", "user:ada@example.com, group:ops@example.com");
        edit("additive", "authoritative");

        assertThat(run("validate", "--base", "HEAD")).isEqualTo(2);

        assertThat(console.stdout())
                .contains("group:ops@example.com loses access although the new stack declares it")
                .contains("pulumi state delete 'urn:pulumi:demo::iap-cloudrun::iap-cloudrun:index:IapAccessorBinding"
                        + "$gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember::hello-accessors-group:ops@example.com'")
                .contains("hello-accessors-user:ada@example.com'");
    }

    @Test
    void validateRefusesAModeSwitchThatAlsoDropsAMemberAndSaysToSplitIt() throws Exception {
        commitBase("authoritative", "user:ada@example.com, group:ops@example.com");
        edit("authoritative", "additive");
        edit("user:ada@example.com, group:ops@example.com", "user:ada@example.com");

        assertThat(run("validate", "--base", "HEAD")).isEqualTo(2);

        assertThat(console.stdout()).contains("No single update keeps access here")
                .doesNotContain("pulumi state delete");
    }

    @Test
    void validateAcceptsAChangeThatKeepsAccessAtEveryStep() throws Exception {
        commitBase("authoritative", "user:ada@example.com");
        edit("[user:ada@example.com]", "[user:ada@example.com, user:bob@example.com]");

        assertThat(run("validate", "--base", "HEAD")).as(console.stdout()).isZero();
    }
}
