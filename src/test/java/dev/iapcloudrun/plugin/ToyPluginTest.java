package dev.iapcloudrun.plugin;

import dev.iapcloudrun.plugin.toy.Greeter;
import dev.iapcloudrun.plugin.toy.GreeterArgs;
import dev.iapcloudrun.plugin.toy.Note;
import dev.iapcloudrun.plugin.toy.ToyPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.iapcloudrun.plugin.PluginHarness.Construction.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plugin machinery on a toy component package, served from the test classes in a process of its own and called
 * as the Pulumi engine calls a component provider.
 */
class ToyPluginTest {

    private static PluginHarness plugin;

    @BeforeAll
    static void startThePlugin() throws Exception {
        plugin = PluginHarness.start(PluginHarness.fromTestClasses(ToyPlugin.class));
    }

    @AfterAll
    static void stopThePlugin() throws Exception {
        if (plugin != null) {
            plugin.close();
        }
    }

    /**
     * A plugin process of its own, for every Construct: after a failed Construct, SDK 1.36.1's process fails the next
     * ones it serves, and now and then it fails one that follows a successful one too (its per-thread deployment is
     * still the one before); the engine also gives each operation, preview or update, a process of its own.
     */
    private static PluginHarness freshPlugin() throws Exception {
        return PluginHarness.start(PluginHarness.fromTestClasses(ToyPlugin.class));
    }

    /** {@link #freshPlugin()} for a chain of calls, which cannot throw a checked exception. */
    private static PluginHarness servedAlone() {
        try {
            return freshPlugin();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSchemaHasTheComponentWithItsInputsAndOutputs() {
        var schema = plugin.schema();

        assertThat(schema.path("name").asText()).isEqualTo("iap-cloudrun");
        var greeter = schema.path("resources").path(Greeter.TYPE);
        assertThat(greeter.path("isComponent").asBoolean()).as(schema.toPrettyString()).isTrue();
        assertThat(greeter.path("inputProperties").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("name", "greeting", "times", "tags", "style", "language");
        assertThat(greeter.path("requiredInputs")).extracting(Object::toString).containsExactly("\"name\"");
        assertThat(greeter.path("inputProperties").path("times").path("type").asText()).isEqualTo("integer");
        assertThat(greeter.path("inputProperties").path("tags").path("items").path("type").asText()).isEqualTo("string");
        assertThat(greeter.path("inputProperties").path("style").path("$ref").asText()).isEqualTo("#/types/iap-cloudrun:index:Style");
        assertThat(greeter.path("properties").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("message", "inputsAtConstruction");
        assertThat(schema.path("types").path("iap-cloudrun:index:Style").path("properties").properties())
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrder("punctuation", "shout");
    }

    @Test
    void constructRegistersTheComponentAndItsChildWithTheInputs() {
        var construction = servedAlone().construct(Greeter.TYPE, "greet").closingThePlugin()
                .input("name", "Ada")
                .input("greeting", "Hi")
                .input("times", 2)
                .input("tags", List.of("a", "b"))
                .input("style", Map.of("punctuation", "?", "shout", true))
                .input("language", "de")
                .call();

        var response = construction.ok();
        assertThat(response.getUrn()).isEqualTo("urn:pulumi:dev::plugin-test::" + Greeter.TYPE + "::greet");
        assertThat(construction.registrations()).extracting(r -> r.getType() + " " + r.getName())
                .containsExactly(Greeter.TYPE + " greet", Note.TYPE + " greet-note");
        var note = construction.registered(Note.TYPE);
        assertThat(note.getParent()).isEqualTo(response.getUrn());
        assertThat(inputs(note).toString()).isEqualTo("{\"tags\":[\"a\",\"b\"],\"text\":\"HI, ADA? HI, ADA?\"}");
        assertThat(construction.state().path("message").asText()).isEqualTo("HI, ADA? HI, ADA?");
    }

    @Test
    void knownInputsAreCompleteWhenTheComponentIsConstructed() {
        var construction = servedAlone().construct(Greeter.TYPE, "known").closingThePlugin().input("name", "Ada").call();

        assertThat(construction.state().path("inputsAtConstruction").asText())
                .isEqualTo("name: known; greeting: known; times: known; tags: known; style: known");
        assertThat(inputs(construction.registered(Note.TYPE)).path("text").asText()).isEqualTo("Hello, Ada!");
    }

    @Test
    void aSecretInputStaysSecretInTheChildAndTheOutput() {
        var construction = servedAlone().construct(Greeter.TYPE, "secret").closingThePlugin()
                .input("name", "Ada")
                .input("greeting", PluginHarness.secret("Psst"))
                .call();

        assertThat(construction.state().path("inputsAtConstruction").asText()).contains("greeting: known secret");
        var text = construction.registered(Note.TYPE).getObject().getFieldsOrThrow("text");
        assertThat(inputs(construction.registered(Note.TYPE)).path("text").asText()).as(text.toString()).isEqualTo("[secret]");
        assertThat(text.toString()).contains("Psst, Ada!");
        assertThat(construction.state().path("message").asText()).isEqualTo("[secret]");
    }

    @Test
    void aPreviewWithAnUnknownInputConstructs() throws Exception {
        PluginHarness.Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(Greeter.TYPE, "preview")
                    .dryRun(true)
                    .input("name", "Ada")
                    .input("greeting", PluginHarness.unknown())
                    .call();
        }

        assertThat(construction.state().path("inputsAtConstruction").asText()).contains("greeting: unknown");
        assertThat(inputs(construction.registered(Note.TYPE)).path("text").asText()).isEqualTo("[unknown]");
    }

    @Test
    void aBadInputFailsConstructAndTheEngineLogGetsTheComponentsMessage() throws Exception {
        PluginHarness.Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(Greeter.TYPE, "bad").input("name", "Ada").input("language", "fr").call();
        }

        // The SDK answers with "Multiple exceptions occurred" alone; the component's message reaches the engine's log.
        assertThat(construction.failed().getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INTERNAL);
        assertThat(construction.logText()).contains("ERROR", "Greeter bad: language must be en or de, but 'fr' was provided");
        assertThat(construction.registrations()).filteredOn(r -> r.getType().equals(Note.TYPE)).isEmpty();
    }

    @Test
    void aMissingRequiredInputFailsConstruct() throws Exception {
        PluginHarness.Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(Greeter.TYPE, "nameless").call();
        }

        construction.failed();
        assertThat(construction.logText()).contains("ERROR", "Missing required field name in type " + GreeterArgs.class.getName());
    }

    /*
     * The engine sends Construct's inputs as output values (value, secret flag, dependencies) to a provider that
     * accepts them, and the SDK's provider says it does; a program in another language sends an Output that is
     * secret, unknown or depends on resources in that form. The plain forms above are what older engines send.
     * The tests below pin how SDK 1.36.1 reads output values, gaps included: when one fails, the SDK has changed.
     */

    @Test
    void anOutputValueWithDependenciesConstructsAndTheChildDependsOnThem() {
        var other = servedAlone().construct(Greeter.TYPE, "other").closingThePlugin().input("name", "Bob").call().ok().getUrn();
        var construction = servedAlone().construct(Greeter.TYPE, "depending").closingThePlugin()
                .input("name", "Ada")
                .input("greeting", PluginHarness.output("Hi", false, List.of(other)))
                .call();

        var note = construction.registered(Note.TYPE);
        assertThat(inputs(note).path("text").asText()).isEqualTo("Hi, Ada!");
        assertThat(note.getDependenciesList()).contains(other);
        assertThat(note.getPropertyDependenciesOrThrow("text").getUrnsList()).containsExactly(other);
    }

    @Test
    void aSecretOutputValueFailsToDeserializeInSdk1361() throws Exception {
        PluginHarness.Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(Greeter.TYPE, "secret-output")
                    .input("name", "Ada")
                    .input("greeting", PluginHarness.output("Psst", true, List.of()))
                    .call();
        }

        construction.failed();
        assertThat(construction.logText()).contains("Unsupported type for deserialization: OUTPUT to java.lang.String");
    }

