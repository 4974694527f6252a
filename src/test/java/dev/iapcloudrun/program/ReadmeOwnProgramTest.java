package dev.iapcloudrun.program;

import dev.iapcloudrun.Readme;
import dev.iapcloudrun.JavaSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The README's section "Use the components in your own program" cannot drift from the components: its Java compiles
 * against them, it is the example program, and the refusal it quotes is the one the example gives for that mistake.
 */
class ReadmeOwnProgramTest {

    private static final String HEADING = "## Use the components in your own program";
    private static final Path APP = JavaProgramExample.ROOT.resolve("src/main/java/com/acme/portal/App.java");
    private static final String FRONTEND_MEMBERS = ".members(\"group:portal-users@acme.example\")";
    /** The backend's last input, the first of the example's two: where the README's change goes. */
    private static final String BACKEND_AGENT = ".iapAgentMember(setup.iapAgentMember())";

    private static String section() {
        return Readme.section(HEADING);
    }

    private static List<String> blocks(String text, String language) {
        return Readme.blocks(text, language);
    }

    @Test
    void itsJavaCompilesAgainstTheComponents(@TempDir Path classes) throws IOException {
        var snippets = blocks(section(), "java");
        assertThat(snippets).as("```java blocks in " + HEADING).isNotEmpty();
        for (int i = 0; i < snippets.size(); i++) {
            var snippet = snippets.get(i);
            // Whole source files, as a reader copies them: the package and public class give the file's path.
            var declared = Pattern.compile("(?s)^package ([\\w.]+);.*?\\bpublic (?:final )?class (\\w+)").matcher(snippet);
            assertThat(declared.find()).as("Java block " + (i + 1) + " of " + HEADING + " is a whole file, with its package and public class")
                    .isTrue();
            var file = declared.group(1).replace('.', '/') + "/" + declared.group(2) + ".java";
            JavaSources.compile(List.of(JavaSources.inMemory("README.md (" + HEADING.substring(3) + ", Java block " + (i + 1) + ")", file,
                    snippet)), Files.createDirectory(classes.resolve("block" + (i + 1))));
        }
    }

    @Test
    void itsJavaIsTheExampleProgram() throws IOException {
        assertThat(blocks(section(), "java").get(0)).isEqualTo(Files.readString(APP));
        assertThat(section()).contains("`" + APP + "`");
    }

    @Test
    void itsRefusalIsTheOneTheExampleGivesForThatMistake() throws IOException {
        var section = section();
        var refusal = blocks(section, "").get(0).strip();
        var members = Pattern.compile("`(\\.members\\(\"group:portal-users@acme\\.example\", [^`]+\\))`").matcher(section);
        assertThat(members.find()).as("the README's change to the frontend's members").isTrue();
        var app = Files.readString(APP);
        assertThat(app).contains(FRONTEND_MEMBERS);
        var mistaken = JavaSources.inMemory(APP + ", " + members.group(1), "com/acme/portal/App.java", app.replace(FRONTEND_MEMBERS, members.group(1)));

        var error = catchThrowable(() -> JavaProgramExample.synth(JavaProgramExample.program(JavaProgramExample.compile(List.of(mistaken))), Map.of()));

        assertThat(error).hasMessage(refusal);
    }

    @Test
    void itsWarningIsTheOneTheExampleGivesForThatChoice() throws IOException {
        var section = section();
        var warning = blocks(section, "").get(1).strip();
        assertThat(section).contains("With `.deletionProtection(false)` added to the backend's");
        var app = Files.readString(APP);
        assertThat(app).contains(BACKEND_AGENT);
        var changed = JavaSources.inMemory(APP + ", deletionProtection(false)", "com/acme/portal/App.java",
                app.replaceFirst(Pattern.quote(BACKEND_AGENT), BACKEND_AGENT + ".deletionProtection(false)"));

        var warnings = new java.util.ArrayList<String>();
        JavaProgramExample.synth(JavaProgramExample.program(JavaProgramExample.compile(List.of(changed))), Map.of(), warnings::add);

        assertThat(warnings).containsExactly(warning);
    }

    @Test
    void saysHowToBuildTheExampleAndStoreItsSecret() throws IOException {
        assertThat(section()).contains("./mvnw -B install -DskipTests", "cd examples/java-program && pulumi up",
                "pulumi config set --secret oauthClientSecret <client secret> --stack dev");
    }

    @Test
    void itsTypeScriptAndYamlAreTheExamplesThatTheSchemaTestChecks() throws IOException {
        var section = section();
        var typescript = Files.readString(Path.of("examples/typescript-program/index.ts"));
        var yaml = Files.readString(Path.of("examples/yaml-program/Pulumi.yaml"));

        assertThat(blocks(section, "typescript")).as("```typescript blocks").isNotEmpty()
                .allSatisfy(block -> assertThat(typescript).as("examples/typescript-program/index.ts").contains(block));
        assertThat(blocks(section, "yaml")).as("```yaml blocks").isNotEmpty()
                .allSatisfy(block -> assertThat(yaml).as("examples/yaml-program/Pulumi.yaml").contains(block));
    }

    @Test
    void itsSchemaCommandIsTheOneThatRewritesTheSchema() throws IOException {
        assertThat(blocks(section(), "sh")).anySatisfy(block ->
                assertThat(block.strip()).isEqualTo(dev.iapcloudrun.plugin.ComponentSchema.UPDATE));
    }
}
