package dev.iapcloudrun.synth;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import dev.iapcloudrun.TestPlans;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountingRunnerTest {

    private static CompletableFuture<String> later(String value) {
        return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void waitsForResourcesDeclaredOnceSlowValuesArrive() {
        var plan = TestPlans.run(ctx -> Output.of(later("late-account")).applyValue(id -> {
            // Declared after the program returned, when the value arrives: the runner must still wait for it.
            new Account("late", AccountArgs.builder().accountId(id).build());
            return id;
        }));

        assertThat(plan.resources()).extracting(Plan.PlannedResource::name).contains("late");
    }

    @Test
    void failsWithTheFirstFailureOfAnyTask() {
        assertThatThrownBy(() -> TestPlans.run(ctx -> new Account("broken", AccountArgs.builder()
                .accountId(Output.of(CompletableFuture.<String>failedFuture(new IllegalStateException("no account id")))).build())))
                .hasMessageContaining("no account id");
    }

    private static final class Reported {
        final com.pulumi.test.internal.MockEngine engine = new com.pulumi.test.internal.MockEngine();
        final CountingRunner runner;

        Reported() {
            var standard = java.util.logging.Logger.getLogger(CountingRunnerTest.class.getName());
            standard.setLevel(java.util.logging.Level.OFF);
            var logger = new com.pulumi.deployment.internal.DeploymentImpl.DefaultEngineLogger(standard,
                    com.pulumi.test.internal.MockRunner::new, () -> engine);
            runner = new CountingRunner(() -> logger);
        }
    }

    @Test
    void reportsAnInputErrorByItsMessageAlone() {
        var reported = new Reported();

        var result = reported.runner.runAsync(() -> {
            throw new dev.iapcloudrun.spec.InputException("stacks/dev.yaml:3:5: services: found an empty list");
        }).join();

        assertThat(result.exitCode()).isEqualTo(32);
        assertThat(reported.engine.getErrors()).containsExactly("stacks/dev.yaml:3:5: services: found an empty list");
    }

    @Test
    void reportsAnUnexpectedExceptionWithItsStackTrace() {
        var reported = new Reported();

        var result = reported.runner.runAsync(() -> {
            throw new IllegalStateException("kaput");
        }).join();

        assertThat(result.exitCode()).isEqualTo(32);
        assertThat(result.exceptions()).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(reported.engine.getErrors()).singleElement().satisfies(m -> assertThat(m)
                .contains("failed with an unhandled exception", "java.lang.IllegalStateException: kaput", "\tat "));
    }

    @Test
    void succeedsWithTheCallbacksValueOnceEveryTaskIsDone() {
        var reported = new Reported();
        var slow = later("done");
        reported.runner.registerTask("slow", slow);

        var result = reported.runner.runAsync(() -> 42).join();

        assertThat(result.exitCode()).isZero();
        assertThat(result.result()).contains(42);
        assertThat(slow).isDone();
    }
}
