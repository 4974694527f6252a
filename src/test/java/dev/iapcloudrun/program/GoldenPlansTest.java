package dev.iapcloudrun.program;

import dev.iapcloudrun.StackChecks;
import dev.iapcloudrun.adopt.ImportIds;
import dev.iapcloudrun.spec.StackFileSchema;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PulumiProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The whole plan of every stack of the project, and of the Java program example, checked in under
 * src/test/resources/plans and reviewed like code: a change to what a stack deploys shows in the pull request as a
 * change to its golden plan. A stack without one
 * fails with the one command that writes it, rather than getting one silently that nobody reviewed.
 * Rewrite them on purpose with {@code ./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true}.
 */
class GoldenPlansTest {

    static List<String> stacks() throws IOException {
        return StackChecks.stacks(Path.of(""));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void planMatchesTheCheckedInGoldenPlan(String stack) throws IOException {
        StackChecks.goldenPlanProblem(Path.of(""), stack, Boolean.getBoolean("golden.update")).ifPresent(problem -> fail(problem));
    }

    @Test
    void theJavaProgramExamplesPlanMatchesItsGoldenPlan() throws IOException {
        StackChecks.goldenPlanProblem("the Java program example (" + JavaProgramExample.ROOT + ", stack " + JavaProgramExample.STACK + ")",
                JavaProgramExample.synth(), Path.of(""), JavaProgramExample.GOLDEN, Boolean.getBoolean("golden.update")).ifPresent(problem -> fail(problem));
    }

    /** The stack of examples/adopt, which adopts what gcloud made: each adopted resource's import ID is in its plan. */
    static final Path ADOPT_EXAMPLE = Path.of("examples/adopt");

    static Plan adoptExamplePlan() throws IOException {
        var project = PulumiProject.load(ADOPT_EXAMPLE);
        var config = project.stackConfig("shop");
        return OfflineEngine.synth(project.name(), "shop", config.values(), config.secretKeys(), config.fingerprints(),
                new IapCloudRunProgram(ADOPT_EXAMPLE)::run, warning -> { });
    }

    @Test
    void theAdoptingExamplesPlanMatchesItsGoldenPlanAndTheProviderSchema() throws IOException {
        var plan = adoptExamplePlan();
        StackChecks.goldenPlanProblem("the adopting example (" + ADOPT_EXAMPLE + ", stack shop)", plan, Path.of(""),
                StackChecks.GOLDEN.resolve("examples/adopt/shop.json"), Boolean.getBoolean("golden.update")).ifPresent(problem -> fail(problem));
        assertThat(StackChecks.schemaProblems(plan)).isEmpty();
        assertThat(StackFileSchema.violations(Files.readString(ADOPT_EXAMPLE.resolve("stacks/shop.yaml")))).isEmpty();
        assertThat(plan.resources()).filteredOn(r -> !r.importId().isEmpty()).extracting(Plan.PlannedResource::type)
                .as("every adopted resource is of a type the import IDs cover")
                .allMatch(ImportIds.ADOPTED_TYPES::contains);
    }
}
