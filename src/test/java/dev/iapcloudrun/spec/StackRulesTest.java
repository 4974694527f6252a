package dev.iapcloudrun.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StackRulesTest {

    private static final String DIGEST = "@sha256:" + "0b1c2d3e".repeat(8);

    /** A valid stack of one service; {@code %s} takes extra top-level lines, {@code %%s} extra service lines. */
    private static String stack(String topLevel, String serviceLines) {
        return """
                project: acme-demo
                region: europe-west1
                %s
                services:
                  - name: hello
                    image: europe-west1-docker.pkg.dev/acme-demo/apps/hello%s
                %s
                """.formatted(topLevel, serviceLines.contains("image-tag") ? ":1.2" : DIGEST, serviceLines.replace("image-tag\n", "").indent(4));
    }

    private static StackCheck check(String text, Optional<StackSpec> base) {
        return StackFileReader.check("stacks/demo.yaml", text, StackFileReader.Defaults.NONE, base);
    }

    private static final String AUTHORITATIVE = "accessors:\n  mode: authoritative\n  members: [group:team@acme.example]\n";
    private static final String ADDITIVE = AUTHORITATIVE.replace("authoritative", "additive");

    @Test
    void aPinnedProtectedAuthoritativeServiceHasNoWarnings() {
        var check = check(stack("", AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void warnsAboutAnImageReferencedByTagWhereItStands() {
        assertThat(check(stack("", "image-tag\n" + AUTHORITATIVE), Optional.empty()).warnings()).singleElement()
                .hasToString("stacks/demo.yaml:6:12: services[0].image: the image of 'hello' is referenced by the tag '1.2', not by "
                        + "a digest; a tag can point at another image after review; expected IMAGE@sha256:DIGEST [image-not-pinned]");
    }

    @Test
    void saysThatAnImageWithoutATagMeansLatest() {
        var text = stack("", AUTHORITATIVE).replaceFirst("image: .*", "image: localhost:5000/cloudrun/container/hello");
        assertThat(check(text, Optional.empty()).warnings()).singleElement().asString()
                .contains("the image of 'hello' has neither a tag nor a digest, which means the tag :latest;").doesNotContain("5000");
    }

    @Test
    void warnsAboutDeletionProtectionOff() {
        assertThat(check(stack("", "deletionProtection: false\n" + AUTHORITATIVE), Optional.empty()).warnings())
                .extracting(Problem::path).containsExactly("services[0].deletionProtection");
    }

    @Test
    void warnsThatAnAdoptedAuthoritativeBindingLeavesOnlyItsMembersAndNotForAdditiveOnes() {
        var top = "projectNumber: \"123456789012\"\nadopt: true";
        assertThat(check(stack(top, AUTHORITATIVE), Optional.empty()).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].accessors.mode");
            assertThat(w.message()).contains("'hello' is adopted with authoritative accessors", "leaves exactly the 1 listed members",
                    "removing everyone else the live policy holds").endsWith("[adopted-authoritative-accessors]");
        });
        assertThat(check(stack(top, ADDITIVE), Optional.empty()).warnings()).isEmpty();
        assertThat(check(stack(top, "adopt: false\n" + AUTHORITATIVE), Optional.empty()).warnings()).isEmpty();
    }

    @Test
    void policyTurnsTheWarningIntoAnError() {
        var check = check(stack("policy:\n  requireDeletionProtection: true", "deletionProtection: false\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.warnings()).isEmpty();
        assertThat(check.errors()).singleElement().satisfies(e -> assertThat(e.message()).endsWith("(required by policy.requireDeletionProtection)"));
        assertThat(check.spec()).isEmpty();
    }

    @Test
    void warnsAboutABreakglassJustificationEveryTimeItIsPresent() {
        var breakglass = "binaryAuthorization:\n  policy: default\n  breakglassJustification: INC-4711 hotfix\n";
        var base = check(stack("", breakglass + AUTHORITATIVE), Optional.empty()).spec();

        for (var check : java.util.List.of(check(stack("", breakglass + AUTHORITATIVE), Optional.empty()),
                check(stack("", breakglass + AUTHORITATIVE), base),
                check(stack("policy:\n  requireBinaryAuthorization: true", breakglass + AUTHORITATIVE), Optional.empty()))) {
            assertThat(check.errors()).isEmpty();
            assertThat(check.warnings()).singleElement().satisfies(w -> {
                assertThat(w.path()).isEqualTo("services[0].binaryAuthorization.breakglassJustification");
                assertThat(w.message()).contains("\"INC-4711 hotfix\"").endsWith("[breakglass]");
            });
        }
    }

    @Test
    void aServiceWithoutBinaryAuthorizationIsAnErrorOnlyWherePolicyRequiresIt() {
        assertThat(check(stack("", AUTHORITATIVE), Optional.empty()).warnings()).as("deploying without it is a choice").isEmpty();

        var check = check(stack("policy:\n  requireBinaryAuthorization: true", AUTHORITATIVE), Optional.empty());

        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("services[0].binaryAuthorization");
            assertThat(e.message()).endsWith("(required by policy.requireBinaryAuthorization)");
        });
        assertThat(check(stack("policy:\n  requireBinaryAuthorization: true", "binaryAuthorization: {policy: strict-images}\n"
                + AUTHORITATIVE), Optional.empty()).errors()).isEmpty();
    }

    @Test
    void warnsWhenAuthoritativeAccessorsTurnAdditiveSinceTheBase() {
        var base = check(stack("", AUTHORITATIVE), Optional.empty()).spec();

        var check = check(stack("", ADDITIVE), base);

        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].accessors.mode");
            assertThat(w.message()).endsWith("[accessors-turned-additive]");
        });
        assertThat(check(stack("", ADDITIVE), Optional.empty()).warnings()).as("additive access alone is a legitimate choice").isEmpty();
    }

    @Test
    void warnsThatConditionalAuthoritativeAccessorsDoNotKeepThePolicysPromise() {
        var conditioned = AUTHORITATIVE + "  condition:\n    title: until-2027\n    expression: request.time < timestamp(\"2027-01-01T00:00:00Z\")\n";
        var strict = "policy:\n  requireAuthoritativeAccessors: true";

        var check = check(stack(strict, conditioned), Optional.empty());

        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].accessors.condition");
            assertThat(w.message()).startsWith("the accessors of 'hello' are authoritative for the condition 'until-2027' only")
                    .contains("without it, made outside the stack, survives").endsWith("[conditional-authoritative-accessors]");
        });
        assertThat(check(stack("", conditioned), Optional.empty()).warnings()).as("without the policy, nothing was promised").isEmpty();
        assertThat(check(stack(strict, AUTHORITATIVE), Optional.empty()).warnings()).isEmpty();
    }

    @Test
    void warnsAboutAPrincipalOutsideTheOrganizationInAnInternalStack() {
        var text = stack("iap:\n  organizationDomains: [acme.example]",
                "accessors:\n  mode: additive\n  members: [group:team@acme.example, user:lena@gmail.com, serviceAccount:ci@x.iam.gserviceaccount.com]\n");

        assertThat(check(text, Optional.empty()).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].accessors.members[1]");
            assertThat(w.message()).startsWith("'user:lena@gmail.com' is outside the organization's domains (acme.example)").endsWith("[external-principal]");
        });
    }

    @Test
    void warnsAboutARegionCloudRunIsNotKnownToRunIn() {
        var text = stack("", AUTHORITATIVE).replace("region: europe-west1", "region: europe-west99");
        assertThat(check(text, Optional.empty()).warnings()).singleElement().satisfies(w -> assertThat(w.message()).endsWith("[unknown-region]"));
    }

    @Test
    void suggestsTheKnownRegionClosestToAMisspeltOne() {
        var text = stack("", AUTHORITATIVE).replace("region: europe-west1", "region: us-centrall1");
        assertThat(check(text, Optional.empty()).warnings()).singleElement().hasToString("stacks/demo.yaml:2:9: region: the region "
                + "\"us-centrall1\" is not one this tool knows Cloud Run to run in; did you mean 'us-central1'? check the name (Cloud Run "
                + "locations: https://cloud.google.com/run/docs/locations) [unknown-region]");
    }

    private static final String DEFAULT_ACCOUNT = "serviceAccount: 905718264301-compute@developer.gserviceaccount.com\n";

    @Test
    void failsWhenAServiceRunsAsTheDefaultComputeServiceAccount() {
        var check = check(stack("", DEFAULT_ACCOUNT + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("services[0].serviceAccount");
            assertThat(e.message()).startsWith("found the project's default service account \"905718264301-compute@developer.gserviceaccount.com\"")
                    .contains("Editor role on the project").contains("policy.allowDefaultServiceAccounts: true");
        });
    }

    @Test
    void failsWhenAServiceRunsAsTheAppEngineDefaultServiceAccount() {
        var check = check(stack("", "serviceAccount: acme-demo@appspot.gserviceaccount.com\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("found the project's default service account"));
    }

    @Test
    void warnsAboutTheDefaultServiceAccountWhereThePolicyAllowsIt() {
        var check = check(stack("policy:\n  allowDefaultServiceAccounts: true", DEFAULT_ACCOUNT + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].serviceAccount");
            assertThat(w.message()).contains("Editor role on the project").endsWith("[default-service-account]");
        });
    }

    @Test
    void warnsOfEveryAdminRoleThePolicyAllowsAndRefusesItWithoutThePolicy() {
        var roles = "runtimeRoles: [roles/cloudtrace.agent, roles/storage.admin, roles/pubsub.admin]\n";
        var allowed = check(stack("policy:\n  allowAdminRoles: true", roles + AUTHORITATIVE), Optional.empty());
        assertThat(allowed.errors()).isEmpty();
        assertThat(allowed.warnings()).extracting(w -> w.path()).containsExactly("services[0].runtimeRoles[1]", "services[0].runtimeRoles[2]");
        assertThat(allowed.warnings()).allSatisfy(w -> assertThat(w.message()).contains("as policy.allowAdminRoles allows")
                .endsWith("[admin-runtime-role]"));

        assertThat(check(stack("", roles + AUTHORITATIVE), Optional.empty()).errors()).extracting(e -> e.path())
                .containsExactly("services[0].runtimeRoles[1]", "services[0].runtimeRoles[2]");
    }

    @Test
    void refusesAnIamAdminRoleEvenWhereThePolicyAllowsAdminRoles() {
        var check = check(stack("policy:\n  allowAdminRoles: true", "runtimeRoles: [roles/iam.roleAdmin]\n" + AUTHORITATIVE),
                Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).startsWith("found \"roles/iam.roleAdmin\", which administers IAM"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/owner", "roles/editor", "roles/viewer", "roles/iam.securityAdmin", "roles/iam.roleAdmin",
            "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountKeyAdmin", "roles/iam.workloadIdentityPoolAdmin",
            "roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator", "roles/iam.serviceAccountOpenIdTokenCreator",
            "roles/iam.workloadIdentityUser", "roles/resourcemanager.projectIamAdmin", "roles/resourcemanager.folderAdmin",
            "roles/resourcemanager.organizationAdmin", "roles/secretmanager.admin", "roles/iap.admin", "roles/iap.settingsAdmin",
            "roles/run.admin", "roles/cloudbuild.builds.editor", "roles/cloudbuild.builds.builder", "roles/deploymentmanager.editor",
            "roles/cloudbuild.serviceAgent", "roles/run.serviceAgent", "roles/aiplatform.customCodeServiceAgent",
            "roles/run.invoker", "roles/run.servicesInvoker", "roles/iap.httpsResourceAccessor", "roles/secretmanager.secretAccessor"})
    void refusesARoleThatHandsOverTheProjectWhateverThePolicy(String role) {
        var check = check(stack("policy:\n  allowAdminRoles: true", "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("services[0].runtimeRoles[0]");
            assertThat(e.message()).startsWith("found ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/iap.admin", "roles/iap.settingsAdmin", "roles/run.admin", "roles/run.developer"})
    void refusesARoleThatAdministersAccessToTheServiceSayingWhy(String role) {
        var check = check(stack("policy:\n  allowAdminRoles: true", "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("found \"" + role + "\", which administers who reaches the service").contains("open itself to anyone"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "roles/run.invoker | calls every Cloud Run service of the project that IAP does not guard | invokers of each service "
                    + "without IAP it calls, and in the accessors of each service behind IAP",
            "roles/run.servicesInvoker | calls every Cloud Run service of the project that IAP does not guard | invokers of each "
                    + "service without IAP it calls, and in the accessors of each service behind IAP",
            "roles/iap.httpsResourceAccessor | passes IAP in front of every IAP-protected resource | accessors of each service it calls",
            "roles/secretmanager.secretAccessor | reads every secret of the project, other services' among them "
                    + "| in its secrets or volumes.secrets, each granted on that secret alone"})
    void refusesAProjectWideFormOfAnAccessTheStackGrantsPerResourceSayingWhatToUseInstead(String role, String why, String instead) {
        var check = check(stack("policy:\n  allowAdminRoles: true", "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("found \"" + role + "\", which grants on the whole project what this stack grants one resource at a time")
                .contains(why).contains(instead));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/cloudbuild.builds.editor", "roles/cloudbuild.builds.builder", "roles/deploymentmanager.editor"})
    void refusesARoleThatRunsWorkAsAMorePrivilegedGoogleAccountSayingWhy(String role) {
        var check = check(stack("policy:\n  allowAdminRoles: true", "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("found \"" + role + "\", which runs work as a more privileged Google-managed account"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/cloudbuild.serviceAgent", "roles/run.serviceAgent", "roles/compute.serviceAgent",
            "roles/aiplatform.customCodeServiceAgent"})
    void refusesAServiceAgentRoleWhateverThePolicySayingWhy(String role) {
        var check = check(stack("policy:\n  allowAdminRoles: true", "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("found the service agent role \"" + role + "\", which is meant only for Google's own service agents"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/storage.admin", "roles/compute.securityAdmin", "roles/orgpolicy.policyAdmin",
            "roles/cloudsql.admin", "roles/pubsub.admin"})
    void refusesAnAdminRoleOfAnyCaseWithoutThePolicyAndWarnsOfItWithThePolicy(String role) {
        var roles = "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE;
        assertThat(check(stack("", roles), Optional.empty()).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("found the admin role \"" + role + "\""));

        var allowed = check(stack("policy:\n  allowAdminRoles: true", roles), Optional.empty());
        assertThat(allowed.errors()).isEmpty();
        assertThat(allowed.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("holds the admin role " + role + ", as policy.allowAdminRoles allows").endsWith("[admin-runtime-role]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/cloudtrace.agent", "roles/monitoring.metricWriter", "roles/cloudsql.client",
            "roles/storage.objectViewer", "roles/cloudbuild.builds.viewer", "roles/iam.securityReviewer",
            "roles/logging.logWriter", "roles/run.viewer", "organizations/123456789/roles/traceWriter"})
    void acceptsARoleThatDoesTheServicesOwnWork(String role) {
        var check = check(stack("", "runtimeRoles: [" + role + "]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin", "/boot", "/etc", "/home", "/lib", "/lib64", "/opt", "/root", "/run", "/sbin", "/srv", "/tmp",
            "/usr", "/var", "/app", "/workspace"})
    void refusesASecretFileStraightInATopLevelDirectoryOfTheImage(String directory) {
        var check = check(stack("", "volumes:\n  secrets:\n    " + directory + "/key.pem: {secret: hello-key}\n" + AUTHORITATIVE),
                Optional.empty());
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("services[0].volumes.secrets." + directory + "/key.pem");
            assertThat(e.message()).isEqualTo("found \"" + directory + "/key.pem\": Cloud Run would mount the directory " + directory
                    + " for it, hiding what the image has there; expected a file in a directory of its own, such as /etc/secrets/key.pem");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/secrets/key.pem", "/var/run/hello/key.pem", "/app/secrets/config.json", "/srv/hello/key.pem",
            "/secrets/key.pem", "/etcetera/key.pem"})
    void acceptsASecretFileInADirectoryOfItsOwn(String path) {
        var check = check(stack("", "volumes:\n  secrets:\n    " + path + ": {secret: hello-key}\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).isEmpty();
    }

    @Test
    void warnsThatACustomRolesPermissionsAreNotChecked() {
        var check = check(stack("", "runtimeRoles: [projects/acme-demo/roles/traceWriter]\n" + AUTHORITATIVE), Optional.empty());
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].runtimeRoles[0]");
            assertThat(w.message()).contains("whose permissions this tool cannot see").endsWith("[custom-runtime-role]");
        });
    }

    @Test
    void warnsThatInvokersDoNotReachAServiceBehindIap() {
        var invokers = "invokers: [serviceAccount:billing@acme-demo.iam.gserviceaccount.com]\n";

        assertThat(check(stack("", invokers + AUTHORITATIVE), Optional.empty()).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("services[0].invokers");
            assertThat(w.message()).startsWith("'hello' has IAP on, so its invokers do not reach it")
                    .contains("list it among the accessors").contains("programmaticClients").endsWith("[invoker-behind-iap]");
        });
        assertThat(check(stack("", invokers + "iap: false\n"), Optional.empty()).warnings()).as("without IAP, invokers are the access").isEmpty();
    }

    @Test
    void strictCountsEveryWarningAsAnError() {
        var check = check(stack("", "image-tag\ndeletionProtection: false\n" + AUTHORITATIVE), Optional.empty()).strict();
        assertThat(check.errors()).hasSize(2);
        assertThat(check.warnings()).isEmpty();
        assertThat(check.spec()).isEmpty();
    }
}
