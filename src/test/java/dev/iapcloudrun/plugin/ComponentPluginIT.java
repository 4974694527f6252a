package dev.iapcloudrun.plugin;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin started as the Java language host starts it, from the repository: it serves the components. */
class ComponentPluginIT {

    @Test
    void thePluginAsPulumiPluginYamlNamesItServesTheComponentsSchema() throws Exception {
        // Maven compiles (already up to date here) and starts the plugin: slower than the jar, hence the longer deadline.
        try (var plugin = PluginHarness.start(PluginHarness.fromPulumiPluginYaml(Path.of("")), Duration.ofMinutes(3))) {
            assertThat(plugin.port()).isPositive();
            assertThat(plugin.schema()).as(plugin.describe())
                    .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ComponentSchemaTest.SCHEMA.toFile()));
            assertThat(plugin.configure().getAcceptOutputs()).isFalse();
        }
    }

    @Test
    void theJarStartedWithTheEnginesAddressAndLoggingFlagsServesTheProvider() throws Exception {
        var command = new ArrayList<>(PluginHarness.fromPackagedJar());
        command.addAll(List.of("--logtostderr", "-v=9", "--tracing", "file:/dev/null"));
        try (var plugin = PluginHarness.start(command)) {
            assertThat(plugin.port()).isPositive();
            assertThat(plugin.getPluginInfo().getVersion()).as(plugin.describe()).isNotEmpty();
        }
    }
}
