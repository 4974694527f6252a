package dev.iapcloudrun.program;

import dev.iapcloudrun.JavaSources;
import dev.iapcloudrun.StackChecks;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.PulumiProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code examples/java-program}, a Pulumi program of its own that uses the components as a library, compiles against
 * the components under test and plans what it says; its golden plan is checked with the bundled stacks' in
 * {@link GoldenPlansTest}.
 */
class JavaProgramExampleTest {

    private static final String SERVICE = "gcp:cloudrunv2/service:Service";
    private static final String BINDING = "gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding";
    private static final String ACCOUNT = "gcp:serviceaccount/account:Account";

    @Test
    void everyResourceConformsToTheProviderSchema() {
        StackChecks.assertNone(StackChecks.schemaProblems(JavaProgramExample.synth()));
    }

    @Test
    void everyGcpResourceAndInvokeAsksForThePinnedPlugin() {
        var plan = JavaProgramExample.synth();

        assertThat(TestPlans.custom(plan)).isNotEmpty().allSatisfy(r ->
                assertThat(r.version()).as(r.type() + " " + r.name()).isEqualTo(GcpProvider.VERSION));
        assertThat(plan.invokes()).isNotEmpty().allSatisfy(i -> assertThat(i.version()).as(i.token()).isEqualTo(GcpProvider.VERSION));
    }

    @Test
    void wiresTheFrontendsOwnIdentityIntoTheFrontendAndTheBackendsAccessors() {
        var plan = JavaProgramExample.synth();
        var identity = plan.named(ACCOUNT, "portal-web-identity");
        var frontend = plan.named(SERVICE, "portal-web");
        var backend = plan.named(SERVICE, "portal-api");
        var backendAccessors = plan.named(BINDING, "portal-api-accessors");

        // The account's email is known once it exists: in a preview, both inputs are unknown and wait for it.
        assertThat(text(frontend, "template.serviceAccount")).isEqualTo("[unknown]");
        assertThat(frontend.dependsOn()).contains(identity.urn(), backend.urn());
        assertThat(text(backendAccessors, "members")).isEqualTo("[unknown]");
        assertThat(backendAccessors.dependsOn()).contains(identity.urn());
        assertThat(plan.resources()).noneMatch(r -> r.type().equals(ACCOUNT) && r.name().equals("portal-web-runtime"));
        assertThat(plan.named(ACCOUNT, "portal-api-runtime")).isNotNull();
        assertThat(plan.ofType("gcp:cloudrunv2/serviceIamMember:ServiceIamMember")).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("portal-api-invoker-iap-agent", "portal-web-invoker-iap-agent");
        assertThat(plan.outputs().fieldNames()).toIterable().containsExactlyInAnyOrder("backendUri", "frontendUri");
    }

    @Test
    void theOAuthClientSecretNeverReachesThePlan() throws IOException {
        var config = PulumiProject.load(JavaProgramExample.ROOT).stackConfig(JavaProgramExample.STACK);
        var key = "acme-portal:oauthClientSecret";
        assertThat(config.secretKeys()).contains(key);
        var ciphertext = config.values().get(key);
        // What pulumi up would hand the program: the secret decrypted.
        var plainText = "GOCSPX-example-plain-secret-4711";

        var offline = JavaProgramExample.synth();
        var deployed = JavaProgramExample.synth(Map.of(key, plainText));

        assertThat(text(offline.ofType("gcp:iap/settings:Settings").get(0), "accessSettings.oauthSettings.clientSecret"))
                .startsWith("[secret ");
        assertThat(PlanJson.write(offline)).doesNotContain(ciphertext);
        assertThat(PlanJson.write(deployed)).doesNotContain(plainText).contains("\"clientSecret\": \"[secret]\"");
    }

    @Test
    void dependsOnTheLibraryAsTheRootPomDeclaresIt() {
        var root = JavaProgramExample.Pom.read(Path.of("pom.xml"));
        var example = JavaProgramExample.Pom.read(JavaProgramExample.ROOT.resolve("pom.xml"));
        var library = example.dependencies().stream().filter(d -> root.artifactId().equals(d.artifactId())).toList();

        assertThat(library).as("dependencies on " + root.artifactId() + " in " + JavaProgramExample.ROOT.resolve("pom.xml"))
                .containsExactly(new JavaProgramExample.Pom.Dependency(root.groupId(), root.artifactId(), root.version()));
        // The CLI installs the gcp plugin that the first com/pulumi/gcp/plugin.json on the class path names: the
        // library's (9.37.0) must come before the SDK's (7.0.0).
        var order = example.dependencies().stream().map(d -> d.groupId() + ":" + d.artifactId()).toList();
        assertThat(order.indexOf(root.groupId() + ":" + root.artifactId())).isLessThan(order.indexOf("com.pulumi:gcp"));
        // The SDKs the example uses directly, at the versions the library is built and tested with.
        for (var sdk : List.of("pulumi", "gcp")) {
            var expected = root.dependencies().stream().filter(d -> d.groupId().equals("com.pulumi") && d.artifactId().equals(sdk))
                    .map(d -> root.resolved(d.version())).findFirst().orElseThrow();
            assertThat(example.dependencies()).as("com.pulumi:" + sdk).contains(new JavaProgramExample.Pom.Dependency("com.pulumi", sdk, expected));
        }
    }

    @Test
    void aSourceThatDoesNotCompileFailsWithTheCompilersDiagnostics(@TempDir Path classes) {
        var broken = JavaSources.inMemory("README.md snippet", "App.java", """
                public final class App {
                    static void stack() {
                        new dev.iapcloudrun.components.IapProjectSetup("p", null);
                    }
                }
                """);

        var failure = catchThrowableOfType(AssertionError.class, () -> JavaSources.compile(List.of(broken), classes));

        assertThat(failure.getMessage()).contains("javac refused README.md snippet:", "README.md snippet:3:9: error: ",
                "constructor IapProjectSetup in class dev.iapcloudrun.components.IapProjectSetup cannot be applied to given types");
    }
}
