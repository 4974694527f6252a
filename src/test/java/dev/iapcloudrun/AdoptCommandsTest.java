package dev.iapcloudrun;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code adopt-init} and {@code adopt-report} on the seed recipe's gcloud output (a service made by gcloud run deploy --iap,
 * with two accessors added by gcloud iap web add-iam-policy-binding), copied from examples/adopt/gcloud.
 */
class AdoptCommandsTest {

    @TempDir
    Path root;

    private final Console console = new Console();

    private static final String AGENT = "serviceAccount:service-318274650921@gcp-sa-iap.iam.gserviceaccount.com";

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.tools.yaml"), "config:\n  gcp:project: acme-tools\n  gcp:region: europe-west1\n");
        Files.createDirectories(root.resolve("stacks"));
        for (var file : new String[] {"team-wiki.describe.json", "team-wiki.run-policy.json", "team-wiki.iap-policy.json"}) {
            Files.copy(Path.of("examples/adopt/gcloud").resolve(file), root.resolve(file));
        }
    }

    private int run(String... args) {
        return console.run(root, args);
    }

    private int init() {
        return run("adopt-init", "--describe", "team-wiki.describe.json", "--run-policy", "team-wiki.run-policy.json",
                "--iap-policy", "team-wiki.iap-policy.json", "--project-id", "acme-tools", "--out", "stacks/tools.yaml");
    }

    private int report(String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("adopt-report", "--stack", "tools", "--service", "team-wiki",
                "--run-policy", "team-wiki.run-policy.json", "--iap-policy", "team-wiki.iap-policy.json", "--describe", "team-wiki.describe.json"));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }

    private void edit(String from, String to) throws IOException {
        var file = root.resolve("stacks/tools.yaml");
        var text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theStarterStackFileOfTheSeedRecipeValidatesAndLosesNobody() {
        assertThat(init()).as(console.stderr()).isZero();
        assertThat(console.stderr()).contains("wrote stacks/tools.yaml").contains("project id acme-tools, from --project-id");
        assertThat(run("validate", "--stack", "tools")).as(console.stdout()).isZero();
        console.reset();

        assertThat(report()).as(console.stderr()).isZero();

        assertThat(console.stdout()).startsWith("Stack tools, adopting 1 service: 2 keep access, 0 gain it, 0 lose it, 0 keep a grant "
                        + "the stack does not manage.\n\nSecurity-relevant findings:\n  none\n")
                .contains("  IAP agent's invoker grant:\n    exists: " + AGENT);
        assertThat(console.stderr()).isEmpty();
    }

    @Test
    void whoIsLeftOutOfAnAuthoritativeListLosesAccessFirstInTheReportAndOnStderr() throws IOException {
        init();
        edit("- user:ada@acme.example", "- user:grace@acme.example");
        console.reset();

        assertThat(report("--fail-on-loss")).isEqualTo(1);

        var out = console.stdout();
        assertThat(out).contains("1 keep access, 1 gain it, 1 lose it");
        assertThat(out.indexOf("! access-revoked: user:ada@acme.example (roles/iap.httpsResourceAccessor) loses access to team-wiki"))
                .isPositive().isLessThan(out.indexOf("! access-granted: user:grace@acme.example"));
        assertThat(console.stderr()).contains("warning: 1 principal loses access when stack 'tools' adopts these services");
        console.reset();
        // Without --fail-on-loss the exit code is 0, but the loss is still on stderr, even when the report goes to a file.
        assertThat(report("--format", "markdown", "--out", "adopt.md")).isZero();
        assertThat(console.stderr()).contains("warning: 1 principal loses access");
        assertThat(Files.readString(root.resolve("adopt.md"))).contains("- **access-revoked**: user:ada@acme.example");
    }

    @Test
    void theReadmesReportIsWhatTheCommandPrints() throws IOException {
        init();
        edit("- user:ada@acme.example", "- user:grace@acme.example");
        console.reset();
        var readme = Files.readString(Path.of("README.md"));
        var command = "$ java -jar target/iap-cloudrun.jar adopt-report --stack tools --service team-wiki --run-policy "
                + "team-wiki.run-policy.json --iap-policy team-wiki.iap-policy.json --describe team-wiki.describe.json\n";
        int start = readme.indexOf(command) + command.length();

        assertThat(report()).isZero();

        assertThat(readme.substring(start, readme.indexOf("```", start))).isEqualTo(console.stdout());
    }

    @Test
    void additiveAccessorsLoseNobodyAndWhatTheyDoNotNameIsKeptNotManaged() throws IOException {
        init();
        edit("mode: authoritative", "mode: additive");
        edit("        - user:ada@acme.example\n", "");
        console.reset();

        assertThat(report("--fail-on-loss", "--format", "json")).as(console.stderr()).isZero();

        assertThat(console.stdout()).contains("\"kind\" : \"kept-not-managed\"").contains("\"loses\" : [ ]")
                .contains("\"iapAgentInvoker\" : \"" + AGENT + "\"")
                .contains("user:ada@acme.example (roles/iap.httpsResourceAccessor) keeps access to team-wiki, not managed by the stack: "
                        + "additive accessors leave grants made elsewhere alone");
    }

    @Test
    void aMissingAgentGrantOfAnAdoptedServiceFailsItsImportAndComesBeforeAPublicPrincipal() throws IOException {
        init();
        Files.writeString(root.resolve("team-wiki.run-policy.json"), """
                {"bindings": [{"members": ["allUsers"], "role": "roles/run.invoker"}], "etag": "BwYk", "version": 1}""");
        console.reset();

        assertThat(report("--fail-on-loss")).isEqualTo(1);

        var out = console.stdout();
        assertThat(out).contains("  ! public-principal: allUsers (roles/run.invoker) is in the live policy of team-wiki: it stays after adoption");
        assertThat(out.indexOf("import-fails")).isLessThan(out.indexOf("public-principal"));
        // The stack adopts the agent's grant by an import ID naming it, so the first pulumi up fails instead of creating it.
        assertThat(out).contains("  ! import-fails: " + AGENT + " (roles/run.invoker) is not in the live policy of team-wiki: the import of "
                        + "team-wiki-invoker-iap-agent fails; grant it with gcloud first (the service needs it for IAP)")
                .contains("    missing (the stack adopts it, so its import fails: grant it with gcloud first)")
                .doesNotContain("iap-agent-invoker-missing").doesNotContain("the stack creates");
        assertThat(console.stderr()).contains("warning: 1 adopted grant is not in the live policy, so pulumi up fails to import it");
    }

    @Test
    void aMissingAgentGrantOfAServiceTheStackCreatesIsCreated() throws IOException {
        init();
        edit("adopt: true ", "adopt: false ");
        Files.writeString(root.resolve("team-wiki.run-policy.json"), """
                {"bindings": [{"members": ["user:ops@acme.example"], "role": "roles/run.developer"}], "etag": "BwYk", "version": 1}""");
        console.reset();

        assertThat(report("--fail-on-loss")).as(console.stderr()).isZero();

        assertThat(console.stdout()).contains("! iap-agent-invoker-missing: " + AGENT + " holds no roles/run.invoker on team-wiki today")
                .contains("    missing (the stack creates it)").doesNotContain("import-fails");
    }

    @Test
    void declaredGrantsMissingFromTheLivePolicyOfAnAdoptedServiceFailTheirImportNotGainAccess() throws IOException {
        init();
        edit("mode: authoritative", "mode: additive");
        edit("    iap: true\n", "    invokers: [user:grace@acme.example]\n    iap: true\n");
        edit("        - user:ada@acme.example\n", "        - user:ada@acme.example\n        - user:grace@acme.example\n");
        console.reset();

        assertThat(report("--fail-on-loss")).isEqualTo(1);

        var out = console.stdout();
        assertThat(out).startsWith("Stack tools, adopting 1 service: 2 keep access, 0 gain it, 0 lose it, 0 keep a grant the stack does not "
                + "manage, 2 grants fail to import.\n");
        assertThat(out).contains("  ! import-fails: user:grace@acme.example (roles/iap.httpsResourceAccessor) is not in the live policy of "
                        + "team-wiki: the import of team-wiki-accessors-user:grace@acme.example fails; grant it with gcloud first or remove it from the stack")
                .contains("  ! import-fails: user:grace@acme.example (roles/run.invoker) is not in the live policy of team-wiki: the import of ")
                .contains("  fails to import (not in the live policy):\n    user:grace@acme.example (roles/iap.httpsResourceAccessor)\n")
                .doesNotContain("access-granted").contains("  gains access: none\n");
    }

    @Test
    void severalServicesAreReportedAtOnceEachWithItsOwnPolicies() throws IOException {
        init();
        Files.writeString(root.resolve("stacks/tools.yaml"), Files.readString(root.resolve("stacks/tools.yaml")) + """
                  - name: team-notes
                    image: europe-west1-docker.pkg.dev/acme-tools/apps/team-notes:1.0.0
                    accessors:
                      mode: authoritative
                      members: [group:wiki-editors@acme.example]
                """);
        Files.writeString(root.resolve("team-notes.iap-policy.json"), """
                {"bindings": [{"members": ["group:wiki-editors@acme.example", "user:mallory@acme.example"],
                  "role": "roles/iap.httpsResourceAccessor"}], "etag": "BwYk", "version": 1}""");
        console.reset();

        assertThat(report("--service", "team-notes", "--run-policy", "team-wiki.run-policy.json", "--iap-policy", "team-notes.iap-policy.json"))
                .as(console.stderr()).isZero();

        assertThat(console.stdout()).startsWith("Stack tools, adopting 2 services: 3 keep access, 0 gain it, 1 lose it")
                .contains("! access-revoked: user:mallory@acme.example (roles/iap.httpsResourceAccessor) loses access to team-notes")
                .contains("\nService team-wiki (accessors: authoritative, no condition):\n")
                .contains("\nService team-notes (accessors: authoritative, no condition):\n");
    }

    @Test
    void aGrantUnderAnotherConditionIsKeptNotManaged() throws IOException {
        init();
        Files.writeString(root.resolve("team-wiki.iap-policy.json"), """
                {"bindings": [
                  {"members": ["group:wiki-editors@acme.example", "user:ada@acme.example"], "role": "roles/iap.httpsResourceAccessor"},
                  {"condition": {"expression": "request.time < timestamp(\\"2027-01-01T00:00:00Z\\")", "title": "contractors"},
                   "members": ["user:eve@contractor.example"], "role": "roles/iap.httpsResourceAccessor"}],
                 "etag": "BwYk", "version": 3}""");
        console.reset();

        assertThat(report("--fail-on-loss")).as(console.stdout()).isZero();

        assertThat(console.stdout()).contains("user:eve@contractor.example (roles/iap.httpsResourceAccessor, condition 'contractors') keeps access "
                + "to team-wiki, not managed by the stack: an authoritative or additive list leaves grants of another condition alone");
    }

    @Test
    void aDescriptionOfAnotherRegionIsRefusedWithExitTwo() throws IOException {
        init();
        var describe = root.resolve("team-wiki.describe.json");
        Files.writeString(describe, Files.readString(describe).replace("\"cloud.googleapis.com/location\": \"europe-west1\"",
                "\"cloud.googleapis.com/location\": \"us-central1\""));
        console.reset();

        assertThat(report()).isEqualTo(2);

        assertThat(console.stderr()).contains("team-wiki.describe.json:19:40: metadata.labels['cloud.googleapis.com/location']: found the "
                + "region us-central1; expected europe-west1");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void aServiceTheStackDoesNotDeclareIsRefused() {
        init();
        console.reset();

        assertThat(run("adopt-report", "--stack", "tools", "--service", "wiki", "--run-policy", "team-wiki.run-policy.json",
                "--iap-policy", "team-wiki.iap-policy.json")).isEqualTo(2);
        assertThat(console.stderr()).contains("--service wiki: the stack 'tools' declares no such service; expected one of team-wiki");
    }

    @Test
    void badInputWritesNothingAndExitsTwo() throws IOException {
        Files.writeString(root.resolve("team-wiki.iap-policy.json"), "{\"bindings\": [\n  {\"role\": \"roles/iap.httpsResourceAccessor\"\n]}");

        assertThat(init()).isEqualTo(2);

        assertThat(console.stderr()).startsWith("1 problem in gcloud's output:\n  team-wiki.iap-policy.json:3:1: not valid JSON: ");
        assertThat(root.resolve("stacks/tools.yaml")).doesNotExist();
    }

    @Test
    void swappedPoliciesAreRefusedTogether() {
        assertThat(run("adopt-init", "--describe", "team-wiki.describe.json", "--run-policy", "team-wiki.iap-policy.json",
                "--iap-policy", "team-wiki.run-policy.json", "--project-id", "acme-tools")).isEqualTo(2);

        assertThat(console.stderr()).startsWith("2 problems in gcloud's output:").contains("are the two files swapped?");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void theProjectIdIsRequiredSinceTheDescriptionGivesOnlyItsNumber() {
        assertThat(run("adopt-init", "--describe", "team-wiki.describe.json", "--run-policy", "team-wiki.run-policy.json",
                "--iap-policy", "team-wiki.iap-policy.json")).isEqualTo(2);

        assertThat(console.stderr()).contains("Missing required option: '--project-id=PROJECT_ID'");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void neverOverwritesAStackFile() throws IOException {
        Files.writeString(root.resolve("stacks/tools.yaml"), "services: []\n");

        assertThat(init()).isEqualTo(2);

        assertThat(console.stderr()).contains("--out stacks/tools.yaml: the file already exists; adopt-init never overwrites a file");
        assertThat(Files.readString(root.resolve("stacks/tools.yaml"))).isEqualTo("services: []\n");
    }
}
