package dev.iapcloudrun.program;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.ComponentResourceOptions;
import dev.iapcloudrun.components.ComponentWarnings;
import dev.iapcloudrun.components.IapAccessorBinding;
import dev.iapcloudrun.components.IapAccessorBindingArgs;
import dev.iapcloudrun.components.IapCloudRunService;
import dev.iapcloudrun.components.IapCloudRunServiceArgs;
import dev.iapcloudrun.components.IapOAuthClientSettings;
import dev.iapcloudrun.components.IapOAuthClientSettingsArgs;
import dev.iapcloudrun.components.IapProjectSetup;
import dev.iapcloudrun.components.IapProjectSetupArgs;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.OAuthClientSpec;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The Pulumi program: one stack file in, the components of that environment out. The same code runs
 * under {@code pulumi up} and offline ({@code synth}); it reads the stack's config through {@link Context},
 * never from the environment, so both paths see the same inputs.
 */
public final class IapCloudRunProgram {

    private final Path projectRoot;
    private final Optional<Prefetched> prefetched;
    private volatile Optional<StackSpec> declared = Optional.empty();

    /** A stack file being read and parsed on a thread of its own. */
    private record Prefetched(String stack, CompletableFuture<StackFileReader.Parsed> parsed) {}

    /** @param projectRoot the folder holding {@code Pulumi.yaml} and {@code stacks/} */
    public IapCloudRunProgram(Path projectRoot) {
        this(projectRoot, Optional.empty());
    }

    private IapCloudRunProgram(Path projectRoot, Optional<Prefetched> prefetched) {
        this.projectRoot = projectRoot;
        this.prefetched = prefetched;
    }

    /**
     * The program, with {@code stack}'s file already being read and parsed while the caller starts the SDK:
     * reading YAML in a cold JVM takes about as long as the SDK's own start-up, so doing both at once shortens
     * every {@code synth} and {@code pulumi up}. The file is still validated in {@link #run}, with the stack's config.
     */
    public static IapCloudRunProgram prefetching(Path projectRoot, String stack) {
        var file = stackFile(stack);
        var parsed = CompletableFuture.supplyAsync(() -> StackFileReader.parse(projectRoot.resolve(file), file), task -> {
            // Not the common pool: the SDK runs its own work there.
            var thread = new Thread(task, "stack-file-reader");
            thread.setDaemon(true);
            thread.start();
        });
        return new IapCloudRunProgram(projectRoot, Optional.of(new Prefetched(stack, parsed)));
    }

    /** {@code stacks/<stack>.yaml} relative to the project root: the path errors are reported with. */
    public static String stackFile(String stack) {
        return "stacks/" + stack + ".yaml";
    }

    /**
     * Reads and validates the stack file of {@code ctx}'s stack and the config it names, then declares its
     * resources. Everything is checked before the first resource is declared, so a mistake never leaves a
     * half-registered stack behind.
     */
    public void run(Context ctx) {
        var gcp = ctx.config("gcp");
        var file = stackFile(ctx.stackName());
        var parsed = prefetched.filter(p -> p.stack().equals(ctx.stackName())).map(p -> p.parsed().join())
                .orElseGet(() -> StackFileReader.parse(projectRoot.resolve(file), file));
        var check = StackFileReader.check(parsed, new StackFileReader.Defaults(gcp.get("project"), gcp.get("region"),
                "Pulumi." + ctx.stackName() + ".yaml"), Optional.empty());
        // Under pulumi up the warnings reach the person deploying through the engine's log, like the CLI's own.
        check.warnings().forEach(warning -> ctx.log().warn(warning.toString()));
        var spec = check.orThrow();
        spec.oauthClient().ifPresent(client -> requireSecretConfig(ctx, client));
        declared = Optional.of(spec);
        declare(ctx, spec);
    }

    /** The stack this program last declared, as its file declares it: what a caller offline reads besides the plan. */
    public Optional<StackSpec> declared() {
        return declared;
    }

    /** The OAuth client secret must be in the stack's config, and stored there encrypted. */
    private static void requireSecretConfig(Context ctx, OAuthClientSpec client) {
        var fullKey = fullKey(ctx.projectName(), client.clientSecretConfigKey());
        secretConfigProblem(ctx.stackName(), client, fullKey, ctx.config().get(client.clientSecretConfigKey()).isPresent(),
                DeploymentInternal.getInstance().isConfigSecret(fullKey)).ifPresent(message -> {
                    throw new InputException(message);
                });
    }

