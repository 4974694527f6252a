package dev.iapcloudrun.plugin;

import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.ComponentProviderHost;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.ResourceProviderService;
import com.pulumi.provider.internal.models.ConfigureRequest;
import com.pulumi.provider.internal.models.ConfigureResponse;
import dev.iapcloudrun.Main;
import dev.iapcloudrun.components.IapCloudRunService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The components as a Pulumi plugin, for programs in other languages: {@code pulumi package add} starts it through
 * the Java language host ({@code PulumiPlugin.yaml}), reads its schema and generates a typed SDK, and every
 * {@code new IapCloudRunService(...)} in such a program becomes a Construct call served here.
 *
 * <p>The language host starts the plugin with the engine's address as its one argument, after logging flags the
 * Pulumi CLI may add. The shaded jar's {@link Main} hands such a start over to {@link #serve(String[])}; see
 * {@link #isPluginInvocation(List)}.
 */
public final class ComponentPlugin {

    /** The package's name: the schema's {@code name} and the first part of every type token. */
    public static final String NAME = "iap-cloudrun";

    private ComponentPlugin() {}

    /**
     * The package whose components are served. The SDK serves every {@code ComponentResource} of this package, and
     * constructs one by its simple name in this package.
     */
    public static Package components() {
        return IapCloudRunService.class.getPackage();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        serve(args);
    }

    /** Serves this project's components; see {@link #serve(Package, String[])}. */
    public static void serve(String[] args) throws IOException, InterruptedException {
        serve(components(), args);
    }

    /**
     * Serves the components of {@code components} as package {@link #NAME}: prints the port of the provider's gRPC
     * server as the only line on stdout, and blocks until the process is stopped. {@code args} are the language
     * host's: the engine's address, perhaps with logging flags.
     */
    public static void serve(Package components, String[] args) throws IOException, InterruptedException {
        // Construct runs each component in the SDK's deployment, which polls on the common pool as a program does.
        Main.useAPooledAsyncExecutor();
        var address = engineAddress(List.of(args));
        if (address.isEmpty()) {
            // The SDK's host says what is wrong with the arguments, where the engine looks for the port, and exits.
            new ComponentProviderHost(NAME, components).start(args);
            return;
        }
        // Construct logs through the engine at the address it is given: a proxy that cuts secrets from every message.
        try (var engine = new WithholdingEngineProxy(address.get())) {
            new ResourceProviderService(engine.address(), new PlainValuesProvider(components)).startAndBlockUntilShutdown();
        }
    }

    /**
     * The SDK's component provider, telling the engine in Configure that it takes no output values. The engine then
     * sends Construct's inputs in the plain forms (a secret as a secret, an unknown as the unknown marker), which the
     * SDK reads. SDK 1.36.1's provider says it accepts output values but cannot read a secret or unknown one: a secret
     * OAuth client secret failed to deserialize, and an unknown input in a preview reached the component as a known
     * null. The engine keeps output values only for providers that accept them (its Construct marshals inputs with
     * KeepOutputValues set to the provider's acceptOutputs).
     */
    static final class PlainValuesProvider extends ComponentProvider {

        PlainValuesProvider(Package components) {
            super(new Metadata(NAME), components);
        }

        @Override
        public CompletableFuture<ConfigureResponse> configure(ConfigureRequest request) {
            // The SDK's order: acceptSecrets, supportsPreview, acceptResources, acceptOutputs.
            return CompletableFuture.completedFuture(new ConfigureResponse(true, true, true, false));
        }
    }

    /**
     * Whether the arguments are those the Java language host starts a plugin with: once the flags the SDK's host
     * drops are dropped ({@code --logtostderr}, {@code -v=N}, {@code --tracing VALUE}, {@code --logflow}), exactly
     * one argument, an engine address {@code host:port}. No command of the command line looks like that, as
     * commands are words and options start with a dash.
     */
    public static boolean isPluginInvocation(List<String> args) {
        return engineAddress(args).isPresent();
    }

    /** The engine's address among the language host's arguments, if they are a plugin's; see {@link #isPluginInvocation}. */
    static Optional<String> engineAddress(List<String> args) {
        var left = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--tracing")) {
                i++;
            } else if (!arg.equals("--logtostderr") && !arg.startsWith("-v=") && !arg.equals("--logflow")) {
                left.add(arg);
            }
        }
        return left.size() == 1 && isEngineAddress(left.get(0)) ? Optional.of(left.get(0)) : Optional.empty();
    }

    /** A host name or IPv4 address, or an IPv6 address in brackets, then a port. */
    private static final Pattern ENGINE_ADDRESS = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+(?:%[A-Za-z0-9._-]+)?]):([0-9]{1,5})");

    static boolean isEngineAddress(String arg) {
        var matcher = ENGINE_ADDRESS.matcher(arg);
        if (!matcher.matches()) {
            return false;
        }
        int port = Integer.parseInt(matcher.group(1));
        return port > 0 && port <= 65_535;
    }
}
