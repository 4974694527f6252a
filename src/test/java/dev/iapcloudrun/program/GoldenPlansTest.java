package dev.iapcloudrun.program;

import dev.iapcloudrun.synth.PlanJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole plan of every bundled stack, checked in under src/test/resources/plans and reviewed like code:
 * a change to what a stack deploys shows in the pull request as a change to its golden plan.
 * Rewrite them on purpose with {@code ./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true}.
 */
class GoldenPlansTest {

    private static final Path GOLDEN = Path.of("src/test/resources/plans");

    static java.util.stream.Stream<String> stacks() throws IOException {
        return ExampleStacksTest.stacks();
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void planMatchesTheCheckedInGoldenPlan(String stack) throws IOException {
        var actual = PlanJson.write(ExampleStacksTest.synth(stack));
        var golden = GOLDEN.resolve(stack + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden plan of stack %s; rewrite with -Dgolden.update=true", stack).exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
