package dev.iapcloudrun.program;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Google's recipe "Configure IAP for Cloud Run", written as a stack file. */
class DocumentedRecipeTest {

    private static final String RECIPE = """
            project: my-project
            projectNumber: "123456789012"
            region: europe-west1
            services:
              - name: cloudrun-iap-service
                image: us-docker.pkg.dev/cloudrun/container/hello
                ingress: all
                accessors:
                  mode: authoritative
                  members:
                    - user:alex@example.com
                    - group:support@example.com
            """;

    @Test
    void givesTheResourcesOfTheDocumentedRecipe() {
        Plan plan = TestPlans.runStack(RECIPE);

        var service = plan.named("gcp:cloudrunv2/service:Service", "cloudrun-iap-service");
        assertThat(text(service, "name")).isEqualTo("cloudrun-iap-service");
        assertThat(text(service, "location")).isEqualTo("europe-west1");
        assertThat(text(service, "iapEnabled")).isEqualTo("true");
        assertThat(text(service, "ingress")).isEqualTo("INGRESS_TRAFFIC_ALL");
        assertThat(text(service, "template.containers.0.image")).isEqualTo("us-docker.pkg.dev/cloudrun/container/hello");

        var invoker = plan.named("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "cloudrun-iap-service-invoker-iap-agent");
        assertThat(text(invoker, "role")).isEqualTo("roles/run.invoker");
        assertThat(text(invoker, "member")).isEqualTo("serviceAccount:service-123456789012@gcp-sa-iap.iam.gserviceaccount.com");

        var binding = plan.named("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding", "cloudrun-iap-service-accessors");
        assertThat(text(binding, "role")).isEqualTo("roles/iap.httpsResourceAccessor");
        assertThat(text(binding, "cloudRunServiceName")).isEqualTo("cloudrun-iap-service");
        assertThat(text(binding, "members")).isEqualTo("[\"group:support@example.com\",\"user:alex@example.com\"]");

        assertThat(plan.ofType("gcp:projects/service:Service")).extracting(r -> text(r, "service"))
                .containsExactlyInAnyOrder("run.googleapis.com", "iap.googleapis.com");
        assertThat(plan.ofType("gcp:projects/serviceIdentity:ServiceIdentity")).hasSize(1);
        assertThat(TestPlans.custom(plan)).hasSize(7);
    }

    @Test
    void servicesWaitForTheApisAndTheIapAgent() {
        Plan plan = TestPlans.runStack(RECIPE);
        var service = plan.named("gcp:cloudrunv2/service:Service", "cloudrun-iap-service");
        assertThat(service.dependsOn()).anySatisfy(urn -> assertThat(urn).endsWith("::my-project-run-api"));
        var invoker = plan.named("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "cloudrun-iap-service-invoker-iap-agent");
        assertThat(invoker.dependsOn()).anySatisfy(urn -> assertThat(urn).endsWith("::my-project-iap-agent"));
    }

    @Test
    void looksUpTheProjectNumberWhenTheStackDoesNotDeclareIt() {
        Plan plan = TestPlans.runStack(RECIPE.replace("projectNumber: \"123456789012\"\n", ""));
        var invoker = plan.named("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "cloudrun-iap-service-invoker-iap-agent");
        assertThat(text(invoker, "member")).as("known only once the project is looked up").isEqualTo("[unknown]");
    }

    @Test
    void exportsEachServiceAndTheAccessSummary() {
        Plan plan = TestPlans.runStack(RECIPE);
        var outputs = plan.outputs();
        assertThat(outputs.at("/services/cloudrun-iap-service/serviceName").asText()).isEqualTo("cloudrun-iap-service");
        assertThat(outputs.at("/services/cloudrun-iap-service/uri").asText()).isEqualTo("[unknown]");
        assertThat(outputs.at("/services/cloudrun-iap-service/runtimeIdentity").asText())
                .isEqualTo("run-cloudrun-iap-service@my-project.iam.gserviceaccount.com");
        assertThat(outputs.at("/access/cloudrun-iap-service/accessorMode").asText()).isEqualTo("authoritative");
        assertThat(outputs.at("/access/cloudrun-iap-service/accessors").toString())
                .isEqualTo("[\"group:support@example.com\",\"user:alex@example.com\"]");
    }
}
