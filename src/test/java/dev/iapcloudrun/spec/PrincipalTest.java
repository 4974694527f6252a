package dev.iapcloudrun.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "user:ada@example.com", "group:ops-team@example.com", "serviceAccount:ci@acme-prod.iam.gserviceaccount.com",
            "domain:example.com", "principal://iam.googleapis.com/locations/global/workforcePools/p/subject/ada",
            "principalSet://iam.googleapis.com/locations/global/workforcePools/p/group/admins"})
    void acceptsEveryDocumentedPrincipalKind(String principal) {
        assertThat(Principal.problem(principal)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"allUsers", "allAuthenticatedUsers"})
    void refusesPublicPrincipals(String principal) {
        assertThat(Principal.problem(principal)).hasValueSatisfying(m -> assertThat(m).contains("public principal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "user:ada", "group:@example.com", "domain:Example..com", "team:ops@example.com", "principal://"})
    void refusesMalformedPrincipals(String principal) {
        assertThat(Principal.problem(principal)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"serviceAccount:service-905718264301@gcp-sa-iap.iam.gserviceaccount.com",
            "serviceAccount:service-1234567@GCP-SA-IAP.iam.gserviceaccount.com", "user:agent@gcp-sa-iap.iam.gserviceaccount.com",
            "domain:gcp-sa-iap.iam.gserviceaccount.com"})
    void refusesIapServiceAgentsOfAnyProject(String principal) {
        assertThat(Principal.problem(principal)).hasValueSatisfying(m -> assertThat(m).contains("an IAP service agent")
                .contains("another project's agent must never be granted"));
    }
}
