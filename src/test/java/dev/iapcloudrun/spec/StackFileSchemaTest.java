package dev.iapcloudrun.spec;

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
        var readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf("## Stack files")) + "```yaml\n".length();

        assertThat(StackFileSchema.violations(readme.substring(start, readme.indexOf("```", start)))).isEmpty();
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
}
