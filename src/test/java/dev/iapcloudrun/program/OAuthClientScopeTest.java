package dev.iapcloudrun.program;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.synth.PlanJson;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class OAuthClientScopeTest {

    private static final String SECRET_KEY = "iap-cloudrun:iapOauthClientSecret";
    private static final String SECRET = "GOCSPX-scope-test-secret";

    private static String stack(String scope) {
        return """
                project: acme-portal-prod
                projectNumber: "905718264301"
                region: europe-west1
                iap:
                  audience: no-organization
                  oauthClient:
                    clientId: 905718264301-abc.apps.googleusercontent.com
                    clientSecretConfig: iapOauthClientSecret
                    scope: %s
                services:
                  - name: portal
                    image: europe-docker.pkg.dev/acme/apps/portal:1.0
                  - name: reports
                    image: europe-docker.pkg.dev/acme/apps/reports:1.0
                """.formatted(scope);
    }

    @Test
    void projectScopeSetsTheClientOnceForTheProject() {
        var plan = TestPlans.runStack(stack("project"), Map.of(SECRET_KEY, SECRET), Set.of(SECRET_KEY));
        assertThat(plan.ofType("gcp:iap/settings:Settings")).singleElement()
                .satisfies(s -> assertThat(text(s, "name")).isEqualTo("projects/905718264301/iap_web"));
        assertThat(PlanJson.write(plan)).doesNotContain(SECRET);
    }

    @Test
    void servicesScopeSetsTheClientOnEachServiceOfTheStack() {
        var plan = TestPlans.runStack(stack("services"), Map.of(SECRET_KEY, SECRET), Set.of(SECRET_KEY));
        assertThat(plan.ofType("gcp:iap/settings:Settings")).extracting(s -> text(s, "name")).containsExactlyInAnyOrder(
                "projects/905718264301/iap_web/cloud_run-europe-west1/services/portal",
                "projects/905718264301/iap_web/cloud_run-europe-west1/services/reports");
        assertThat(plan.ofType("gcp:iap/settings:Settings")).allSatisfy(s ->
                assertThat(text(s, "accessSettings.oauthSettings.clientSecret")).isEqualTo("[secret]"));
        assertThat(PlanJson.write(plan)).doesNotContain(SECRET);
    }

    @Test
    void servicesScopeLeavesServicesWithoutIapWithoutSettingsOrSecret() {
        var yaml = stack("services").replace("""
                  - name: reports
                    image: europe-docker.pkg.dev/acme/apps/reports:1.0
                """, """
                  - name: reports
                    image: europe-docker.pkg.dev/acme/apps/reports:1.0
                    iap: false
                """);
        var plan = TestPlans.runStack(yaml, Map.of(SECRET_KEY, SECRET), Set.of(SECRET_KEY));
        assertThat(plan.ofType("gcp:iap/settings:Settings")).extracting(s -> text(s, "name")).containsExactly(
                "projects/905718264301/iap_web/cloud_run-europe-west1/services/portal");
        assertThat(plan.ofType(dev.iapcloudrun.components.IapOAuthClientSettings.TYPE)).extracting(r -> r.name())
                .containsExactly("portal-iap-settings");
    }
}
