package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iapcloudrun.StackChecks;
import dev.iapcloudrun.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input the program sends must exist, with its shape, in the pulumi-gcp 9.37.0 input schema
 * ({@link ProviderSchema}), and every required input must be there, for every stack of the project, the ones a team
 * adds included. This is what keeps hand-written bindings and the 7.0.0 classes honest.
 */
class ProviderSchemaConformanceTest {

    static List<String> violations(String type, JsonNode inputs) {
        return ProviderSchema.violations(type, inputs);
    }

    static List<String> stacks() throws IOException {
        return StackChecks.stacks(Path.of(""));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyResourceOfEveryStackOfTheProjectConforms(String stack) throws IOException {
        StackChecks.assertNone(StackChecks.providerSchemaProblems(Path.of(""), stack));
    }

    @Test
    void catchesAMisspeltInput() throws IOException {
        var inputs = (ObjectNode) new ObjectMapper().readTree("""
                {"name": "orders", "location": "europe-west1", "iapEnabeld": true,
                 "template": {"containers": [{"image": "x", "ports": [{"containerPort": 8080}]}]}}""");
        assertThat(violations("gcp:cloudrunv2/service:Service", inputs)).containsExactlyInAnyOrder(
                "gcp:cloudrunv2/service:Service.iapEnabeld: no such input in pulumi-gcp 9.37.0",
                "gcp:cloudrunv2/service:Service.template.containers[0].ports: expected an object, found [{\"containerPort\":8080}]");
    }

    @Test
    void catchesAMissingRequiredInput() throws IOException {
        var inputs = new ObjectMapper().readTree("""
                {"cloudRunServiceName": "orders", "role": "roles/iap.httpsResourceAccessor"}""");
        assertThat(violations("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding", inputs))
                .containsExactly("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding.members: required by pulumi-gcp 9.37.0 but missing");
    }

    /** A binding with one wire name misspelt, as a hand-written binding could be. */
    static final class MisspeltMemberArgs extends com.pulumi.resources.ResourceArgs {
        @com.pulumi.core.annotations.Import(name = "cloudRunServiceName", required = true)
        private final com.pulumi.core.Output<String> cloudRunServiceName = com.pulumi.core.Output.of("orders");
        @com.pulumi.core.annotations.Import(name = "role", required = true)
        private final com.pulumi.core.Output<String> role = com.pulumi.core.Output.of("roles/iap.httpsResourceAccessor");
        @com.pulumi.core.annotations.Import(name = "memebr", required = true)
        private final com.pulumi.core.Output<String> member = com.pulumi.core.Output.of("user:ada@example.com");
    }

    static final class MisspeltMember extends com.pulumi.resources.CustomResource {
        MisspeltMember(String name) {
            super("gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember", name, new MisspeltMemberArgs(),
                    dev.iapcloudrun.provider.gcp.GcpProvider.withVersion(null));
        }
    }

    @Test
    void catchesAMisspeltWireNameInABindingClass() {
        var plan = TestPlans.run(ctx -> new MisspeltMember("orders-ada"));

        var member = plan.resources().stream().filter(Plan.PlannedResource::custom).findFirst().orElseThrow();

        assertThat(violations(member.type(), member.inputs())).containsExactlyInAnyOrder(
                "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember.memebr: no such input in pulumi-gcp 9.37.0",
                "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember.member: required by pulumi-gcp 9.37.0 but missing");
    }
}
