package dev.iapcloudrun.program;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.Constants;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.deployment.internal.Engine;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;
import dev.iapcloudrun.synth.CountingRunner;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionResponse;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs the program under the Pulumi engine, as {@code Pulumi.run} does, with two differences: the SDK's debug
 * messages that dump whole RegisterResource requests, secret values in plain text included, never reach the
 * engine (which prints them under {@code pulumi up --debug}); and tasks are tracked by the {@link CountingRunner}
 * that the offline engine uses too. Built from the SDK's internal pieces, in the same
 * order as {@code PulumiInternal.fromEnvironment}; an SDK upgrade must be checked against it, and the engine-mode
 * test does.
 */
public final class PulumiEntryPoint {

    private PulumiEntryPoint() {}

    public static void run(Consumer<Context> program) {
        var environment = DeploymentImpl.DeploymentState.fromEnvironment();
        var state = new DeploymentImpl.DeploymentState(environment.config, Logger.getLogger(DeploymentImpl.class.getName()),
                environment.organizationName, environment.projectName, environment.stackName, environment.rootDirectory,
                environment.isDryRun, new SecretWithholdingEngine(environment.engine), environment.monitor);
        // The same runner as offline: the SDK's own formats a description of every task, one per resource input.
        state.runner = new CountingRunner(() -> state.logger);
        var deployment = new DeploymentImpl(state);
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));

        var instance = Deployment.getInstance();
        var config = new ConfigContextInternal(deployment.getProjectName(), name -> new Config(instance.getConfig(), name));
        var context = new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(), deployment.getStackName(),
                new LoggingContextInternal(deployment.getLog()), config,
                new OutputContextInternal(new OutputFactory(deployment.getRunner())), StackOptions.Empty.resourceTransformations());
        new PulumiInternal(deployment.getRunner(), context).run(program);
    }

    /** Passes everything to the engine, except debug messages that carry a secret value. */
    static final class SecretWithholdingEngine implements Engine {

        private final Engine engine;

        SecretWithholdingEngine(Engine engine) {
            this.engine = engine;
        }

        /** A debug message holding the secret signature holds the secret's plain text next to it. */
        static LogRequest withheld(LogRequest request) {
            if (request.getSeverity() != LogSeverity.DEBUG || !request.getMessage().contains(Constants.SpecialSecretSig)) {
                return request;
            }
            var message = request.getMessage();
            int cut = message.indexOf(", request=");
            cut = cut < 0 ? message.indexOf(", result=") : cut;
            var kept = cut < 0 ? "" : message.substring(0, cut) + " ";
            return request.toBuilder().setMessage(kept + "(details withheld: they hold a secret value)").build();
        }

        @Override
        public CompletableFuture<Void> logAsync(LogRequest request) {
            return engine.logAsync(withheld(request));
        }

        @Override
        public CompletableFuture<GetRootResourceResponse> getRootResourceAsync(GetRootResourceRequest request) {
            return engine.getRootResourceAsync(request);
        }

        @Override
        public CompletableFuture<RequirePulumiVersionResponse> requirePulumiVersionAsync(RequirePulumiVersionRequest request) {
            return engine.requirePulumiVersionAsync(request);
        }
    }
}
