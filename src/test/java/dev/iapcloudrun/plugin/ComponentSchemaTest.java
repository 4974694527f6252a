package dev.iapcloudrun.plugin;

import dev.iapcloudrun.plugin.toy.ToyPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The schemas of the component packages against their checked-in files (see {@link ComponentSchema}). Rewrite them on
 * purpose with {@code ./mvnw -B test -Dtest=ComponentSchemaTest -Dschema.update=true}.
 */
class ComponentSchemaTest {

    private static final boolean UPDATE = Boolean.getBoolean("schema.update");

    private static final Package TOY = ToyPlugin.class.getPackage();
    private static final Path TOY_SCHEMA = Path.of("src/test/resources/plugin/toy-schema.json");

    /** The project's schema, at the repository's root: what {@code pulumi package add} gives other languages. */
    static final Path SCHEMA = Path.of("schema.json");

    @Test
    void theComponentsSchemaMatchesSchemaJson() throws IOException {
        ComponentSchema.problem(ComponentPlugin.components(), SCHEMA, UPDATE).ifPresent(problem -> fail(problem));
    }

    @Test
    void schemaJsonListsEveryComponentWithTypedInputsRequiredOnesAndOutputs() throws IOException {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SCHEMA.toFile());
        var resources = schema.path("resources");
        assertThat(schema.path("name").asText()).isEqualTo("iap-cloudrun");
        assertThat(iterable(resources.fieldNames())).containsExactlyInAnyOrder("iap-cloudrun:index:IapCloudRunService",
                "iap-cloudrun:index:IapAccessorBinding", "iap-cloudrun:index:IapOAuthClientSettings", "iap-cloudrun:index:IapProjectSetup");
        resources.fields().forEachRemaining(r -> {
            assertThat(r.getValue().path("isComponent").asBoolean()).as(r.getKey()).isTrue();
            r.getValue().path("inputProperties").fields().forEachRemaining(p -> assertThat(p.getValue().has("type") || p.getValue().has("$ref"))
                    .as(r.getKey() + "." + p.getKey() + " has a type").isTrue());
        });
        var service = resources.path("iap-cloudrun:index:IapCloudRunService");
        assertThat(iterable(service.path("requiredInputs").elements()).stream().map(n -> n.asText()))
                .containsExactlyInAnyOrder("project", "region", "image");
        assertThat(service.path("inputProperties").path("minInstances").path("type").asText()).isEqualTo("integer");
        assertThat(service.path("inputProperties").path("iap").path("type").asText()).isEqualTo("boolean");
        assertThat(service.path("inputProperties").path("env").path("items").path("$ref").asText())
                .isEqualTo("#/types/iap-cloudrun:index:EnvVar");
        assertThat(iterable(service.path("properties").fieldNames()))
                .containsExactlyInAnyOrder("serviceName", "uri", "runtimeIdentity", "runtimeMember");
        assertThat(iterable(resources.path("iap-cloudrun:index:IapAccessorBinding").path("requiredInputs").elements())
                .stream().map(n -> n.asText())).contains("mode", "members");
        assertThat(iterable(resources.path("iap-cloudrun:index:IapProjectSetup").path("properties").fieldNames()))
                .containsExactlyInAnyOrder("projectNumber", "iapAgentMember");
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> items) {
        var list = new java.util.ArrayList<T>();
        items.forEachRemaining(list::add);
        return list;
    }

    @Test
    void theToySchemaMatchesItsCheckedInFile() throws IOException {
        ComponentSchema.problem(TOY, TOY_SCHEMA, UPDATE).ifPresent(problem -> fail(problem));
    }

    @Test
    void theCheckedInSchemaIsWhatThePluginServes() throws Exception {
        try (var plugin = PluginHarness.start(PluginHarness.fromTestClasses(ToyPlugin.class))) {
            assertThat(plugin.schema()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(TOY_SCHEMA.toFile()));
        }
    }

    @Test
    void aMissingSchemaAsksForTheOneCommandThatWritesIt(@TempDir Path dir) throws IOException {
        var file = dir.resolve("schema.json");

        assertThat(ComponentSchema.problem(TOY, file, false)).hasValue("the components of dev.iapcloudrun.plugin.toy have "
                + "no checked-in schema: run ./mvnw -B test -Dtest=ComponentSchemaTest -Dschema.update=true and review the new file " + file);

        assertThat(ComponentSchema.problem(TOY, file, true)).isEmpty();
        assertThat(file).content().contains("\"iap-cloudrun:index:Greeter\"");
        assertThat(ComponentSchema.problem(TOY, file, false)).isEmpty();
    }

    @Test
    void aChangedSchemaNamesTheFirstDifferenceAndTheCommandInOneLine(@TempDir Path dir) throws IOException {
        var file = dir.resolve("schema.json");
        ComponentSchema.problem(TOY, file, true);
        Files.writeString(file, Files.readString(file).replace("\"punctuation\"", "\"punctuationMark\""));

        assertThat(ComponentSchema.problem(TOY, file, false)).hasValueSatisfying(problem -> assertThat(problem)
                .doesNotContain("\n").startsWith("the schema of dev.iapcloudrun.plugin.toy differs from " + file + " from line ")
                .contains("\"punctuationMark\"").contains("\"punctuation\"")
                .endsWith("if the change is intended, run ./mvnw -B test -Dtest=ComponentSchemaTest -Dschema.update=true and review the diff"));
    }
}
