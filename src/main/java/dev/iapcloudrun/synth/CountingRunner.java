package dev.iapcloudrun.synth;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The SDK's task runner, as this program uses it offline and under {@code pulumi up}: the same contract as the
 * SDK's {@code DefaultRunner}
 * (run the program, then wait until every registered task has finished or one has failed; the same exit codes),
 * without its cost. The SDK's runner formats a description of every registered task, and on each turn of its
 * polling loop a description of every task still running; the SDK registers a task per input of every resource,
 * so for large stacks that formatting was most of the time a synth took (a profile of 1,000 services put over
 * half the samples in {@code CompletableFuture.toString} and {@code String.format}).
 */
public final class CountingRunner implements Runner {

    /**
     * Every task any runner of this process has registered: the SDK registers one per {@code Output} and per step of a
     * registration, so {@code bench} reports it as a measure of the SDK's work, beside the time.
     */
    private static final LongAdder REGISTERED = new LongAdder();

    private final Supplier<EngineLogger> engineLogger;
    private final Queue<Exception> swallowed = new ConcurrentLinkedQueue<>();
    /** Tasks registered and not finished: counted, not kept, so waiting costs nothing per task. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean waiting;

    public CountingRunner(Supplier<EngineLogger> engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        REGISTERED.increment();
        running.incrementAndGet();
        task.whenComplete((value, thrown) -> {
            if (thrown != null && firstFailure.compareAndSet(null, thrown) && waiting) {
                drained.completeExceptionally(thrown);
            }
            if (running.decrementAndGet() == 0) {
                checkDrained();
            }
        });
    }

    /** How many tasks the runners of this process have registered so far. */
    public static long tasksRegistered() {
        return REGISTERED.sum();
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        var value = ContextAwareCompletableFuture.supplyAsync(callback);
        registerTask("callback", value);
        return value.thenCompose(result -> whileRunning().thenApply(done -> result))
                .handle((result, thrown) -> thrown != null
                        ? failed(thrown).thenApply(code -> result(code, Optional.<T>empty()))
                        : CompletableFuture.completedFuture(result(engineLogger.get().hasLoggedErrors()
                                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully, Optional.ofNullable(result))))
                .thenCompose(future -> future);
    }

    private <T> Result<T> result(int code, Optional<T> value) {
        return new Result<>(code, List.copyOf(swallowed), value) {};
    }

    /** Completes when no registered task is running, or fails with the first task that failed. */
    private CompletableFuture<Void> whileRunning() {
        waiting = true;
        var failure = firstFailure.get();
        if (failure != null) {
            drained.completeExceptionally(failure);
        }
        checkDrained();
        return drained;
    }

    /**
     * A count of zero is confirmed a step later, on the pool: a finishing task's own continuations may still be
     * registering the next tasks, as the SDK's runner also allows for by polling.
     */
    private void checkDrained() {
        if (waiting && running.get() == 0) {
            ContextAwareCompletableFuture.runAsync(() -> {
                if (running.get() == 0) {
                    drained.complete(null);
                }
            });
        }
    }

    /**
     * Records a failure and reports it to the engine exactly as the SDK's runner does: the message alone for input
     * errors ({@code RunException}), the resource for a {@code ResourceException}, the stack trace otherwise.
     * Returns the exit code.
     */
    private CompletableFuture<Integer> failed(Throwable thrown) {
        var cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        var exception = cause instanceof Exception e ? e : new RunException("unexpected throwable", cause);
        swallowed.add(exception);
        var logger = engineLogger.get();
        if (exception instanceof LogException) {
            System.err.printf("Error occurred trying to send logging message to engine: %s%n", exception);
            return CompletableFuture.completedFuture(ProcessExitedBeforeLoggingUserActionableMessage);
        }
        CompletableFuture<Void> logged;
        if (exception instanceof RunException) {
            logged = logger.errorAsync(exception.getMessage());
        } else if (exception instanceof ResourceException resource) {
            logged = logger.errorAsync(resource.isHideStack() ? resource.getMessage() : Exceptions.getStackTrace(resource),
                    resource.getResource().orElse(null));
        } else {
            logged = logger.errorAsync(String.format("Running program [PID: %d](%s) failed with an unhandled exception:%n%s",
                    ProcessHandle.current().pid(), ProcessHandle.current().info().commandLine().orElse("unknown"),
                    Exceptions.getStackTrace(exception)));
        }
        return logged.thenApply(done -> ProcessExitedAfterLoggingUserActionableMessage);
    }
}
