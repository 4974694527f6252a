package dev.iapcloudrun.synth;

import com.google.protobuf.Struct;
import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Runs a Pulumi program in the Pulumi Java SDK's in-process engine, as a preview, and returns what it
 * registered. No credentials, no CLI, no provider plugin: the same program {@code pulumi up} runs.
 */
public final class OfflineEngine {

    private OfflineEngine() {}

    /**
     * Synchronized because the SDK keeps the running deployment in a process-wide slot: one program at a time.
     *
     * @param config     the stack's config, keys as {@code namespace:key}
     * @param secretKeys config keys whose values are secrets
     * @throws RuntimeException the program's own exception when it failed (an invalid stack file, for one)
     */
    public static Plan synth(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                             Consumer<Context> program) {
        return synth(project, stack, config, secretKeys, program, warning -> { });
    }

    /**
     * As {@link #synth(String, String, Map, Set, Consumer)}, handing each warning the program logs (as it would
     * to the engine under {@code pulumi up}) to {@code warnings}.
     */
    public static Plan synth(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                             Consumer<Context> program, Consumer<String> warnings) {
        return synth(project, stack, config, secretKeys, Map.of(), program, warnings);
    }

    /**
     * As {@link #synth(String, String, Map, Set, Consumer, Consumer)}, with the fingerprints of the secrets as the
     * stack's config file stores them ({@link PulumiProject.StackConfig#fingerprints()}): a secret value that is one
     * of those ciphertexts shows in the plan with its fingerprint, so that a rotation shows; any other secret value
     * (a decrypted one, say) shows as {@code "[secret]"} alone.
     */
    public static synchronized Plan synth(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                                          Map<String, String> fingerprints, Consumer<Context> program, Consumer<String> warnings) {
        var mocks = new PreviewMocks();
        // Only warnings pass: the SDK would log the program's exception (input errors included) with its stack
        // trace; callers get the exception itself instead and decide how to show it.
        var logger = PulumiTestInternal.logger(Level.WARNING);
        var collector = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.accept(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.setUseParentHandlers(false);
        logger.addHandler(collector);
        var log = PulumiTestInternal.mockLog(logger);
        var monitor = new RecordingMonitor(mocks, log, project, stack);
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(true).build())
                    .standardLogger(logger)
                    .config(config, secretKeys)
                    .mocks(mocks)
                    .monitorDecorator(ignored -> monitor)
                    .deploymentFactory(OfflineEngine::countingDeployment)
                    .build()
                    .runTest(program);
            if (!result.exceptions().isEmpty()) {
                throw rootCause(result.exceptions().get(0));
            }
            if (result.exitCode() != 0 || !result.errors().isEmpty()) {
                throw new IllegalStateException("the program failed: " + String.join("; ", result.errors()));
            }
            return plan(project, stack, monitor, fingerprints);
        } finally {
            logger.removeHandler(collector);
            PulumiTestInternal.cleanup();
        }
    }

    /**
     * A deployment whose tasks the {@link CountingRunner} tracks. The SDK's own runner waits by spinning on a worker of
     * the common pool until every task is done, so with the other workers busy the tasks it waits for never run: the
     * in-process engine hung. Every in-process run, the floors of {@code bench} included, uses this.
     */
    public static DeploymentInternal countingDeployment(DeploymentImpl.DeploymentState state) {
        // The SDK's state makes its own runner; the engine logger finds the runner through the state.
        state.runner = new CountingRunner(() -> state.logger);
        return new DeploymentImpl(state);
    }

    private static Plan plan(String project, String stack, RecordingMonitor monitor, Map<String, String> fingerprints) {
        var resources = new ArrayList<Plan.PlannedResource>();
        String stackUrn = null;
        for (var registration : List.copyOf(monitor.registrations)) {
            var request = registration.request();
            if (request.getParent().isEmpty()) {
                stackUrn = registration.urn();
            }
            resources.add(new Plan.PlannedResource(
                    registration.urn(),
                    request.getType(),
                    request.getName(),
                    request.getParent(),
                    request.getCustom(),
                    StructJson.object(request.getObject(), fingerprints),
                    request.getDependenciesList().stream().distinct().sorted().toList(),
                    request.getProtect(),
                    request.getVersion(),
                    request.getAliasesList().stream().map(alias -> monitor.aliasUrn(alias, request)).distinct().sorted().toList(),
                    request.getImportId()));
        }
        resources.sort(Comparator.comparing(Plan.PlannedResource::urn));
        final String rootUrn = stackUrn;
        var outputs = monitor.outputs.stream()
                .filter(o -> o.getUrn().equals(rootUrn))
                .map(o -> StructJson.object(o.getOutputs(), fingerprints))
                .reduce((first, second) -> second)
                .orElseGet(() -> StructJson.object(Struct.getDefaultInstance()));
        var invokes = monitor.invokes.stream().map(i -> new Plan.PlannedInvoke(i.getTok(), i.getVersion())).toList();
        return new Plan(project, stack, resources, outputs, invokes);
    }

    /** The program's own exception, without the SDK's wrappers, so callers can tell input errors apart. */
    private static RuntimeException rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
    }
}
