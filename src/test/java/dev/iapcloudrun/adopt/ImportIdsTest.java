package dev.iapcloudrun.adopt;

import org.junit.jupiter.api.Test;
import dev.iapcloudrun.provider.gcp.GcpTypes;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import ID formats, as the "Import" sections of the @pulumi/gcp 9.37.0 declarations give them. */
class ImportIdsTest {

    private static final Map<String, String> SERVICE = Map.of("project", "acme-shop-prod", "location", "europe-west1", "name", "storefront");

    @Test
    void aServiceIsImportedByItsFullPath() {
        assertThat(ImportIds.of(GcpTypes.RUN_SERVICE, SERVICE)).hasValue("projects/acme-shop-prod/locations/europe-west1/services/storefront");
    }

    @Test
    void anInvokerGrantIsTheServicesPathItsRoleAndItsMemberSpaceSeparated() {
        var inputs = new java.util.HashMap<>(SERVICE);
        inputs.putAll(Map.of("role", "roles/run.invoker", "member", "serviceAccount:checkout@acme-shop-prod.iam.gserviceaccount.com"));
        assertThat(ImportIds.of(GcpTypes.RUN_SERVICE_IAM_MEMBER, inputs)).hasValue("projects/acme-shop-prod/locations/europe-west1/services/storefront "
                + "roles/run.invoker serviceAccount:checkout@acme-shop-prod.iam.gserviceaccount.com");
    }

    @Test
    void anIapBindingIsTheIapResourceAndItsRole() {
        var inputs = Map.of("project", "acme-shop-prod", "location", "europe-west1", "cloudRunServiceName", "storefront",
                "role", "roles/iap.httpsResourceAccessor");
        assertThat(ImportIds.of(GcpTypes.IAP_WEB_RUN_IAM_BINDING, inputs))
                .hasValue("projects/acme-shop-prod/iap_web/cloud_run-europe-west1/services/storefront roles/iap.httpsResourceAccessor");
    }

    @Test
    void aConditionalIapMemberCarriesTheConditionsTitleLast() {
        var inputs = Map.of("project", "acme-shop-prod", "location", "europe-west1", "cloudRunServiceName", "reports",
                "role", "roles/iap.httpsResourceAccessor", "member", "group:auditors@acme.example", "condition.title", "audit-2027");
        assertThat(ImportIds.of(GcpTypes.IAP_WEB_RUN_IAM_MEMBER, inputs)).hasValue("projects/acme-shop-prod/iap_web/cloud_run-europe-west1/services/reports "
                + "roles/iap.httpsResourceAccessor group:auditors@acme.example audit-2027");
    }

    @Test
    void anAccountIsImportedByTheEmailItsIdGives() {
        assertThat(ImportIds.of(GcpTypes.SERVICE_ACCOUNT, Map.of("project", "acme-shop-prod", "accountId", "run-storefront")))
                .hasValue("projects/acme-shop-prod/serviceAccounts/run-storefront@acme-shop-prod.iam.gserviceaccount.com");
    }

    @Test
    void aTypeThatIsNeverAdoptedHasNoImportId() {
        assertThat(ImportIds.of("gcp:projects/service:Service", Map.of("project", "p", "service", "run.googleapis.com"))).isEmpty();
    }

    @Test
    void failsWhenAnInputTheIdNamesIsMissing() {
        assertThatThrownBy(() -> ImportIds.of(GcpTypes.RUN_SERVICE, Map.of("project", "p", "name", "s")))
                .hasMessageContaining("'location'");
    }
}
