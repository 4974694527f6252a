package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.spec.Problem;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shape read is that of gcloud run services describe --format=json: the Cloud Run Admin API v1 Service, as Google's
 * "Cloud Run YAML reference" (cloud.google.com/run/docs/reference/yaml/v1) lists it: apiVersion serving.knative.dev/v1,
 * kind Service, metadata.name, metadata.namespace (PROJECT_NUMBER), metadata.labels['cloud.googleapis.com/location']
 * (REGION).
 */
class ServiceDescriptionTest {

    @Test
    void readsTheNameRegionAndProjectNumberOfTheSeedRecipesService() {
        var description = GcloudFiles.seedDescription();

        assertThat(description.name()).isEqualTo("team-wiki");
        assertThat(description.region()).isEqualTo("europe-west1");
        assertThat(description.projectNumber()).isEqualTo("318274650921");
    }

    @Test
    void malformedJsonIsRefusedAtItsLineAndColumn() {
        assertThatThrownBy(() -> ServiceDescription.parse("d.json", "{\n  \"apiVersion\": \"serving.knative.dev/v1\",\n  \"kind\" \"Service\"\n}"))
                .isInstanceOfSatisfying(GcloudInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).location().file()).isEqualTo("d.json");
                    assertThat(e.problems().get(0).location().line()).isEqualTo(3);
                    assertThat(e.problems().get(0).message()).startsWith("not valid JSON: ");
                });
    }

    @Test
    void failsWhenGivenAPolicyInsteadOfADescription() {
        assertThatThrownBy(() -> ServiceDescription.parse("p.json", GcloudFiles.text(GcloudFiles.SEED.resolve("team-wiki.iap-policy.json"))))
                .isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("p.json:1:1: found an IAM policy (bindings, etag), not a service description");
    }

    @Test
    void failsWhenGivenACloudRunJob() {
        // gcloud run jobs describe --format=json prints kind Job of run.googleapis.com/v1 (the same YAML reference, "job YAML").
        assertThatThrownBy(() -> ServiceDescription.parse("job.json", """
                {"apiVersion": "run.googleapis.com/v1", "kind": "Job", "metadata": {"name": "nightly", "namespace": "318274650921"}}"""))
                .isInstanceOf(GcloudInputException.class).hasMessageContaining("found Job of run.googleapis.com/v1")
                .hasMessageContaining("(this is a Cloud Run job)");
    }

    @Test
    void failsWhenGivenAnotherToolsShapeOfTheService() {
        // The Admin API v2 resource (what Terraform and the v2 REST API show) names the service by path and has no kind.
        assertThatThrownBy(() -> ServiceDescription.parse("v2.json", """
                {"name": "projects/acme-tools/locations/europe-west1/services/team-wiki", "template": {"containers": []}}"""))
                .isInstanceOf(GcloudInputException.class).hasMessageContaining("v2.json:1:1: found no apiVersion and kind");
    }

    @Test
    void failsWhenTheNamespaceIsAProjectIdRatherThanANumber() {
        assertThatThrownBy(() -> ServiceDescription.parse("d.json", """
                {"apiVersion": "serving.knative.dev/v1", "kind": "Service",
                 "metadata": {"name": "s", "namespace": "acme-tools", "labels": {"cloud.googleapis.com/location": "europe-west1"}}}"""))
                .isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("d.json:2:41: metadata.namespace: found 'acme-tools'; expected the project number");
    }

    @Test
    void namesTheServiceRegionAndProjectThatDoNotMatch() {
        var description = GcloudFiles.seedDescription();

        assertThat(description.mismatches("team-wiki", "europe-west1", Optional.of("318274650921"))).isEmpty();
        assertThat(description.mismatches("orders-api", "us-central1", Optional.of("905718264301"))).extracting(Problem::toString)
                .containsExactly(
                        "team-wiki.describe.json:21:13: metadata.name: found the service 'team-wiki'; expected 'orders-api': is this the description of another service?",
                        "team-wiki.describe.json:19:40: metadata.labels['cloud.googleapis.com/location']: found the region europe-west1; expected us-central1: is this a service of the same name in another region?",
                        "team-wiki.describe.json:22:18: metadata.namespace: found the project number 318274650921; expected 905718264301: is this a service of another project?");
    }
}
