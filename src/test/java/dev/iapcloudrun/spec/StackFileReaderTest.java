package dev.iapcloudrun.spec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StackFileReaderTest {

    private static final String VALID = """
            project: acme-portal-dev
            region: europe-west1
            services:
              - name: orders-api
                image: europe-docker.pkg.dev/acme/apps/orders-api:1.0
                accessors:
                  mode: additive
                  members:
                    - user:zoe@acme.example
                    - group:devs@acme.example
            """;

    private static StackSpec parse(String yaml) {
        return StackFileReader.parse("stacks/dev.yaml", yaml, StackFileReader.Defaults.NONE);
    }

    private static List<Problem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (StackFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected the stack file to be refused");
    }

    @Test
    void readsAValidStackWithSecureDefaults() {
        var spec = parse(VALID);
        assertThat(spec.project()).isEqualTo("acme-portal-dev");
        assertThat(spec.audience()).isEqualTo(StackSpec.Audience.INTERNAL);
        var service = spec.services().get(0);
        assertThat(service.iap()).isTrue();
        assertThat(service.publicAccess()).isFalse();
        assertThat(service.deletionProtection()).isTrue();
        assertThat(service.ingress()).isEqualTo(ServiceSpec.Ingress.ALL);
        assertThat(service.serviceAccount()).isEmpty();
        assertThat(service.accessors().orElseThrow().members()).extracting(Principal::value)
                .containsExactly("group:devs@acme.example", "user:zoe@acme.example");
    }

    @Test
    void failsWhenAccessorMembersAreAnExplicitNullInsteadOfAcceptingAServiceNobodyCanReach() {
        for (var none : List.of("", " ~", " null")) {
            var yaml = VALID.replaceFirst("members:\n(.*\n)*", "members:" + none + "\n");
            assertThat(problems(yaml)).as("members:" + none).singleElement().hasToString(
                    "stacks/dev.yaml:8:" + (none.isEmpty() ? 15 : 16) + ": services[0].accessors.members: found nothing (null); "
                            + "expected a list of principals");
        }
    }

    @Test
    void readsAKeyWithNothingAfterItAsANullAndAQuotedEmptyTextAsText() {
        assertThat(problems(VALID.replace("name: orders-api", "name:"))).singleElement()
                .hasToString("stacks/dev.yaml:4:10: services[0].name: found nothing (null); expected a Cloud Run service name");
        assertThat(problems(VALID.replace("name: orders-api", "name: ''"))).singleElement().asString()
                .startsWith("stacks/dev.yaml:4:11: services[0].name: found \"\"; expected a Cloud Run service name: ");
    }

    @Test
    void refusesAnExplicitNullForAnOptionalFieldLikeAnyWrongTypeAsTheSchemaDoes() {
        var yaml = VALID.replace("image:", "ingress:\n    invokers: ~\n    image:");
        assertThat(problems(yaml)).extracting(Problem::toString).containsExactly(
                "stacks/dev.yaml:5:13: services[0].ingress: found nothing (null); expected one of all, internal, internal-and-cloud-load-balancing",
                "stacks/dev.yaml:6:15: services[0].invokers: found nothing (null); expected a list");
        assertThat(StackFileSchema.violations(yaml)).hasSize(2);
    }

    @Test
    void saysWhereAKnownKeyWrittenAtTheWrongLevelBelongs() {
        assertThat(problems(VALID.replace("    accessors:\n", "    condition: {title: t, expression: e}\n    accessors:\n")))
                .singleElement().asString().startsWith("stacks/dev.yaml:6:5: services[0].condition: the field 'condition' does not "
                        + "belong here: 'condition' belongs under 'accessors' (indent it below accessors:); expected one of accessors, ");
        assertThat(problems(VALID.replace("      mode: additive\n", "      mode: additive\n      iap: true\n"))).singleElement()
                .asString().contains("'iap' belongs at the top level of the file (not indented), or in a service, an item of 'services'");
    }

    @Test
    void takesProjectAndRegionFromConfigWhenTheFileOmitsThem() {
        var spec = StackFileReader.parse("stacks/dev.yaml", """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                """, new StackFileReader.Defaults(Optional.of("acme-from-config"), Optional.of("us-central1")));
        assertThat(spec.project()).isEqualTo("acme-from-config");
        assertThat(spec.region()).isEqualTo("us-central1");
    }

    @Test
    void failsWhenTheFilesProjectDiffersFromGcpProjectNamingBothFiles() {
        var check = StackFileReader.check("stacks/qa.yaml", VALID.replace("acme-portal-dev", "acme-portal-prod"),
                new StackFileReader.Defaults(Optional.of("acme-portal-qa"), Optional.of("europe-west1"), "Pulumi.qa.yaml"), Optional.empty());
        assertThat(check.errors()).singleElement().hasToString("stacks/qa.yaml:1:10: project: found \"acme-portal-prod\" here, but "
                + "Pulumi.qa.yaml sets gcp:project to \"acme-portal-qa\"; expected the same project in both (a stack file copied from "
                + "another environment would deploy into that environment's project): correct the one that is wrong, or remove "
                + "'project' from the stack file to take gcp:project");
    }

    @Test
    void acceptsARegionThatDiffersFromGcpRegion() {
        var spec = StackFileReader.parse("stacks/dev.yaml", VALID,
                new StackFileReader.Defaults(Optional.of("acme-portal-dev"), Optional.of("us-central1"), "Pulumi.dev.yaml"));
        assertThat(spec.region()).isEqualTo("europe-west1");
    }

    @Test
    void failsWhenProjectIsNeitherInTheFileNorInConfig() {
        assertThat(problems("""
                region: europe-west1
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                """)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("no project").contains("gcp:project"));
    }

    @Test
    void failsOnUnknownKeyWithLocationAndSuggestion() {
        var problems = problems(VALID.replace("    accessors:", "    acessors:"));
        assertThat(problems).hasSize(1);
        var problem = problems.get(0);
        assertThat(problem.location()).isEqualTo(new Location("stacks/dev.yaml", 6, 5));
        assertThat(problem.path()).isEqualTo("services[0].acessors");
        assertThat(problem.message()).contains("unknown field 'acessors'").contains("did you mean 'accessors'?");
        assertThat(problem.toString()).startsWith("stacks/dev.yaml:6:5: services[0].acessors: unknown field");
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnce() {
        var problems = problems("""
                project: acme-portal-dev
                region: europe-west1
                services:
                  - name: Orders_API
                    image: europe-docker.pkg.dev/acme/apps/orders-api:1.0
                    ingress: everywhere
                    port: 99999
                  - name: admin
                    image: europe-docker.pkg.dev/acme/apps/admin:1.0
                    accessors:
                      mode: additive
                      members:
                        - alice@acme.example
                """);
        assertThat(problems).extracting(Problem::path).containsExactly(
                "services[0].name", "services[0].ingress", "services[0].port", "services[1].accessors.members[0]");
        assertThat(problems.get(1).message()).isEqualTo(
                "found \"everywhere\"; expected one of all, internal, internal-and-cloud-load-balancing");
        assertThat(problems.get(3).location().line()).isEqualTo(13);
    }

    @Test
    void failsWhenTheImageIsANumberAsTheSchemaDoes() {
        var problems = problems("project: acme-demo\nregion: europe-west1\nservices:\n  - name: hello\n    image: 0\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].image");
            assertThat(p.message()).isEqualTo("found the number 0; expected a container image reference, which is text");
        });
    }

    @Test
    void failsWhenAccessorIsAllUsers() {
        var problems = problems(VALID.replace("user:zoe@acme.example", "allUsers"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].accessors.members[0]");
            assertThat(p.message()).contains("public principal 'allUsers'");
        });
    }

    @Test
    void failsWhenInvokerIsAllAuthenticatedUsers() {
        var problems = problems(VALID.replace("    accessors:", "    invokers: [allAuthenticatedUsers]\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("allAuthenticatedUsers"));
    }

    @Test
    void failsWhenPublicAccessIsCombinedWithIap() {
        var problems = problems(VALID.replace("    accessors:", "    public: true\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].public");
            assertThat(p.message()).contains("cannot be combined with IAP");
        });
    }

    @Test
    void allowsPublicAccessOnlyAsAnExplicitChoiceWithIapOff() {
        var spec = parse("""
                project: acme-portal-dev
                region: europe-west1
                services:
                  - name: status-page
                    image: europe-docker.pkg.dev/acme/apps/status:1.0
                    iap: false
                    public: true
                """);
        assertThat(spec.services().get(0).publicAccess()).isTrue();
        assertThat(spec.services().get(0).iap()).isFalse();
    }

    @Test
    void failsWhenAccessorsAreDeclaredWithIapOff() {
        var problems = problems(VALID.replace("    accessors:", "    iap: false\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("IAP accessors need IAP"));
    }

    @Test
    void failsWhenExternalAudienceHasNoOAuthClient() {
        var problems = problems(VALID.replace("services:", "iap:\n  audience: external\nservices:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("iap");
            assertThat(p.message()).contains("needs a custom OAuth client");
        });
    }

    @Test
    void failsWhenClientSecretIsWrittenInTheStackFile() {
        var problems = problems(VALID.replace("services:", """
                iap:
                  audience: no-organization
                  oauthClient:
                    clientId: 123-abc.apps.googleusercontent.com
                    clientSecretConfig: iapOauthClientSecret
                    clientSecret: GOCSPX-plain-text-secret
                services:"""));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("iap.oauthClient.clientSecret");
            assertThat(p.message()).contains("pulumi config set --secret").doesNotContain("GOCSPX-plain-text-secret");
        });
    }

    @Test
    void failsWhenTheSameServiceIsDeclaredTwice() {
        var problems = problems("""
                project: acme-portal-dev
                region: europe-west1
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[1].name");
            assertThat(p.message()).contains("declared twice (first at line 4)");
        });
    }

    @Test
    void failsWhenAPrincipalIsListedTwice() {
        var problems = problems(VALID.replace("- group:devs@acme.example", "- group:devs@acme.example\n        - user:zoe@acme.example"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("listed twice"));
    }

    @Test
    void failsWhenAPrincipalIsListedTwiceInAnotherCase() {
        var problems = problems(VALID.replace("- group:devs@acme.example", "- group:devs@acme.example\n        - user:Zoe@ACME.example"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].accessors.members[2]");
            assertThat(p.message()).isEqualTo("the principal 'user:Zoe@ACME.example' is listed twice (first at line 9 as "
                    + "'user:zoe@acme.example'; IAM ignores the case of emails and domains, so both are one grant); expected each principal once");
        });
    }

    @Test
    void keepsFederatedPrincipalsThatDifferOnlyInCaseApart() {
        var pool = "principal://iam.googleapis.com/locations/global/workforcePools/staff/subject/";
        var spec = parse(VALID.replace("- group:devs@acme.example", "- " + pool + "ada\n        - " + pool + "Ada"));
        assertThat(spec.services().get(0).accessors().orElseThrow().members()).hasSize(3);
    }

    @Test
    void failsWhenInvokerIsAnotherProjectsIapServiceAgent() {
        var problems = problems(VALID.replace("    accessors:",
                "    invokers: [serviceAccount:service-123456789012@gcp-sa-iap.iam.gserviceaccount.com]\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].invokers[0]");
            assertThat(p.message()).contains("an IAP service agent");
        });
    }

    @Test
    void failsWhenMinInstancesExceedMaxInstances() {
        var problems = problems(VALID.replace("    accessors:", "    scaling:\n      minInstances: 5\n      maxInstances: 2\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].scaling");
            assertThat(p.message()).contains("minInstances (5) is greater than maxInstances (2)");
        });
    }

    @Test
    void failsWhenAccessorModeIsMissing() {
        var problems = problems(VALID.replace("      mode: additive\n", ""));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].accessors");
            assertThat(p.message()).contains("'mode' is missing");
        });
    }

    @Test
    void failsWhenAccessorMembersAreEmpty() {
        var problems = problems(VALID.replace("      members:\n        - user:zoe@acme.example\n        - group:devs@acme.example\n", "      members: []\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].accessors.members");
            assertThat(p.message()).startsWith("found an empty list; expected at least one principal");
        });
    }

    @Test
    void failsWhenConditionHasNoExpression() {
        var problems = problems(VALID.replace("      mode: additive\n",
                "      mode: additive\n      condition:\n        title: office-hours\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].accessors.condition");
            assertThat(p.message()).contains("'expression' is missing");
        });
    }

    @Test
    void failsOnAMalformedSecretReference() {
        var problems = problems(VALID.replace("    accessors:", "    secrets:\n      DB_PASSWORD: {secret: \"projects/x/db password\"}\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].secrets.DB_PASSWORD.secret");
            assertThat(p.message()).contains("expected a Secret Manager secret id");
        });
    }

    @Test
    void failsOnADuplicateKeyWithItsPath() {
        var problems = problems(VALID.replace("    image: europe", "    name: again\n    image: europe"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].name");
            assertThat(p.message()).contains("appears twice").contains("first at line 4");
        });
    }

    @Test
    void failsOnASecondYamlDocument() {
        assertThat(problems(VALID + "---\nproject: other-project\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a second YAML document"));
    }

    private static final String OAUTH_CLIENT = """
            iap:
              audience: external
              oauthClient:
                clientId: 123-abc.apps.googleusercontent.com
                clientSecretConfig: iapOauthClientSecret
            """;

    @Test
    void readsTheHostNamesRequestsMayUse() {
        var spec = parse(VALID.replace("services:", OAUTH_CLIENT + "    allowedRequestHosts: [portal.acme.example]\nservices:"));
        assertThat(spec.oauthClient().orElseThrow().allowedRequestHosts()).containsExactly("portal.acme.example");
    }

    @Test
    void failsWhenTheRenamedAllowedDomainsIsUsedSayingWhatItDoes() {
        var problems = problems(VALID.replace("services:", OAUTH_CLIENT + "    allowedDomains: [acme.example]\nservices:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("iap.oauthClient.allowedDomains");
            assertThat(p.message()).startsWith("'allowedDomains' was renamed to 'allowedRequestHosts'")
                    .contains("restricts the host names that requests may use, not who may sign in").contains("domain:DOMAIN");
        });
    }

    @Test
    void failsWhenTheSecretConfigKeyHasANamespace() {
        var problems = problems(VALID.replace("services:", """
                iap:
                  audience: external
                  oauthClient:
                    clientId: 123-abc.apps.googleusercontent.com
                    clientSecretConfig: iap-cloudrun:iapOauthClientSecret
                services:"""));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("iap.oauthClient.clientSecretConfig"));
    }

    @Test
    void failsOnAnEmptyFile() {
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).contains("the file is empty"));
    }

    @Test
    void failsOnATopLevelListWithThatProblemOnly() {
        assertThat(problems("- a\n- b\n")).extracting(Problem::message)
                .containsExactly("found a list at the top of the file; expected a mapping with at least 'services'");
    }

    @Test
    void failsOnInvalidYamlWithItsLine() {
        var problems = problems("project: acme-portal-dev\nservices: [\n  - name: x\n");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
    }

    @Test
    void failsOnAMistypedField() {
        var problems = problems(VALID.replace("    accessors:", "    deletionProtection: \"enabled\"\n    accessors:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("services[0].deletionProtection");
            assertThat(p.message()).isEqualTo("found the text \"enabled\"; expected true or false");
        });
    }

    @Test
    void failsWhenIapIsAYaml11WordInsteadOfTrue() {
        var problems = problems(VALID.replace("    accessors:", "    iap: yes\n    deletionProtection: off\n    accessors:"));
        assertThat(problems).extracting(Problem::path).containsExactly("services[0].iap", "services[0].deletionProtection");
        assertThat(problems.get(0).message()).startsWith("found 'yes'; did you mean true? expected true or false");
        assertThat(problems.get(1).message()).startsWith("found 'off'; did you mean false? expected true or false");
    }

    @Test
    void failsWhenAPolicySwitchIsACapitalisedBoolean() {
        var problems = problems(VALID.replace("services:", "policy:\n  requireImageDigests: True\nservices:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("policy.requireImageDigests");
            assertThat(p.message()).startsWith("found 'True'; did you mean true?");
        });
    }

    @Test
    void readsTheWordsOfYaml11AsTextWhereTextIsExpected() {
        var spec = parse(VALID.replace("    accessors:", "    env: {FEATURE: on, MODE: no}\n    accessors:"));
        assertThat(spec.services().get(0).env()).containsEntry("FEATURE", "on").containsEntry("MODE", "no");
    }

    @Test
    void refusesAHugeFileBeforeParsingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        var file = dir.resolve("huge.yaml");
        java.nio.file.Files.writeString(file, "services:\n" + "  - name: hello\n    image: x\n".repeat(60_000));

        var check = StackFileReader.check(file, "stacks/huge.yaml", StackFileReader.Defaults.NONE, java.util.Optional.empty());

        assertThat(check.errors()).singleElement().hasToString("stacks/huge.yaml:1:1: the file is " + java.nio.file.Files.size(file)
                + " bytes; expected a stack file of at most 1048576 bytes");
    }

    @Test
    void refusesAFileThatIsNotUtf8Text(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        var file = java.nio.file.Files.write(dir.resolve("latin1.yaml"),
                ("# caf\u00e9\n" + VALID).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        var check = StackFileReader.check(file, "stacks/latin1.yaml", StackFileReader.Defaults.NONE, java.util.Optional.empty());

        assertThat(check.errors()).singleElement().hasToString("stacks/latin1.yaml:1:1: the file is not UTF-8 text; expected a YAML stack file");
    }
}
