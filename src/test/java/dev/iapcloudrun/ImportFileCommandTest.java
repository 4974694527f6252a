package dev.iapcloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iapcloudrun.adopt.ImportIds;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.PulumiProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import-file}: Pulumi's bulk import file of what a stack adopts, lined up with the program's URNs. */
class ImportFileCommandTest {

    @TempDir
    Path root;

    private final Console console = new Console();

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(root.resolve("stacks"));
        for (var file : new String[] {"Pulumi.yaml", "Pulumi.shop.yaml", "stacks/shop.yaml"}) {
            Files.copy(Path.of("examples/adopt").resolve(file), root.resolve(file));
        }
    }

    private JsonNode printed() throws IOException {
        assertThat(console.run(root, "import-file", "--stack", "shop")).as(console.stderr()).isZero();
        return new ObjectMapper().readTree(console.stdout());
    }

    @Test
    void namesEachAdoptedResourceAsTheProgramDoesWithItsIdParentAndVersion() throws IOException {
        var project = PulumiProject.load(root);
        var config = project.stackConfig("shop");
        var plan = OfflineEngine.synth(project.name(), "shop", config.values(), config.secretKeys(), config.fingerprints(),
                new IapCloudRunProgram(root)::run, warning -> { });
        var file = printed();

        var byKey = new HashMap<String, JsonNode>();
        file.path("resources").forEach(e -> byKey.put(e.path("name").asText(), e));
        var adopted = plan.resources().stream().filter(r -> !r.importId().isEmpty()).toList();
        assertThat(file.path("resources").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(
                adopted.stream().map(r -> r.importId()).toList());
        var urns = new HashSet<String>();
        for (var entry : file.path("resources")) {
            if (entry.path("component").asBoolean()) {
                assertThat(entry.has("id")).isFalse();
                continue;
            }
            assertThat(ImportIds.ADOPTED_TYPES).contains(entry.path("type").asText());
            assertThat(entry.path("version").asText()).isEqualTo("9.37.0");
            var parent = byKey.get(entry.path("parent").asText());
            assertThat(parent).as("the parent of %s is in the file", entry.path("name")).isNotNull();
            assertThat(parent.path("component").asBoolean()).isTrue();
            // The URN the engine gives the imported resource: its parent component's type, its own type and logical name.
            urns.add("urn:pulumi:shop::iap-cloudrun::" + parent.path("type").asText() + "$" + entry.path("type").asText()
                    + "::" + entry.path("logicalName").asText());
        }
        assertThat(urns).containsExactlyInAnyOrderElementsOf(adopted.stream().map(r -> r.urn()).toList());
        assertThat(byKey.values()).filteredOn(e -> e.path("logicalName").asText().startsWith("returns"))
                .as("a service with adopt: false is created by the program, not imported").isEmpty();
    }

    @Test
    void writesTheFileWholeWithOut() throws IOException {
        assertThat(console.run(root, "import-file", "--stack", "shop", "--out", "import/shop.json")).as(console.stderr()).isZero();
        assertThat(new ObjectMapper().readTree(root.resolve("import/shop.json").toFile()).path("resources").size()).isEqualTo(15);
        assertThat(console.stderr()).contains("pulumi import --file import/shop.json --stack shop");
    }

    @Test
    void principalsThatCleanToTheSameKeyGetKeysMadeUniqueByTheirUrnAlikeOnEachRun() throws IOException {
        var text = Files.readString(root.resolve("stacks/shop.yaml")).replace("      - serviceAccount:checkout-worker@acme-shop-prod.iam.gserviceaccount.com\n",
                "      - user:a.b@acme.example\n      - user:a-b@acme.example\n");
        Files.writeString(root.resolve("stacks/shop.yaml"), text);

        var names = printed().path("resources").findValuesAsText("name");
        console.reset();
        var again = printed().path("resources").findValuesAsText("name");

        assertThat(names).doesNotHaveDuplicates().isEqualTo(again)
                .contains("ServiceIamMember_pricing_invoker_user_a_b_acme_example")
                .anyMatch(n -> n.matches("ServiceIamMember_pricing_invoker_user_a_b_acme_example_[0-9a-f]{8}"));
    }

    @Test
    void failsWithExitCode2NamingTheStackFileWhenTheStackAdoptsNothing() throws IOException {
        var text = Files.readString(root.resolve("stacks/shop.yaml")).replace("adopt: true\n", "adopt: false\n");
        Files.writeString(root.resolve("stacks/shop.yaml"), text);

        assertThat(console.run(root, "import-file", "--stack", "shop", "--out", "shop-import.json")).isEqualTo(2);
        assertThat(console.stderr()).contains("stacks/shop.yaml: the stack adopts nothing");
        assertThat(root.resolve("shop-import.json")).doesNotExist();
    }

    @Test
    void failsWithExitCode2AndWritesNothingWhenTheStackFileIsBad() throws IOException {
        var text = Files.readString(root.resolve("stacks/shop.yaml")).replace("projectNumber: \"731205994118\"\n", "");
        Files.writeString(root.resolve("stacks/shop.yaml"), text);

        assertThat(console.run(root, "import-file", "--stack", "shop", "--out", "shop-import.json")).isEqualTo(2);
        assertThat(console.stderr()).contains("stacks/shop.yaml:", "adopting a service behind IAP needs the project's number");
        assertThat(root.resolve("shop-import.json")).doesNotExist();
    }

    @Test
    void failsWithExitCode2NamingTheOptionWhenTheFileCannotBeWritten() {
        assertThat(console.run(root, "import-file", "--stack", "shop", "--out", "/proc/x/shop.json")).isEqualTo(2);
        assertThat(console.stderr()).contains("--out /proc/x/shop.json: cannot create the folder /proc/x");
    }
}
