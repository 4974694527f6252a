package dev.iapcloudrun.program;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
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

import javax.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs the program under the Pulumi engine, as {@code Pulumi.run} does, with two differences: no message reaches
 * the engine (which prints debug messages under {@code pulumi up --debug}) with the value of one of the stack's
 * secrets, not even the SDK's debug dumps of whole requests and property values; and tasks are tracked by the {@link CountingRunner}
 * that the offline engine uses too. Built from the SDK's internal pieces, in the same
 * order as {@code PulumiInternal.fromEnvironment}; an SDK upgrade must be checked against it, and the engine-mode
 * test does.
 */
public final class PulumiEntryPoint {

    private PulumiEntryPoint() {}

    public static void run(Consumer<Context> program) {
        var environment = DeploymentImpl.DeploymentState.fromEnvironment();
        var secrets = secretKeys(System.getenv(CONFIG_SECRET_KEYS)).stream()
                .flatMap(key -> environment.config.getConfig(key).stream()).toList();
        var state = new DeploymentImpl.DeploymentState(environment.config, Logger.getLogger(DeploymentImpl.class.getName()),
                environment.organizationName, environment.projectName, environment.stackName, environment.rootDirectory,
                environment.isDryRun, new SecretWithholdingEngine(environment.engine, secrets), environment.monitor);
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

    /** The config keys whose values are secret, as the engine hands them to the program: a JSON list. */
    private static final String CONFIG_SECRET_KEYS = "PULUMI_CONFIG_SECRET_KEYS";

    static List<String> secretKeys(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        var keys = new ArrayList<String>();
        try (var parser = new JsonFactory().createParser(json)) {
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    keys.add(parser.getText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the engine's " + CONFIG_SECRET_KEYS + " is not a JSON list", e);
        }
        return keys;
    }

    /**
     * Passes everything to the engine, without the values of the stack's secrets: they are cut from every message,
     * whatever its severity and however the SDK wrote them (with {@code PULUMI_EXCESSIVE_DEBUG_OUTPUT=true} its
     * serializer logs each value before it marks it secret). Debug messages that carry the secret signature lose
     * their details as well, since they may hold secret values that are not in the config.
     */
    public static final class SecretWithholdingEngine implements Engine {

        private static final String WITHHELD = "[secret]";


        private final Engine engine;

        /** Each secret as a message may spell it, longest first, so that no part of a longer spelling is left. */
        private final List<String> spellings;

        /** @param secrets the plain values of the stack's secret config */
        public SecretWithholdingEngine(Engine engine, Collection<String> secrets) {
            this.engine = engine;
            this.spellings = secrets.stream().filter(secret -> !secret.isEmpty())
                    .flatMap(secret -> Stream.of(secret,
                            // As a protobuf message dump writes strings, and as JSON does.
                            TextFormat.escapeBytes(ByteString.copyFromUtf8(secret)),
                            inJson(secret)))
                    .distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        }

        /** A string as it appears between the quotes of a JSON document. */
        private static String inJson(String text) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(text));
        }

        public LogRequest withheld(LogRequest request) {
            var message = request.getMessage();
            for (var spelling : spellings) {
                message = message.replace(spelling, WITHHELD);
            }
            var cut = withheldDetails(message, request.getSeverity());
            return cut.equals(request.getMessage()) ? request : request.toBuilder().setMessage(cut).build();
        }

        /** A debug message holding the secret signature holds the secret's plain text next to it. */
        private static String withheldDetails(String message, LogSeverity severity) {
            if (severity != LogSeverity.DEBUG || !message.contains(Constants.SpecialSecretSig)) {
                return message;
            }
            int cut = message.indexOf(", request=");
            cut = cut < 0 ? message.indexOf(", result=") : cut;
            var kept = cut < 0 ? "" : message.substring(0, cut) + " ";
            return kept + "(details withheld: they hold a secret value)";
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
