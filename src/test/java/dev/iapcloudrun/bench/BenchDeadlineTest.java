package dev.iapcloudrun.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchDeadlineTest {

    @Test
    void inProcessWorkThatMissesItsDeadlineIsReportedWithWhereItWas() {
        var never = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Bench.withDeadline("the floor at 7 services", Duration.ofMillis(300), () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        })).isInstanceOf(Bench.DeadlineMissed.class)
                .hasMessageStartingWith("the floor at 7 services missed its deadline of 300 ms; it was")
                .hasMessageContaining("java.util.concurrent.CountDownLatch.await");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void inProcessWorkWithinItsDeadlineGivesItsResultAndItsOwnFailure() {
        assertThat(Bench.withDeadline("synth at 2 services", Duration.ofSeconds(30), () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> Bench.withDeadline("synth at 2 services", Duration.ofSeconds(30), () -> {
            throw new IllegalArgumentException("bad stack");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad stack");
    }

    @Test
    void aProcessThatMissesItsDeadlineIsStoppedAndReportedWithItsStderr() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Bench.run(List.of("bash", "-c", "echo still starting >&2; exec sleep 60"), Duration.ofSeconds(1)))
                .isInstanceOf(Bench.DeadlineMissed.class)
                .hasMessageContaining("missed its deadline of 1 s and was stopped")
                .hasMessageContaining("still starting");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aProcessThatFailsIsReportedWithTheEndOfItsStderr() {
        assertThatThrownBy(() -> Bench.run(List.of("bash", "-c", "echo 'plugin not found' >&2; exit 3"), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("plugin not found");
    }
}
