package dev.iapcloudrun.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import dev.iapcloudrun.FakePulumiEngine;
import dev.iapcloudrun.Processes;
import dev.iapcloudrun.synth.StructJson;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.EngineOuterClass;
import pulumirpc.Provider;
import pulumirpc.Resource;
import pulumirpc.ResourceProviderGrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A component plugin under test, run as the Pulumi CLI runs one: a separate JVM started with an engine's address as
 * its one argument, which prints its port, and is then called over gRPC. The engine is a {@link FakePulumiEngine} on
 * loopback, which records what the components register and log. Each harness serves one plugin process; close it.
 *
 * <pre>{@code
 * try (var plugin = PluginHarness.start(PluginHarness.fromTestClasses(ToyPlugin.class))) {
 *     var schema = plugin.schema();
 *     var greeter = plugin.construct("iap-cloudrun:index:Greeter", "greet").input("name", "Ada").call();
 *     greeter.ok();  // fails with the engine's log and the plugin's stderr unless Construct succeeded
 *     greeter.registered("toy:index:Note") ...
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {

    public static final String PROJECT = "plugin-test";
    public static final String STACK = "dev";

    /** How long a plugin process may live: its start, and every call a test makes. */
    public static final Duration PROCESS_DEADLINE = Duration.ofMinutes(2);
    /** How long one gRPC call may take. */
    public static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    private final FakePulumiEngine engine;
    private final Processes.Running process;
    private final int port;
    private final ManagedChannel channel;
    private final ResourceProviderGrpc.ResourceProviderBlockingStub provider;

    private PluginHarness(FakePulumiEngine engine, Processes.Running process, int port) {
        this.engine = engine;
        this.process = process;
        this.port = port;
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        this.provider = ResourceProviderGrpc.newBlockingStub(channel);
    }

    /** {@code java -cp <the tests' classpath> mainClass}: a plugin served from the test classes, such as a toy. */
    public static List<String> fromTestClasses(Class<?> mainClass) {
        return List.of(java(), "-cp", System.getProperty("java.class.path"), mainClass.getName());
    }

    /** {@code java -jar target/iap-cloudrun.jar}: the plugin as the Java language host starts it (integration tests). */
    public static List<String> fromPackagedJar() {
        return List.of(java(), "-jar", Path.of("target/iap-cloudrun.jar").toAbsolutePath().toString());
    }

    /**
     * The command the Java language host runs for the plugin that {@code PulumiPlugin.yaml} describes, with the engine's
     * address as the program's one argument: {@code java -jar BINARY ADDRESS} when it names a jar, else Maven's
     * {@code compile exec:java}, the program's arguments in {@code exec.args} and Maven's log on stderr, since the engine
     * reads the port from stdout.
     */
    public static java.util.function.Function<String, List<String>> fromPulumiPluginYaml(Path root) throws IOException {
        var options = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(root.resolve("PulumiPlugin.yaml").toFile())
                .path("runtime").path("options");
        var binary = options.path("binary").asText();
        if (binary.endsWith(".jar")) {
            return address -> List.of(java(), "-jar", root.resolve(binary).toAbsolutePath().toString(), address);
        }
        var maven = root.resolve(options.path("use-executor").asText("./mvnw")).toAbsolutePath().toString();
        return address -> List.of(maven, "-f", root.resolve("pom.xml").toAbsolutePath().toString(),
                "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "--batch-mode",
                "compile", "exec:java", "-Dexec.args=" + address);
    }

    /** Starts the engine, then {@code command} with the engine's address, and reads the plugin's port. */
    public static PluginHarness start(List<String> command) throws IOException, InterruptedException {
        return start(command, PROCESS_DEADLINE);
    }

    /**
     * As {@link #start(List)}, the process stopped at {@code deadline} at the latest. A plugin that exits or prints
     * nothing fails the test with its stderr.
     */
    public static PluginHarness start(List<String> command, Duration deadline) throws IOException, InterruptedException {
        return start(address -> {
            var withAddress = new ArrayList<>(command);
            withAddress.add(address);
            return withAddress;
        }, deadline);
    }

    /** As {@link #start(List, Duration)}, for a command that takes the engine's address in a form of its own. */
    public static PluginHarness start(java.util.function.Function<String, List<String>> command, Duration deadline)
            throws IOException, InterruptedException {
        var engine = new FakePulumiEngine(PROJECT, STACK);
        Processes.Running process = null;
        try {
            var builder = new ProcessBuilder(command.apply(engine.address()));
            builder.environment().keySet().removeIf(name -> name.startsWith("PULUMI_"));
            process = Processes.start(builder, deadline);
            var line = process.firstLine().strip();
            if (!line.matches("[0-9]{1,5}")) {
                throw new AssertionError("the plugin's first line is not a port: '" + line + "'\n" + process.describe());
            }
            return new PluginHarness(engine, process, Integer.parseInt(line));
        } catch (RuntimeException | Error | IOException | InterruptedException e) {
            if (process != null) {
                process.close();
            }
            engine.close();
            throw e;
        }
    }

    public FakePulumiEngine engine() {
        return engine;
    }

    public int port() {
        return port;
    }

    /** What the plugin printed on stderr so far. */
    public String stderr() {
        return process.stderr();
    }

    /** The plugin process, its state and what it said, for assertion messages. */
    public String describe() {
        return "plugin on port " + port + ", " + process.describe() + "\n--- engine log:\n" + engine.logText();
    }

    public Provider.GetSchemaResponse getSchema() {
        return call(() -> provider().getSchema(Provider.GetSchemaRequest.newBuilder().setVersion(0).build()));
    }

    /** The schema the plugin serves, parsed. */
    public JsonNode schema() {
        try {
            return new ObjectMapper().readTree(getSchema().getSchema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the provider answers the engine's Configure with: which value forms the engine may send it. */
    public Provider.ConfigureResponse configure() {
        return call(() -> provider().configure(Provider.ConfigureRequest.newBuilder().setAcceptSecrets(true)
                .setAcceptResources(true).build()));
    }

    public pulumirpc.Plugin.PluginInfo getPluginInfo() {
        return call(() -> provider().getPluginInfo(Empty.getDefaultInstance()));
    }

    /** A Construct request for a component of type {@code type} named {@code name}, to fill in and {@link Construct#call()}. */
    public Construct construct(String type, String name) {
        return new Construct(type, name);
    }

    private ResourceProviderGrpc.ResourceProviderBlockingStub provider() {
        return provider.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new AssertionError("the plugin failed: " + e.getStatus() + "\n" + describe(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        process.close();
        engine.close();
    }

    /** A Construct request being filled in: as the engine sends it for a component in a program of the test stack. */
    public final class Construct {

        private final Provider.ConstructRequest.Builder request;
        private final Map<String, Value> inputs = new LinkedHashMap<>();
        private boolean closeThePlugin;

        private Construct(String type, String name) {
            this.request = Provider.ConstructRequest.newBuilder()
                    .setProject(PROJECT)
                    .setStack(STACK)
                    .setParent(engine.stackUrn())
                    .setMonitorEndpoint(engine.address())
                    .setType(type)
                    .setName(name)
                    .setDryRun(false);
        }

        /** An input in wire form: {@link #value(Object)}, {@link #secret(Object)}, {@link #unknown()}. */
        public Construct input(String key, Value value) {
            inputs.put(key, value);
            return this;
        }

        /** An input from a plain Java value; see {@link #value(Object)}. */
        public Construct input(String key, Object value) {
            return input(key, PluginHarness.value(value));
        }

        /** A preview ({@code pulumi preview}) rather than an update. */
        public Construct dryRun(boolean dryRun) {
            request.setDryRun(dryRun);
            return this;
        }

        /** Anything else of the request, such as config or options. */
        public Construct with(java.util.function.Consumer<Provider.ConstructRequest.Builder> change) {
            change.accept(request);
            return this;
        }

        /** Stops the plugin and its engine once the call is answered: for a plugin started for this one Construct. */
        public Construct closingThePlugin() {
            closeThePlugin = true;
            return this;
        }

        /** Sends the request; a failure is returned, not thrown, with what the engine recorded during the call. */
        public Construction call() {
            var registrationsBefore = engine.registrations.size();
            var outputsBefore = engine.outputs.size();
            var logsBefore = engine.logs.size();
            var sent = request.setInputs(Struct.newBuilder().putAllFields(inputs)).build();
            Provider.ConstructResponse response = null;
            StatusRuntimeException failure = null;
            try {
                response = provider().construct(sent);
            } catch (StatusRuntimeException e) {
                failure = e;
                awaitErrorLog(logsBefore);
            }
            java.util.function.Supplier<String> plugin = PluginHarness.this::describe;
            if (closeThePlugin) {
                var described = describe();
                plugin = () -> described;
                try {
                    close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Construction(sent, Optional.ofNullable(response), Optional.ofNullable(failure),
                    List.copyOf(engine.registrations.subList(registrationsBefore, engine.registrations.size())),
                    List.copyOf(engine.outputs.subList(outputsBefore, engine.outputs.size())),
                    List.copyOf(engine.logs.subList(logsBefore, engine.logs.size())), plugin);
        }
    }

    /**
     * The SDK answers a failed Construct with "Multiple exceptions occurred" alone, and sends the component's message
     * to the engine's log; the log call may land just after the answer.
     */
    private void awaitErrorLog(int logsBefore) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (List.copyOf(engine.logs).stream().skip(logsBefore)
                    .anyMatch(log -> log.getSeverity() == EngineOuterClass.LogSeverity.ERROR)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A Construct call and what the engine saw during it: the component's own registration, its children's, the
     * outputs it registered, and its log.
     */
    public record Construction(Provider.ConstructRequest request, Optional<Provider.ConstructResponse> response,
                               Optional<StatusRuntimeException> failure, List<Resource.RegisterResourceRequest> registrations,
                               List<Resource.RegisterResourceOutputsRequest> registeredOutputs,
                               List<EngineOuterClass.LogRequest> logs, java.util.function.Supplier<String> plugin) {

        /** The response; a failed call fails the test with the plugin's stderr and the engine's log. */
        public Provider.ConstructResponse ok() {
            if (failure.isPresent()) {
                throw new AssertionError("Construct of " + request.getType() + " " + request.getName() + " failed: "
                        + failure.get().getStatus() + "\n" + plugin.get(), failure.get());
            }
            return response.orElseThrow();
        }

        /** The failure; a call that succeeded fails the test. */
        public StatusRuntimeException failed() {
            return failure.orElseThrow(() -> new AssertionError("Construct of " + request.getType() + " " + request.getName()
                    + " succeeded: " + response.orElseThrow() + "\n" + plugin.get()));
        }

        /** The response's state (the component's outputs) as plan JSON: secrets as "[secret]", unknowns as "[unknown]". */
        public ObjectNode state() {
            return StructJson.object(ok().getState());
        }

        /** The one registration of a resource of {@code type}. */
        public Resource.RegisterResourceRequest registered(String type) {
            var found = registrations.stream().filter(r -> r.getType().equals(type)).toList();
            if (found.size() != 1) {
                throw new AssertionError(found.size() + " registrations of " + type + " among "
                        + registrations.stream().map(r -> r.getType() + " " + r.getName()).toList());
            }
            return found.get(0);
        }

        /** A registration's inputs as plan JSON. */
        public static ObjectNode inputs(Resource.RegisterResourceRequest registration) {
            return StructJson.object(registration.getObject());
        }

        /** The log's messages, one a line, each after its severity. */
        public String logText() {
            return String.join("\n", logs.stream().map(l -> l.getSeverity() + " " + l.getMessage()).toList());
        }
    }

    /**
     * A plain Java value in Pulumi's wire form: null, String, Number, Boolean, a List or a Map with String keys of
     * such values, or a {@link Value} as it is.
     */
    public static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Value wire) {
            return wire;
        }
        if (value instanceof String text) {
            return Value.newBuilder().setStringValue(text).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof List<?> list) {
            var items = ListValue.newBuilder();
            list.forEach(item -> items.addValues(value(item)));
            return Value.newBuilder().setListValue(items).build();
        }
        if (value instanceof Map<?, ?> map) {
            var fields = Struct.newBuilder();
            map.forEach((key, item) -> fields.putFields((String) key, value(item)));
            return Value.newBuilder().setStructValue(fields).build();
        }
        throw new IllegalArgumentException("no wire form for " + value.getClass().getName());
    }

    /** A secret in wire form: the engine's secret signature around the value. */
    public static Value secret(Object value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(Constants.SpecialSigKey, value(Constants.SpecialSecretSig))
                .putFields(Constants.SecretValueName, value(value))).build();
    }

    /**
     * An output value in wire form, as the engine sends inputs to a provider that accepts outputs (the SDK's component
     * provider says it does): {@code value} null for one not known yet, with its secret flag and the URNs of the
     * resources it depends on.
     */
    public static Value output(Object value, boolean secret, List<String> dependencies) {
        var fields = Struct.newBuilder()
                .putFields(Constants.SpecialSigKey, value(Constants.SpecialOutputSig))
                .putFields(Constants.SecretName, value(secret))
                .putFields(Constants.DependenciesName, value(dependencies));
        if (value != null) {
            fields.putFields(Constants.SecretValueName, value(value));
        }
        return Value.newBuilder().setStructValue(fields).build();
    }

    /** A value not known until the update, as the engine sends it in a preview. */
    public static Value unknown() {
        return value(Constants.UnknownValue);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
