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
