package dev.iapcloudrun.program;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code adopt} imports and what it still creates, read from the plan of a stack file. */
class AdoptionTest {

    private static final String STACK = """
            project: acme-shop-prod
            projectNumber: "731205994118"
            region: europe-west1
            adopt: true
            services:
              - name: storefront
                image: europe-west1-docker.pkg.dev/acme-shop-prod/apps/storefront:1.0
                secrets:
                  SESSION_KEY: {secret: session-key}
                runtimeRoles: [roles/cloudtrace.agent]
                accessors:
                  mode: authoritative
                  members: [group:shop-staff@acme.example]
                  condition:
                    title: office-hours
                    expression: request.time.getHours("Europe/Berlin") < 20
              - name: reports
                image: europe-west1-docker.pkg.dev/acme-shop-prod/apps/reports:1.0
                serviceAccount: reports-runner@acme-shop-prod.iam.gserviceaccount.com
            """;

    /** Each custom resource's import ID by type and name, empty when it is created. */
    private static Map<String, String> importIds(Plan plan) {
        var ids = new TreeMap<String, String>();
        TestPlans.custom(plan).forEach(r -> ids.put(r.type() + " " + r.name(), r.importId()));
        return ids;
    }

    @Test
    void adoptsTheServiceItsGrantsAndItsOwnAccountButCreatesTheGrantsOfItsIdentity() {
        var ids = importIds(TestPlans.runStack(STACK));

        assertThat(ids).containsEntry("gcp:serviceaccount/account:Account storefront-runtime",
                        "projects/acme-shop-prod/serviceAccounts/run-storefront@acme-shop-prod.iam.gserviceaccount.com")
                .containsEntry("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding storefront-accessors",
                        "projects/acme-shop-prod/iap_web/cloud_run-europe-west1/services/storefront roles/iap.httpsResourceAccessor office-hours")
                .containsEntry("gcp:secretmanager/secretIamMember:SecretIamMember storefront-secret-session-key", "")
                .containsEntry("gcp:projects/iAMMember:IAMMember storefront-role-cloudtrace.agent", "");
    }

    @Test
    void aServiceRunningAsANamedAccountHasNoIdentityToAdopt() {
        var ids = importIds(TestPlans.runStack(STACK));

        assertThat(ids).doesNotContainKey("gcp:serviceaccount/account:Account reports-runtime")
                .containsEntry("gcp:cloudrunv2/service:Service reports", "projects/acme-shop-prod/locations/europe-west1/services/reports");
    }

    @Test
    void aServicesOwnAdoptFalseWinsOverTheStacks() {
        var ids = importIds(TestPlans.runStack(STACK.replace("    serviceAccount:", "    adopt: false\n    serviceAccount:")));

        assertThat(ids).containsEntry("gcp:cloudrunv2/service:Service reports", "")
                .containsEntry("gcp:cloudrunv2/serviceIamMember:ServiceIamMember reports-invoker-iap-agent", "")
                .containsEntry("gcp:cloudrunv2/service:Service storefront", "projects/acme-shop-prod/locations/europe-west1/services/storefront");
    }

    @Test
    void aStackWithoutAdoptSendsNoImportId() {
        var ids = importIds(TestPlans.runStack(STACK.replace("adopt: true\n", "")));

        assertThat(ids.values()).containsOnly("");
    }
}
