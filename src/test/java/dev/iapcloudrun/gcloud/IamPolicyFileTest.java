package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.gcloud.IamPolicyFile.Which;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shape read is IAM's Policy resource (cloud.google.com/iam/docs/reference/rest/v1/Policy): bindings[] of role,
 * members[] and an optional condition {title, expression, description}, plus etag and version (3 when a binding has a
 * condition). gcloud run services get-iam-policy and gcloud iap web get-iam-policy print it as it is with --format=json.
 */
class IamPolicyFileTest {

    private static final Optional<String> NUMBER = Optional.of("905718264301");

    @Test
    void readsEachBindingsRoleMembersAndCondition() {
        var policy = GcloudFiles.richPolicy(Which.IAP);

        assertThat(policy.bindings()).hasSize(2);
        assertThat(policy.bindings().get(0).members()).extracting(IamPolicyFile.Member::value)
                .containsExactly("domain:partners.example", "group:partner-success@acme.example", "allAuthenticatedUsers");
        assertThat(policy.bindings().get(1).condition()).contains(new IamPolicyFile.Condition("auditors-q1",
                "request.time < timestamp(\"2027-03-01T00:00:00Z\")", "Access ends with the audit."));
        assertThat(policy.bindings().get(0).members().get(2).isPublic()).isTrue();
    }

    @Test
    void failsOnAFileThatIsNotUtf8TextNamingWhatWasExpected(@TempDir Path dir) throws Exception {
        var file = Files.write(dir.resolve("iap.json"), "{\"etag\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> IamPolicyFile.read(file, "iap.json", Which.IAP, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("iap.json:1:1: the file is not UTF-8 text; expected a JSON IAM policy, the service's IAP policy");
    }

    @Test
    void failsOnAFileFarLargerThanAPolicy(@TempDir Path dir) throws Exception {
        var file = Files.write(dir.resolve("run.json"), new byte[GcloudJson.MAX_BYTES + 1]);

        assertThatThrownBy(() -> IamPolicyFile.read(file, "run.json", Which.RUN, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("run.json:1:1: the file is " + (GcloudJson.MAX_BYTES + 1) + " bytes; expected a JSON IAM policy")
                .hasMessageContaining(", a few kilobytes");
    }

    @Test
    void anEmptyPolicyAsGcloudPrintsItIsRead() {
        assertThat(IamPolicyFile.parse("p.json", "{\"etag\": \"ACAB\"}", Which.IAP, NUMBER).bindings()).isEmpty();
    }

    @Test
    void gcloudsYamlFormatIsReadLikeItsJson() {
        var policy = IamPolicyFile.parse("p.yaml", """
                bindings:
                - members:
                  - user:ada@acme.example
                  role: roles/iap.httpsResourceAccessor
                etag: BwYk3xTq0mA=
                version: 1
                """, Which.IAP, NUMBER);

        assertThat(policy.of(Roles.IAP_ACCESSOR)).singleElement().extracting(b -> b.members().get(0).value())
                .isEqualTo("user:ada@acme.example");
    }

    @Test
    void failsWhenTheTwoPoliciesAreSwapped() {
        assertThatThrownBy(() -> IamPolicyFile.parse("run.json", GcloudFiles.text(GcloudFiles.RICH.resolve("orders-api.iap-policy.json")),
                Which.RUN, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("run.json:9:15: bindings[0].role: found roles/iap.httpsResourceAccessor, a role of the service's IAP policy")
                .hasMessageContaining("are the two files swapped?");
        assertThatThrownBy(() -> IamPolicyFile.parse("iap.json", GcloudFiles.text(GcloudFiles.RICH.resolve("orders-api.run-policy.json")),
                Which.IAP, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("iap.json:8:15: bindings[0].role: found roles/run.invoker, a role of the service's Cloud Run policy");
    }

    @Test
    void failsWhenGivenAProjectsPolicy() {
        // gcloud projects get-iam-policy: basic roles, service agents' roles and audit configs only a project has.
        assertThatThrownBy(() -> IamPolicyFile.parse("project.json", """
                {"auditConfigs": [{"auditLogConfigs": [{"logType": "DATA_READ"}], "service": "allServices"}],
                 "bindings": [{"members": ["serviceAccount:service-905718264301@serverless-robot-prod.iam.gserviceaccount.com"],
                               "role": "roles/run.serviceAgent"},
                              {"members": ["user:ada@acme.example"], "role": "roles/owner"}],
                 "etag": "BwYk", "version": 1}""", Which.RUN, NUMBER))
                .isInstanceOfSatisfying(GcloudInputException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("project.json:1:2: auditConfigs: unknown key 'auditConfigs' for an IAM policy (only a project's policy")
                .hasMessageContaining("project.json:3:24: bindings[0].role: found roles/run.serviceAgent, a role granted on a whole project")
                .hasMessageContaining("project.json:4:62: bindings[1].role: found roles/owner, a role granted on a whole project");
    }

    @Test
    void failsWhenGivenADescriptionAsAPolicy() {
        assertThatThrownBy(() -> IamPolicyFile.parse("d.json", GcloudFiles.text(GcloudFiles.SEED.resolve("team-wiki.describe.json")),
                Which.IAP, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("d.json:1:1: found a resource description (apiVersion, kind, metadata");
    }

    @Test
    void failsWhenTheIapAgentIsAnotherProjects() {
        assertThatThrownBy(() -> IamPolicyFile.parse("run.json", GcloudFiles.text(GcloudFiles.SEED.resolve("team-wiki.run-policy.json")),
                Which.RUN, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("run.json:5:9: bindings[0].members[0]: found the IAP service agent of project number 318274650921; "
                        + "expected that of the service's project, 905718264301: is this the policy of a service in another project?");
    }

    @Test
    void failsWhenTheFileWasNotPrintedByGcloud() {
        // A policy without its etag, with a binding key IAM does not have: written by hand or by another tool.
        assertThatThrownBy(() -> IamPolicyFile.parse("hand.json", """
                {"bindings": [{"role": "roles/iap.httpsResourceAccessor", "member": "user:ada@acme.example"}]}""", Which.IAP, NUMBER))
                .isInstanceOfSatisfying(GcloudInputException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("hand.json:1:1: etag: the etag is missing")
                .hasMessageContaining("bindings[0].member: unknown key 'member' in a binding")
                .hasMessageContaining("bindings[0].members: the binding has no members");
    }

    @Test
    void malformedJsonIsRefusedAtItsLineAndColumn() {
        assertThatThrownBy(() -> IamPolicyFile.parse("p.json", "{\n  \"bindings\": [\n    {\"role\": \"roles/run.invoker\",]\n}", Which.RUN, NUMBER))
                .isInstanceOfSatisfying(GcloudInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).location().line()).isEqualTo(3);
                    assertThat(e.problems().get(0).message()).startsWith("not valid JSON: ");
                });
    }

    @Test
    void failsWhenTheFileIsNotAMapping() {
        assertThatThrownBy(() -> IamPolicyFile.parse("p.json", "[]", Which.RUN, NUMBER)).isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("p.json:1:1: found a list at the top of the file; expected a JSON IAM policy");
    }
}
