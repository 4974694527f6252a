package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iapcloudrun.review.PlanDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PlanJsonTest {

    private static final String URN = "urn:pulumi:dev::iap-cloudrun::gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember::";

    private static Plan.PlannedResource member(String name, List<String> aliases) {
        return new Plan.PlannedResource(URN + name, "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember", name, "",
                true, JsonNodeFactory.instance.objectNode().put("member", "user:zoe@acme.example"), List.of(), false, "9.37.0", aliases);
    }

    @Test
    void readsAPlanWrittenWithTheRootStackTypeInItsUrnsWithTheEnginesUrns(@TempDir Path dir) throws IOException {
        // Before synth followed the engine, it wrote every URN below the stack with the root stack's type first.
        var golden = Path.of("src/test/resources/plans/dev.json");
        var text = Files.readString(golden);
        var old = Pattern.compile("\"urn:pulumi:dev::iap-cloudrun::(?!pulumi:pulumi:Stack::)").matcher(text)
                .replaceAll(Matcher.quoteReplacement("\"urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$"));
        assertThat(old).contains("\"parent\": \"urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapCloudRunService::orders-api\"");
        Files.writeString(dir.resolve("old.json"), old);

        var read = PlanJson.read(dir.resolve("old.json"));

        assertThat(PlanJson.write(read)).isEqualTo(PlanJson.write(PlanJson.read(golden)));
        assertThat(PlanDiff.between(read, PlanJson.read(golden)).isEmpty()).as("diff OLD.json NEW.json: nothing changed").isTrue();
    }

    @Test
    void keepsTheAliasesOfAResourceThroughAWrittenPlan(@TempDir Path dir) throws IOException {
        var plan = new Plan("iap-cloudrun", "dev", List.of(member("a-user:zoe@acme.example", List.of(URN + "a-user:Zoe@acme.example")),
                member("b-user:ada@acme.example", List.of())), JsonNodeFactory.instance.objectNode(), List.of());

        Files.writeString(dir.resolve("plan.json"), PlanJson.write(plan));
        var read = PlanJson.read(dir.resolve("plan.json"));

        assertThat(read.resources()).extracting(Plan.PlannedResource::aliases)
                .containsExactly(List.of(URN + "a-user:Zoe@acme.example"), List.of());
        assertThat(PlanJson.write(plan)).as("only a resource with aliases lists them").containsOnlyOnce("\"aliases\"");
    }

    @Test
    void keepsTheImportIdOfAnAdoptedResourceAndReadsAPlanWithoutOneAsAdoptingNothing(@TempDir Path dir) throws IOException {
        var adopted = member("a-user:zoe@acme.example", List.of());
        adopted = new Plan.PlannedResource(adopted.urn(), adopted.type(), adopted.name(), adopted.parent(), adopted.custom(), adopted.inputs(),
                adopted.dependsOn(), adopted.protect(), adopted.version(), adopted.aliases(),
                "projects/p/iap_web/cloud_run-europe-west1/services/s roles/iap.httpsResourceAccessor user:zoe@acme.example");
        var plan = new Plan("iap-cloudrun", "dev", List.of(adopted, member("b-user:ada@acme.example", List.of())),
                JsonNodeFactory.instance.objectNode(), List.of());

        Files.writeString(dir.resolve("plan.json"), PlanJson.write(plan));
        var read = PlanJson.read(dir.resolve("plan.json"));

        assertThat(read.resources()).extracting(Plan.PlannedResource::importId).containsExactly(adopted.importId(), "");
        assertThat(PlanJson.write(plan)).as("only an adopted resource has an import ID").containsOnlyOnce("\"importId\"");
    }
}
