package dev.iapcloudrun.program;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.components.Sha256;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.StructJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled stacks are the documentation: every one of them must synthesize, the same way every time. */
class ExampleStacksTest {

    private static final Path ROOT = Path.of("");
    private static final String PLAIN_SECRET = "GOCSPX-example-plain-secret-4711";

    static Stream<String> stacks() throws IOException {
        try (var files = Files.list(ROOT.resolve("stacks"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    static Plan synth(String stack) {
        return TestPlans.bundled(stack).synth();
    }

    @Test
    void bundlesTheThreeEnvironments() throws IOException {
        assertThat(stacks()).contains("dev", "staging", "prod");
        assertThat(stacks()).allSatisfy(stack -> assertThat(ROOT.resolve("Pulumi." + stack + ".yaml")).exists());
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void synthesizesTheSameBytesOnEveryRun(String stack) throws IOException {
        var first = PlanJson.write(synth(stack));
        var second = PlanJson.write(synth(stack));
        assertThat(first).isEqualTo(second);
        assertThat(first).contains("\"stack\": \"" + stack + "\"");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void keepsEveryServiceBehindIapWithTheInvokerCheckOn(String stack) throws IOException {
        var plan = synth(stack);
        var services = plan.ofType("gcp:cloudrunv2/service:Service");
        assertThat(services).isNotEmpty().allSatisfy(service -> {
            assertThat(service.inputs().path("iapEnabled").asBoolean()).isTrue();
            assertThat(service.inputs().path("invokerIamDisabled").asBoolean(true)).isFalse();
        });
        var agentGrants = plan.ofType("gcp:cloudrunv2/serviceIamMember:ServiceIamMember").stream()
                .filter(r -> r.name().endsWith("-invoker-iap-agent")).toList();
        assertThat(agentGrants).hasSameSizeAs(services);
        assertThat(PlanJson.write(plan)).doesNotContain("allUsers").doesNotContain("allAuthenticatedUsers");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void asksForProviderVersion9370AndParentsEveryResource(String stack) throws IOException {
        var plan = synth(stack);
        assertThat(plan.resources()).filteredOn(Plan.PlannedResource::custom).allSatisfy(r -> {
            assertThat(r.version()).isEqualTo(GcpProvider.VERSION);
            assertThat(r.parent()).doesNotEndWith("pulumi:pulumi:Stack::iap-cloudrun-" + stack);
        });
        assertThat(plan.resources()).extracting(Plan.PlannedResource::urn).isSorted();
    }

    @Test
    void prodUsesAnExternalOAuthClientWithAuthoritativeConditionalAccess() throws IOException {
        var plan = synth("prod");
        var settings = plan.ofType("gcp:iap/settings:Settings");
        assertThat(settings).singleElement().satisfies(s -> {
            assertThat(StructJson.isSecret(s.inputs().at("/accessSettings/oauthSettings/clientSecret"))).isTrue();
            assertThat(s.inputs().path("name").asText()).isEqualTo("projects/905718264301/iap_web");
        });
        var bindings = plan.ofType("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding");
        assertThat(bindings).isNotEmpty();
        assertThat(bindings).filteredOn(b -> b.inputs().has("condition")).hasSize(1);
        assertThat(plan.ofType("gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember")).isEmpty();
        assertThat(plan.ofType("gcp:cloudrunv2/service:Service")).allSatisfy(s -> {
            assertThat(s.inputs().path("deletionProtection").asBoolean()).isTrue();
            assertThat(s.inputs().at("/template/containers/0/image").asText()).contains("@sha256:");
        });
    }

    @Test
    void devGrantsAdditiveAccessOnly() throws IOException {
        var plan = synth("dev");
        assertThat(plan.ofType("gcp:cloudrunv2/service:Service")).hasSize(2);
        assertThat(plan.ofType("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding")).isEmpty();
        assertThat(plan.ofType("gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember")).isNotEmpty();
    }

    @Test
    void neverWritesTheOAuthSecretIntoThePlan() throws IOException {
        // The real secret, as `pulumi up` would have it after decrypting the stack's config.
        var plan = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", PLAIN_SECRET)).synth();
        assertThat(PlanJson.write(plan)).doesNotContain(PLAIN_SECRET).contains("\"clientSecret\": \"[secret]\"");
    }

    @Test
    void marksTheStoredSecretWithAFingerprintOfItsCiphertextAlone() {
        var ciphertext = TestPlans.bundled("prod").config().get("iap-cloudrun:iapOauthClientSecret");
        var fingerprint = Sha256.hex(ciphertext).substring(0, 16);

        var stored = synth("prod").ofType("gcp:iap/settings:Settings").get(0);
        assertThat(stored.inputs().at("/accessSettings/oauthSettings/clientSecret").asText()).isEqualTo("[secret " + fingerprint + "]");

        var decrypted = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", PLAIN_SECRET)).synth()
                .ofType("gcp:iap/settings:Settings").get(0);
        assertThat(decrypted.inputs().at("/accessSettings/oauthSettings/clientSecret").asText())
                .as("nothing is derived from a secret that is not the stored ciphertext").isEqualTo("[secret]");
    }

    @Test
    void exportsEveryServiceOfTheStack() throws IOException {
        var plan = synth("staging");
        assertThat(List.copyOf(iterable(plan.outputs().path("services").fieldNames())))
                .containsExactly("admin-console", "orders-api");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        var list = new java.util.ArrayList<T>();
        it.forEachRemaining(list::add);
        return list;
    }
}