    /** A config key as the engine names it: {@code <project>:<key>} unless it has a namespace. */
    public static String fullKey(String projectName, String key) {
        return key.contains(":") ? key : projectName + ":" + key;
    }

    /**
     * Why the stack's config cannot hold the OAuth client secret, if it cannot: the one rule behind both the
     * program and {@code validate}.
     *
     * @param present whether the config has the key
     * @param secret  whether the config stores it encrypted
     */
    public static Optional<String> secretConfigProblem(String stack, OAuthClientSpec client, String fullKey, boolean present, boolean secret) {
        var setIt = "set it with: pulumi config set --secret " + client.clientSecretConfigKey() + " <client secret> --stack " + stack;
        if (!present) {
            return Optional.of("the config of stack '" + stack + "' has no " + fullKey
                    + ", which iap.oauthClient.clientSecretConfig in " + stackFile(stack) + " names; " + setIt);
        }
        if (!secret) {
            return Optional.of(fullKey + " is not stored as a secret in Pulumi." + stack
                    + ".yaml, so the OAuth client secret is readable by anyone with the repository; remove it and " + setIt);
        }
        return Optional.empty();
    }

    /**
     * Declares the resources of a validated stack and exports its services and access summary. The stack file's warnings
     * are its reader's, reported at their lines by whoever checked it ({@link #run}, {@code synth}, {@code validate}); the
     * components, which give the same warnings in the same words, do not repeat them.
     */
    public static void declare(Context ctx, StackSpec spec) {
        ComponentWarnings.reportedByCaller(() -> declareComponents(ctx, spec));
    }

    private static void declareComponents(Context ctx, StackSpec spec) {
        var setupArgs = IapProjectSetupArgs.builder().project(spec.project());
        spec.projectNumber().ifPresent(setupArgs::projectNumber);
        var setup = new IapProjectSetup(spec.project(), setupArgs.build(), null);

        // Read once: every Settings resource of the stack shares the one client secret.
        var clientSecret = spec.oauthClient().map(client -> ctx.config().requireSecret(client.clientSecretConfigKey()));
        var services = new TreeMap<String, Map<String, Output<String>>>();
        var access = new TreeMap<String, Object>();
        for (ServiceSpec service : spec.services()) {
            var component = new IapCloudRunService(service.name(), StackArgs.service(spec, service, setup.iapAgentMember()),
                    ComponentResourceOptions.builder().dependsOn(setup).build());
            service.accessors().ifPresent(accessors -> new IapAccessorBinding(service.name() + "-accessors",
                    StackArgs.accessors(spec.project(), spec.region(), service, component.serviceName()), ComponentResourceOptions.builder().dependsOn(component).build()));
            // One Output per value, so that a URI unknown before deployment leaves the other values readable.
            services.put(service.name(), Map.of("serviceName", component.serviceName(), "uri", component.uri(),
                    "runtimeIdentity", component.runtimeIdentity()));
            access.put(service.name(), AccessSummary.of(service));

            // Settings of a service without IAP would sign no one in, yet hold the client secret and own its IAP settings.
            spec.oauthClient().filter(client -> client.scope() == OAuthClientSpec.Scope.SERVICES && service.iap()).ifPresent(client ->
                    new IapOAuthClientSettings(service.name() + "-iap-settings", StackArgs.oauthClient(client, clientSecret.orElseThrow(), setup.projectNumber())
                            .region(spec.region()).serviceName(component.serviceName()).build(),
                            ComponentResourceOptions.builder().dependsOn(component).build()));
        }
        spec.oauthClient().filter(client -> client.scope() == OAuthClientSpec.Scope.PROJECT).ifPresent(client ->
                new IapOAuthClientSettings(spec.project() + "-iap-settings", StackArgs.oauthClient(client, clientSecret.orElseThrow(), setup.projectNumber()).build(),
                        ComponentResourceOptions.builder().dependsOn(setup).build()));

        ctx.export("project", Output.of(spec.project()));
        ctx.export("region", Output.of(spec.region()));
        ctx.export("services", Output.of(services));
        ctx.export("access", Output.of(access));
    }
}
