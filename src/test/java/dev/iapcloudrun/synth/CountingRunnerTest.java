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
}
