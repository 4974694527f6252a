package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.iapcloudrun.FakePulumiEngine;
import dev.iapcloudrun.Processes;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as `pulumi up` runs it: `java -jar`, the engine's addresses, project, stack and config in
 * the environment, against a fake engine on loopback. What it registers must be the offline plan.
 */
class EngineModeIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String SECRET = "GOCSPX-engine-mode-secret-0815";

    record Registered(String type, String name, String parent, String inputs) {}

    /** How a run of the jar under the fake engine ended: its exit code, its own output, and what the engine saw. */
    record Run(int exitCode, String output, FakePulumiEngine engine) {}

    /** The real numbers of the bundled stacks' projects, as their stack files declare them. */
    private static final Map<String, String> PROJECT_NUMBERS = Map.of("dev", "482913375520", "prod", "905718264301");

    /** Runs the jar as the language host does, for the stack {@code stack} of the project in {@code root}. */
    private static Run run(Path root, TestPlans.BundledStack stack) throws Exception {
        return run(root, stack, PROJECT_NUMBERS.get(stack.stack()));
    }

    /** As {@link #run(Path, TestPlans.BundledStack)}, in a cloud project whose real number is {@code projectNumber}. */
    private static Run run(Path root, TestPlans.BundledStack stack, String projectNumber) throws Exception {
        return run(root, stack, projectNumber, Map.of());
    }

    /** As {@link #run(Path, TestPlans.BundledStack, String)}, with more variables in the program's environment. */
    private static Run run(Path root, TestPlans.BundledStack stack, String projectNumber, Map<String, String> environment) throws Exception {
        var engine = new FakePulumiEngine(stack.project(), stack.stack()).answering("gcp:organizations/getProject:getProject",
                Struct.newBuilder().putFields("number", Value.newBuilder().setStringValue(projectNumber).build()).build());
        var json = new ObjectMapper();
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve("target/iap-cloudrun.jar").toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_PROJECT", stack.project());
        env.put("PULUMI_STACK", stack.stack());
        env.put("PULUMI_ROOT_DIRECTORY", root.toString());
        env.put("PULUMI_DRY_RUN", "true");
        env.put("PULUMI_CONFIG", json.writeValueAsString(stack.config()));
        env.put("PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(stack.secretKeys()));
        env.putAll(environment);
        var finished = Processes.run(process, Duration.ofMinutes(2));
        return new Run(finished.exitCode(), finished.stdout(), engine);
    }

    @Test
    void registersExactlyTheOfflinePlanWithTheSecretMarkedSecret() throws Exception {
        var stack = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", SECRET));

        var run = run(ROOT, stack);
        try (var engine = run.engine()) {
            assertThat(run.exitCode()).as("engine logs: %s", engine.logText()).isZero();

            var offline = stack.synth();
            assertThat(registered(engine.registrations)).isNotEmpty().isEqualTo(registered(offline));

            var settings = engine.registrations.stream().filter(r -> r.getType().equals("gcp:iap/settings:Settings")).findFirst().orElseThrow();
            var secret = settings.getObject().getFieldsOrThrow("accessSettings").getStructValue()
                    .getFieldsOrThrow("oauthSettings").getStructValue().getFieldsOrThrow("clientSecret");
            assertThat(StructJson.value(secret).asText()).as("travels as a secret").isEqualTo("[secret]");

            assertThat(engine.registrations).filteredOn(r -> r.getCustom())
                    .allSatisfy(r -> assertThat(r.getVersion()).isEqualTo(GcpProvider.VERSION));
            assertThat(engine.registrations).as("a stack that adopts nothing sends no import ID")
                    .allSatisfy(r -> assertThat(r.getImportId()).as(r.getName()).isEmpty());
            assertThat(engine.logText() + run.output()).doesNotContain(SECRET);
        }
    }

    @Test
    void sendsEachAdoptedResourceWithItsImportIdAndTheOthersWithout() throws Exception {
        var root = ROOT.resolve("examples/adopt");
        var project = PulumiProject.load(root);
        var config = project.stackConfig("shop");
        var stack = new TestPlans.BundledStack(project.name(), "shop", config.values(), config.secretKeys(), config.fingerprints());
        var offline = OfflineEngine.synth(project.name(), "shop", config.values(), config.secretKeys(), config.fingerprints(),
                new IapCloudRunProgram(root)::run, warning -> { });

        var run = run(root, stack, "731205994118");
        try (var engine = run.engine()) {
            assertThat(run.exitCode()).as("engine logs: %s", engine.logText()).isZero();
            var sent = new TreeMap<String, String>();
            engine.registrations.forEach(r -> sent.put(r.getType() + "::" + r.getName(), r.getImportId()));
            var planned = new TreeMap<String, String>();
            offline.resources().forEach(r -> planned.put(r.type() + "::" + r.name(), r.importId()));
            assertThat(sent).isEqualTo(planned);
            assertThat(sent).containsEntry("gcp:cloudrunv2/service:Service::storefront",
                            "projects/acme-shop-prod/locations/europe-west1/services/storefront")
                    .containsEntry("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding::storefront-accessors",
                            "projects/acme-shop-prod/iap_web/cloud_run-europe-west1/services/storefront roles/iap.httpsResourceAccessor")
                    .containsEntry("gcp:cloudrunv2/serviceIamMember:ServiceIamMember::storefront-invoker-iap-agent",
                            "projects/acme-shop-prod/locations/europe-west1/services/storefront roles/run.invoker "
                                    + "serviceAccount:service-731205994118@gcp-sa-iap.iam.gserviceaccount.com")
                    .containsEntry("gcp:serviceaccount/account:Account::storefront-runtime",
                            "projects/acme-shop-prod/serviceAccounts/run-storefront@acme-shop-prod.iam.gserviceaccount.com")
                    .as("a service with adopt: false is created, with its grants")
                    .containsEntry("gcp:cloudrunv2/service:Service::returns", "")
                    .containsEntry("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding::returns-accessors", "")
                    .as("project-wide resources are created, never adopted")
                    .containsEntry("gcp:projects/service:Service::acme-shop-prod-run-api", "");
        }
    }

    @Test
    void reportsAnInvalidStackThroughTheEngineWithoutTheSecretOrAStackTrace(@TempDir Path root) throws Exception {
        Files.copy(ROOT.resolve("Pulumi.yaml"), root.resolve("Pulumi.yaml"));
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/prod.yaml"), Files.readString(ROOT.resolve("stacks/prod.yaml"))
                .replace("        - domain:partners.example\n", "        - allUsers\n"));
        var stack = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", SECRET));

        var run = run(root, stack);
        try (var engine = run.engine()) {
            assertThat(run.exitCode()).isNotZero();
            assertThat(engine.registrations).filteredOn(r -> r.getCustom()).as("nothing is declared").isEmpty();
            assertThat(engine.logText()).contains("ERROR", "stacks/prod.yaml:", "found the public principal 'allUsers'");
            assertThat(engine.logText() + run.output()).doesNotContain(SECRET).doesNotContain("\tat ");
        }
    }

    @Test
    void keepsTheSecretOutOfTheSdksExcessiveDebugOutput() throws Exception {
        var stack = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", SECRET));

        var run = run(ROOT, stack, PROJECT_NUMBERS.get("prod"), Map.of("PULUMI_EXCESSIVE_DEBUG_OUTPUT", "true"));
        try (var engine = run.engine()) {
            assertThat(run.exitCode()).as("engine logs: %s", engine.logText()).isZero();
            assertThat(engine.logText()).as("the serializer's dump reaches the engine").contains("Serialize property[");
            assertThat(engine.logText() + run.output()).doesNotContain(SECRET);
        }
    }

    @Test
    void stopsWhenTheDeclaredProjectNumberIsNotTheProjects() throws Exception {
        var run = run(ROOT, TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", SECRET)), "123456789012");
        try (var engine = run.engine()) {
            assertThat(run.exitCode()).isNotZero();
            assertThat(engine.logText()).contains("ERROR", "projectNumber 905718264301 is not the number of project acme-portal-prod, which is 123456789012");
            assertThat(engine.logText() + run.output()).doesNotContain(SECRET).doesNotContain("\tat ");
        }
    }

    @Test
    void sendsStackFileWarningsToTheEngineLog() throws Exception {
        var run = run(ROOT, TestPlans.bundled("dev"));
        try (var engine = run.engine()) {
            assertThat(run.exitCode()).isZero();
            assertThat(List.copyOf(engine.logs)).filteredOn(l -> l.getSeverity() == pulumirpc.EngineOuterClass.LogSeverity.WARNING)
                    .extracting(pulumirpc.EngineOuterClass.LogRequest::getMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("stacks/dev.yaml:").endsWith("[image-not-pinned]"));
        }
    }

    private static List<Registered> registered(List<pulumirpc.Resource.RegisterResourceRequest> requests) {
        var result = new ArrayList<Registered>();
        for (var r : List.copyOf(requests)) {
            result.add(new Registered(r.getType(), r.getName(), r.getParent(), StructJson.object(r.getObject()).toString()));
        }
        return sorted(result);
    }

    private static List<Registered> registered(Plan plan) {
        var result = new ArrayList<Registered>();
        plan.resources().forEach(r -> result.add(new Registered(r.type(), r.name(), r.parent(), r.inputs().toString())));
        return sorted(result);
    }

    private static List<Registered> sorted(List<Registered> list) {
        var byKey = new TreeMap<String, Registered>();
        list.forEach(r -> byKey.put(r.type() + "::" + r.name(), r));
        return List.copyOf(byKey.values());
    }
}