    @Test
    void anUnknownOutputValueIsSeenAsAKnownNullInSdk1361() throws Exception {
        PluginHarness.Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(Greeter.TYPE, "unknown-output")
                    .dryRun(true)
                    .input("name", "Ada")
                    .input("greeting", PluginHarness.output(null, false, List.of()))
                    .call();
        }

        assertThat(construction.state().path("inputsAtConstruction").asText()).contains("greeting: known;");
        assertThat(inputs(construction.registered(Note.TYPE)).path("text").asText()).isEqualTo("null, Ada!");
    }

    @Test
    void aSecretInsideAListFailsToDeserializeInSdk1361() throws Exception {
        PluginHarness.Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(Greeter.TYPE, "secret-tag")
                    .input("name", "Ada")
                    .input("tags", List.of("public", PluginHarness.secret("private")))
                    .call();
        }

        construction.failed();
        assertThat(construction.logText()).contains("Unsupported type for deserialization: SECRET to java.lang.String");
    }

    @Test
    void theProviderAsksTheEngineForPlainValuesNotOutputValues() {
        var configured = plugin.configure();

        assertThat(configured.getAcceptOutputs()).as("output values SDK 1.36.1 cannot read (below)").isFalse();
        assertThat(configured.getAcceptSecrets()).as("the engine refuses to construct components without secrets").isTrue();
        assertThat(configured.getSupportsPreview()).isTrue();
    }

    @Test
    void aPluginThatCannotStartFailsTheTestWithWhatItSaid() {
        // Two addresses: the SDK's host prints why on stdout, where the engine expects the port, and exits.
        var command = new java.util.ArrayList<>(PluginHarness.fromTestClasses(ToyPlugin.class));
        command.add("127.0.0.1:1");

        assertThatThrownBy(() -> PluginHarness.start(command).close()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the plugin's first line is not a port")
                .hasMessageContaining("Expected exactly one engine address argument");
    }
}
