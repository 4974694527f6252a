package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iapcloudrun.TestPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input the program sends must exist, with its shape, in the pulumi-gcp 9.37.0 input schema
 * (extracted from the provider's declarations by scripts/extract-gcp-schema.mjs), and every required
 * input must be there. This is what keeps hand-written bindings and the 7.0.0 classes honest.
 */
class ProviderSchemaConformanceTest {

    private static JsonNode schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (var in = ProviderSchemaConformanceTest.class.getResourceAsStream("/pulumi-gcp-schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
    }

    static List<String> violations(String type, JsonNode inputs) {
        var problems = new ArrayList<String>();
        var resource = schema.path("resources").path(type);
        if (resource.isMissingNode()) {
            problems.add(type + ": not a resource type of the schema");
            return problems;
        }
        checkObject(type, resource, inputs, problems);
        return problems;
    }

    private static void checkObject(String path, JsonNode objectSchema, JsonNode value, List<String> problems) {
        if (isMarker(value)) {
            return;
        }
        if (!value.isObject()) {
            problems.add(path + ": expected an object, found " + value);
            return;
        }
        var properties = objectSchema.path("properties");
        value.fieldNames().forEachRemaining(name -> {
            var property = properties.path(name);
            if (property.isMissingNode()) {
                problems.add(path + "." + name + ": no such input in pulumi-gcp 9.37.0");
            } else {
                checkValue(path + "." + name, property, value.get(name), problems);
            }
        });
        properties.fields().forEachRemaining(entry -> {
            if (entry.getValue().path("required").asBoolean() && !value.has(entry.getKey())) {
                problems.add(path + "." + entry.getKey() + ": required by pulumi-gcp 9.37.0 but missing");
            }
        });
    }

    private static void checkValue(String path, JsonNode property, JsonNode value, List<String> problems) {
        if (isMarker(value)) {
            return;
        }
        switch (property.path("kind").asText()) {
            case "object" -> checkObject(path, schema.path("types").path(property.path("ref").asText()), value, problems);
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected a map, found " + value);
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkValue(path + "[" + i + "]", property.path("items"), value.get(i), problems);
                }
            }
            default -> {
                if (!value.isValueNode()) {
                    problems.add(path + ": expected a single value, found " + value);
                }
            }
        }
    }

    private static boolean isMarker(JsonNode value) {
        return value.isTextual() && (value.asText().equals("[secret]") || value.asText().equals("[unknown]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyResourceOfEveryExampleStackConforms(String stack) throws IOException {
        var plan = TestPlans.bundled(stack).synth();
        var problems = new ArrayList<String>();
        plan.resources().stream().filter(Plan.PlannedResource::custom)
                .forEach(r -> problems.addAll(violations(r.type(), r.inputs())));
        assertThat(problems).isEmpty();
        assertThat(plan.invokes()).allSatisfy(i -> assertThat(schema.path("resources").has(i.token())).isTrue());
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
