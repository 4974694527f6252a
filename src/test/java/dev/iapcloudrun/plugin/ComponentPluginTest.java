package dev.iapcloudrun.plugin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which starts of the jar are the language host starting the plugin, and which are the command line. */
class ComponentPluginTest {

    static List<List<String>> pluginStarts() {
        return List.of(
                List.of("127.0.0.1:43215"),
                List.of("localhost:1234"),
                List.of("[::1]:5000"),
                List.of("[fe80::1%eth0]:5000"),
                List.of("engine.internal:65535"),
                // The flags the Pulumi CLI adds with --logtostderr, -v, --tracing and --logflow, in any order.
                List.of("--logtostderr", "-v=9", "127.0.0.1:43215"),
                List.of("127.0.0.1:43215", "--logflow"),
                List.of("--tracing", "file:/tmp/trace.json", "127.0.0.1:43215"),
                List.of("--logtostderr", "-v=3", "--tracing", "http://127.0.0.1:9411/api/v1/spans", "--logflow", "localhost:1234"));
    }

    static List<List<String>> commandLines() {
        return List.of(
                List.of(),
                List.of("synth", "--stack", "dev"),
                List.of("synth", "--stack=dev", "--out", "dev.json"),
                List.of("validate"),
                List.of("validate", "--stack", "prod", "--strict"),
                List.of("diff", "base.json", "head.json"),
                List.of("diff", "--base", "origin/main"),
                List.of("access"),
                List.of("new-stack", "qa", "--project", "acme-portal-qa", "--region", "europe-west1"),
                List.of("bench"),
                List.of("completion"),
                List.of("help", "synth"),
                List.of("--help"),
                List.of("-h"),
                List.of("--version"),
                List.of("-C", "/tmp/project", "validate"),
                // Nearly an engine address, but not one.
                List.of("valdate"),
                List.of("localhost"),
                List.of("localhost:"),
                List.of(":1234"),
                List.of("localhost:0"),
                List.of("localhost:65536"),
                List.of("localhost:12x"),
                List.of("::1:5000"),
                List.of("http://localhost:1234"),
                List.of("-localhost:1234"),
                // Two addresses, or an address with a command, are not what the host starts a plugin with.
                List.of("127.0.0.1:1", "127.0.0.1:2"),
                List.of("validate", "127.0.0.1:43215"),
                List.of("--logtostderr"),
                // --tracing takes the next argument as its value, as in the SDK's host.
                List.of("--tracing", "127.0.0.1:43215"));
    }

    @ParameterizedTest
    @MethodSource("pluginStarts")
    void theLanguageHostsStartIsAPluginInvocation(List<String> args) {
        assertThat(ComponentPlugin.isPluginInvocation(args)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void aCommandLineIsNot(List<String> args) {
        assertThat(ComponentPlugin.isPluginInvocation(args)).isFalse();
    }
}
