package dev.iapcloudrun.program;

import dev.iapcloudrun.StackChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
}
