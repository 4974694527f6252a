package dev.iapcloudrun;

import dev.iapcloudrun.review.AccessReport;
import dev.iapcloudrun.review.DiffFormat;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.spec.StackFileException;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The README's examples are real: each one is checked against what the program does. */
class ReadmeExamplesTest {

    @Test
    void theStackFileReferenceIsAValidStackFile() throws IOException {
        var yaml = Readme.blockAfter(Readme.text(), "## Stack files", "```yaml\n");
        var spec = StackFileReader.parse("README.md", yaml, StackFileReader.Defaults.NONE);
        assertThat(spec.services()).hasSize(1);
        assertThat(spec.oauthClient()).isPresent();
        assertThat(spec.services().get(0).accessors().orElseThrow().condition()).isPresent();
    }

    @Test
    void theErrorExampleIsWhatSynthPrintsForThatMistake() throws IOException {
        var example = Readme.blockAfter(Readme.text(), "With `ingress` misspelt", "```\n");
        var expected = example.substring(example.indexOf('\n') + 1);
        var dev = Files.readString(Path.of("stacks/dev.yaml"))
                .replace("\n    ingress: all\n", "\n    ingres: all\n")
                .replaceFirst("        - user:lena.hofmann@acme.example", "        - allUsers");
        var error = catchThrowableOfType(StackFileException.class,
                () -> StackFileReader.parse("stacks/dev.yaml", dev, StackFileReader.Defaults.NONE));
        assertThat(error.getMessage() + "\n").isEqualTo(expected);
    }

    /** The first block fenced with four backticks after {@code marker}: a Markdown example that holds fences itself. */
    private static String markdownBlock(String text, String marker) {
        return Readme.blockAfter(text, marker, "````markdown\n");
    }

    @Test
    void theDiffExampleIsWhatDiffPrintsForThatPullRequest(@TempDir Path head) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), head.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi.staging.yaml"), head.resolve("Pulumi.staging.yaml"));
        Files.createDirectories(head.resolve("stacks"));
        Files.writeString(head.resolve("stacks/staging.yaml"), Files.readString(Path.of("stacks/staging.yaml"))
                .replace("        - group:qa-team@acme.example\n", "        - group:qa-team@acme.example\n        - user:max.weber@acme.example\n")
                .replace("    port: 3000\n", "    port: 3000\n    deletionProtection: false\n"));

        var diff = PlanDiff.between(new Workspace(Path.of("")).synth("staging"), new Workspace(head).synth("staging"));

        assertThat(DiffFormat.MARKDOWN.render(diff, "java -jar target/iap-cloudrun.jar diff --stack staging --base origin/main"))
                .isEqualTo(markdownBlock(Readme.text(), "gets this comment"));
    }

    @Test
    void theAccessReportExampleIsTheReportOfTheProdStack() throws IOException {
        var audience = StackFileReader.read(Path.of("stacks/prod.yaml"), "stacks/prod.yaml", StackFileReader.Defaults.NONE).audience();
        var report = new AccessReport(List.of(AccessReport.Environment.of(TestPlans.bundled("prod").synth(), audience)));

        assertThat(report.markdown()).isEqualTo(markdownBlock(Readme.text(), "### Access report"));
    }

    @Test
    void theGuardrailsSectionListsEveryWarningAndPolicySwitch() throws IOException {
        var guardrails = Readme.section("## Guardrails");
        for (var rule : StackRules.Rule.values()) {
            assertThat(guardrails).contains("| `" + rule.id + "` |");
            if (rule.policyKey != null) {
                assertThat(guardrails).contains("`" + rule.policyKey + "`").contains("  " + rule.policyKey + ": true");
            }
        }
    }
}
