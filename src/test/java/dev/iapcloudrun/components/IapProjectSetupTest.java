package dev.iapcloudrun.components;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.synth.Plan;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.iapcloudrun.synth.OfflineEngine;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceIamMember;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class IapProjectSetupTest {

    @Test
    void enablesTheApisAndCreatesTheIapAgent() {
        var plan = TestPlans.run(ctx -> new IapProjectSetup("acme-dev", IapProjectSetupArgs.builder().project("acme-dev").projectNumber("123456789").build(), null));
        var component = plan.named(IapProjectSetup.TYPE, "acme-dev");
        assertThat(TestPlans.custom(plan)).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("acme-dev-run-api", "acme-dev-iap-api", "acme-dev-iap-agent");
        assertThat(TestPlans.custom(plan)).allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
        for (var api : plan.ofType("gcp:projects/service:Service")) {
            assertThat(text(api, "disableOnDestroy")).as("set explicitly: v9 has no default").isEqualTo("false");
            assertThat(text(api, "project")).isEqualTo("acme-dev");
        }
        assertThat(plan.ofType("gcp:projects/service:Service")).extracting(r -> text(r, "service"))
                .containsExactlyInAnyOrder("run.googleapis.com", "iap.googleapis.com");
        var agent = plan.named("gcp:projects/serviceIdentity:ServiceIdentity", "acme-dev-iap-agent");
        assertThat(text(agent, "service")).isEqualTo("iap.googleapis.com");
        assertThat(agent.dependsOn()).anySatisfy(urn -> assertThat(urn).endsWith("::acme-dev-iap-api"));
    }

    @Test
    void looksUpAnUndeclaredProjectNumberWithProviderVersion9370() {
        var plan = TestPlans.run(ctx -> new IapProjectSetup("acme-dev", IapProjectSetupArgs.builder().project("acme-dev").build(), null));
        assertThat(plan.invokes()).singleElement().satisfies(invoke -> {
            assertThat(invoke.token()).isEqualTo("gcp:organizations/getProject:getProject");
            assertThat(invoke.version()).isEqualTo(GcpProvider.VERSION);
        });
    }

    @Test
    void keepsADeclaredNumberKnownOfflineWhereTheRealOneIsNot() {
        var plan = TestPlans.run(ctx -> {
            var setup = new IapProjectSetup("acme-dev", IapProjectSetupArgs.builder().project("acme-dev").projectNumber("123456789").build(), null);
            ctx.export("agent", setup.iapAgentMember());
        });
        assertThat(plan.invokes()).extracting(Plan.PlannedInvoke::token).containsExactly("gcp:organizations/getProject:getProject");
        assertThat(plan.outputs().path("agent").asText()).isEqualTo("serviceAccount:service-123456789@gcp-sa-iap.iam.gserviceaccount.com");
    }

    /** Answers getProject with the project's real number, and every registration with its inputs. */
    private record RealProject(String number, List<String> registered) implements Mocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            registered.add(args.name + " " + args.inputs);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.completedFuture(Map.of("number", number));
        }
    }

    /**
     * Runs the program with the program's own task runner: the SDK's test runner waits by spinning on a worker of the
     * common pool, which can starve the tasks it waits for (the hang bench once had).
     */
    private static TestResult deploy(boolean preview, RealProject project) {
        try {
            return PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("iap-cloudrun").stackName("prod").preview(preview).build())
                    .mocks(project)
                    .deploymentFactory(OfflineEngine::countingDeployment)
                    .build()
                    .runTest(ctx -> {
                        var setup = new IapProjectSetup("acme-dev", IapProjectSetupArgs.builder().project("acme-dev").projectNumber("123456789").build(), null);
                        new ServiceIamMember("orders-invoker-iap-agent", ServiceIamMemberArgs.builder()
                                .project("acme-dev").location("europe-west1").name("orders").role(Roles.RUN_INVOKER)
                                .member(setup.iapAgentMember()).build(), GcpProvider.childOf(setup).build());
                    });
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /** Why a program run failed: the innermost message of each exception, then the errors it logged. */
    static String failure(TestResult result) {
        return result.exceptions().stream().map(e -> {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }).collect(Collectors.joining("\n")) + String.join("\n", result.errors());
    }

    @Test
    void stopsAnUpdateWhoseDeclaredNumberIsNotTheProjectsBeforeGrantingItsAgent() {
        var registered = java.util.Collections.synchronizedList(new ArrayList<String>());
        var result = deploy(false, new RealProject("987654321", registered));

        assertThat(result.exitCode()).isNotZero();
        assertThat(failure(result)).contains("projectNumber 123456789 is not the number of project acme-dev, which is 987654321");
        assertThat(registered).as("nothing is granted to the agent of the declared number").noneMatch(r -> r.contains("service-123456789@"));
    }

    @Test
    void stopsAPreviewWhoseDeclaredNumberIsNotTheProjects() {
        var result = deploy(true, new RealProject("987654321", new ArrayList<>()));

        assertThat(result.exitCode()).isNotZero();
        assertThat(failure(result)).contains("projectNumber 123456789 is not the number of project acme-dev, which is 987654321");
    }

    @Test
    void deploysWhenTheDeclaredNumberIsTheProjects() {
        var registered = java.util.Collections.synchronizedList(new ArrayList<String>());
        var result = deploy(false, new RealProject("123456789", registered));

        assertThat(failure(result)).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(registered).anyMatch(r -> r.startsWith("orders-invoker-iap-agent") && r.contains("service-123456789@gcp-sa-iap"));
    }

    @Test
    void knowsTheAgentAddressFromADeclaredProjectNumber() {
        assertThat(IapServiceAgent.member("123456789")).isEqualTo("serviceAccount:service-123456789@gcp-sa-iap.iam.gserviceaccount.com");
    }
}
