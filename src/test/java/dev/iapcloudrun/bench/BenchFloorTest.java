package dev.iapcloudrun.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BenchFloorTest {

    /**
     * The floor once waited for its tasks with the SDK's runner, which spins on a pool worker until they are done. With
     * every other worker of the pool busy, the tasks it waited for could never run: bench hung. The floor must finish
     * with a single free worker, as the program does.
     */
    @Test
    void floorFinishesWithASingleFreeWorkerInTheCommonPool() throws Exception {
        var pool = ForkJoinPool.commonPool();
        assumeThat(pool.getParallelism()).as("the tests run with the jar's pool of two workers").isGreaterThanOrEqualTo(2);
        var busy = new CountDownLatch(pool.getParallelism() - 1);
        var release = new CountDownLatch(1);
        for (int i = 0; i < pool.getParallelism() - 1; i++) {
            pool.execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            busy.await();
            int registered = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Bench.floor(50));
            assertThat(registered).isEqualTo(51);
        } finally {
            release.countDown();
        }
    }
}
