package dev.iapcloudrun.plugin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar started as the Java language host starts a plugin (PulumiPlugin.yaml): it serves the provider. */
class ComponentPluginIT {

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
