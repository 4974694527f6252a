package dev.iapcloudrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks over every stack of a project hold a stack a team adds to what it declares, and say plainly what is wrong. */
class StackChecksTest {

    /** Services of the documented kinds a new environment may have: without IAP, called by named invokers or by anyone. */
    private static final String SERVICES_WITHOUT_IAP = """
              - name: pubsub-push
                image: us-docker.pkg.dev/cloudrun/container/hello
                iap: false
                invokers:
                  - serviceAccount:pubsub-push@acme-portal-qa.iam.gserviceaccount.com
              - name: status-page
                image: us-docker.pkg.dev/cloudrun/container/hello
                iap: false
                public: true
            """;

    @TempDir
    Path root;

    /**
     * The README's way: {@code new-stack} writes the stack file and its config beside the bundled stacks, and the team
     * adds services that do without IAP.
     */
    private void addStackQa() throws IOException {
        StackChecks.copyProject(Path.of(""), root, "qa");
        var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(List.of("new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west1"), root, quiet, quiet)).isZero();
        Files.writeString(root.resolve("stacks/qa.yaml"), SERVICES_WITHOUT_IAP, StandardOpenOption.APPEND);
    }

    @Test
    void aStackAddedTheReadmesWayPassesEveryCheckButAsksForItsGoldenPlanInOneLine() throws IOException {
        addStackQa();

        assertThat(StackChecks.stacks(root)).contains("dev", "prod", "qa", "staging");
        for (var stack : StackChecks.stacks(root)) {
            assertThat(StackChecks.problems(root, stack)).as(stack).isEmpty();
            assertThat(StackChecks.providerSchemaProblems(root, stack)).as(stack).isEmpty();
        }
        assertThat(StackChecks.goldenPlanProblem(root, "dev", false)).isEmpty();
        assertThat(StackChecks.goldenPlanProblem(root, "qa", false)).hasValue("stack qa has no golden plan: run "
                + "./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true and review the new file src/test/resources/plans/qa.json");

        assertThat(StackChecks.goldenPlanProblem(root, "qa", true)).isEmpty();
        assertThat(root.resolve("src/test/resources/plans/qa.json")).content().contains("\"stack\": \"qa\"");
        assertThat(StackChecks.goldenPlanProblem(root, "qa", false)).isEmpty();
    }

    @Test
    void aChangedPlanNamesTheFirstDifferenceAndTheCommandInOneLine() throws IOException {
        addStackQa();
        StackChecks.goldenPlanProblem(root, "qa", true);
        Files.writeString(root.resolve("stacks/qa.yaml"), Files.readString(root.resolve("stacks/qa.yaml")).replace("pubsub-push@", "pubsub-pull@"));

        assertThat(StackChecks.goldenPlanProblem(root, "qa", false)).hasValueSatisfying(problem -> assertThat(problem)
                .doesNotContain("\n").startsWith("stack qa's plan differs from src/test/resources/plans/qa.json from line ")
                .contains("serviceAccount:pubsub-push@").contains("serviceAccount:pubsub-pull@")
                .endsWith("if the change is intended, run ./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true and review the diff"));
    }

    @Test
    void aServiceDeployedOtherwiseThanDeclaredIsNamedWithWhatIsWrongNotDumped() {
        var declared = TestPlans.runStack("""
                project: acme-portal-qa
                region: europe-west1
                services:
                  - name: status-page
                    image: us-docker.pkg.dev/cloudrun/container/hello
                """, Map.of(), Set.of());
        var spec = dev.iapcloudrun.spec.StackFileReader.parse("stacks/qa.yaml", """
                project: acme-portal-qa
                region: europe-west1
                services:
                """ + SERVICES_WITHOUT_IAP, dev.iapcloudrun.spec.StackFileReader.Defaults.NONE);

        assertThat(StackChecks.accessProblems("qa", spec, declared)).containsExactlyInAnyOrder(
                "stack qa: gcp:cloudrunv2/service:Service status-page: iapEnabled is true, but the stack file declares iap: false",
                "stack qa: gcp:cloudrunv2/service:Service status-page: invokerIamDisabled is false, but the stack file declares public: true",
                "stack qa: gcp:cloudrunv2/serviceIamMember:ServiceIamMember status-page-invoker-iap-agent: the IAP agent may invoke a service without IAP",
                "stack qa: gcp:cloudrunv2/service:Service pubsub-push: declared in the stack file, missing from the plan");
    }

    @Test
    void aStackFileWithoutItsConfigIsOneProblemThatSaysWhatToCreate() throws IOException {
        addStackQa();
        Files.delete(root.resolve("Pulumi.qa.yaml"));

        assertThat(StackChecks.problems(root, "qa")).singleElement().asString().doesNotContain("\n")
                .contains("stacks/qa.yaml has no Pulumi.qa.yaml");
    }
}
