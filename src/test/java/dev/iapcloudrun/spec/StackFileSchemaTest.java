package dev.iapcloudrun.spec;

import dev.iapcloudrun.Readme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StackFileSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyExampleStackConformsToTheSchemaItReferences(String stack) throws IOException {
        var text = Files.readString(Path.of("stacks", stack + ".yaml"));

        assertThat(text).startsWith("# yaml-language-server: $schema=./stack-file.schema.json\n");
        assertThat(StackFileSchema.violations(text)).isEmpty();
    }

    @Test
    void theReadmeReferenceConformsToTheSchema() throws IOException {
        assertThat(StackFileSchema.violations(Readme.blockAfter(Readme.text(), "## Stack files", "```yaml\n"))).isEmpty();
    }

    @Test
    void theLevelsThatPlaceAMisplacedKeyAreTheSchemasLevelsWithTheirKeys() throws IOException {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(StackFileSchema.FILE));
        var service = "/$defs/service/properties";
        var properties = new java.util.HashMap<>(java.util.Map.of("", "/properties", "policy", "/properties/policy/properties", "iap", "/properties/iap/properties",
                "iap.oauthClient", "/$defs/oauthClient/properties", "services[]", service,
                "services[].scaling", service + "/scaling/properties", "services[].resources", service + "/resources/properties",
                "services[].secrets.*", service + "/secrets/additionalProperties/properties",
                "services[].accessors", service + "/accessors/properties",
                "services[].accessors.condition", service + "/accessors/properties/condition/properties"));
        properties.put("services[].startupProbe", service + "/startupProbe/properties");
        properties.put("services[].livenessProbe", service + "/livenessProbe/properties");
        properties.put("services[].network", service + "/network/properties");
        properties.put("services[].binaryAuthorization", service + "/binaryAuthorization/properties");
        properties.put("services[].volumes", service + "/volumes/properties");
        properties.put("services[].volumes.secrets.*", service + "/volumes/properties/secrets/additionalProperties/properties");

        assertThat(StackFileModel.LEVELS).extracting(StackFileModel.Level::path).containsExactlyInAnyOrderElementsOf(properties.keySet());
        for (var level : StackFileModel.LEVELS) {
            var keys = new java.util.ArrayList<String>();
            schema.at(properties.get(level.path())).fieldNames().forEachRemaining(keys::add);
            assertThat(level.keys()).as(level.path()).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    @Test
    void rejectsTheWordsYaml11ReadsAsBooleans() {
        assertThat(StackFileSchema.violations("""
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    iap: yes
                    deletionProtection: off
                """)).hasSize(2).allSatisfy(m -> assertThat(m).contains("boolean"));
    }

    @Test
    void acceptsTheDefaultComputeServiceAccountOnlyWhereThePolicyAllowsIt() {
        var stack = """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    serviceAccount: 905718264301-compute@developer.gserviceaccount.com
                """;
        assertThat(StackFileSchema.violations(stack)).singleElement().satisfies(m -> assertThat(m).contains("serviceAccount"));
        assertThat(StackFileSchema.violations("policy:\n  allowDefaultServiceAccounts: true\n" + stack)).isEmpty();
    }

    @Test
    void rejectsWhatEditorsShouldFlag() {
        assertThat(StackFileSchema.violations("""
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    ingres: all
                    accessors:
                      mode: additive
                      members: [allUsers]
                """)).hasSize(2).anySatisfy(m -> assertThat(m).contains("ingres")).anySatisfy(m -> assertThat(m).startsWith("$.services[0].accessors.members[0]: does not match"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles/iap.admin", "roles/iap.settingsAdmin", "roles/run.admin", "roles/secretmanager.admin",
            "roles/cloudbuild.builds.editor", "roles/cloudbuild.builds.builder", "roles/deploymentmanager.editor",
            "roles/cloudbuild.serviceAgent", "roles/run.serviceAgent", "roles/aiplatform.customCodeServiceAgent",
            "roles/storage.admin", "roles/compute.securityAdmin", "roles/run.viewer", "roles/cloudbuild.builds.viewer",
            "roles/container.hostServiceAgentUser", "roles/cloudtrace.agent", "roles/run.invoker", "roles/run.servicesInvoker",
            "roles/iap.httpsResourceAccessor", "roles/secretmanager.secretAccessor", "roles/run.developer",
            "roles/secretmanager.viewer"})
    void rejectsExactlyTheRuntimeRolesTheReaderRefusesWhateverThePolicy(String role) {
        var text = """
                project: acme-demo
                region: europe-west1
                policy: {allowAdminRoles: true}
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    runtimeRoles: [%s]
                """.formatted(role);
        var refused = !StackFileReader.check("stacks/demo.yaml", text, StackFileReader.Defaults.NONE, java.util.Optional.empty())
                .errors().isEmpty();
        assertThat(StackFileSchema.violations(text).isEmpty()).as(role).isEqualTo(!refused);
    }

    @Test
    void rejectsSecretFilesAndCloudSqlInstancesTheReaderRefuses() {
        var stack = """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    volumes:
                      secrets:
                        %s: {secret: tls-key}
                      cloudSqlInstances: [%s]
                """;
        assertThat(StackFileSchema.violations(stack.formatted("/etc/hello/tls.key", "acme-dev:europe-west1:hello-db"))).isEmpty();
        for (var path : java.util.List.of("/tls.key", "etc/hello/tls.key", "/proc/hello/key", "/etc/../key", "/etc/hello/", "/etc/tls.key",
                "/usr/tls.key", "/app/tls.key")) {
            assertThat(StackFileSchema.violations(stack.formatted(path, "acme-dev:europe-west1:hello-db"))).as(path).isNotEmpty();
        }
        for (var instance : java.util.List.of("hello-db", "acme-dev:hello-db", "Acme:europe-west1:db", "acme-dev:europe-west1:db-")) {
            assertThat(StackFileSchema.violations(stack.formatted("/etc/hello/tls.key", instance))).as(instance).isNotEmpty();
        }
    }
}
