package dev.iapcloudrun.program;

import dev.iapcloudrun.StackChecks;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.components.Sha256;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.StructJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled stacks are the documentation: every stack of the project must synthesize, the same way every time, and
 * deploy what its stack file declares ({@link StackChecks}); the bundled ones also show what they are there to show.
 */
class ExampleStacksTest {

    private static final Path ROOT = Path.of("");
    private static final String PLAIN_SECRET = "GOCSPX-example-plain-secret-4711";

    static Stream<String> stacks() throws IOException {
        return StackChecks.stacks(ROOT).stream();
    }

    static Plan synth(String stack) {
        return TestPlans.bundled(stack).synth();
    }

    @Test
    void bundlesTheThreeEnvironments() throws IOException {
        assertThat(stacks()).contains("dev", "staging", "prod");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyStackSynthesizesTheSameBytesAndDeploysWhatItsStackFileDeclares(String stack) throws IOException {
        StackChecks.assertNone(StackChecks.problems(ROOT, stack));
    }

    @Test
    void keepsTheBundledServicesBehindIapWithTheInvokerCheckOn() throws IOException {
        for (var stack : List.of("dev", "staging", "prod")) {
            assertThat(synth(stack).ofType("gcp:cloudrunv2/service:Service")).isNotEmpty().allSatisfy(service -> {
                assertThat(service.inputs().path("iapEnabled").asBoolean()).as(service.name()).isTrue();
                assertThat(service.inputs().path("invokerIamDisabled").asBoolean(true)).as(service.name()).isFalse();
            });
        }
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
