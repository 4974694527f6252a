package dev.iapcloudrun.components;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.iapcloudrun.provider.gcp.serviceaccount.Account;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.synth.OfflineEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program that calls the components directly meets the refusals of a stack file, in the same words, naming the
 * component, its resource name and the input; values known only at deploy time are checked when they resolve.
 */
class ComponentGuardrailsTest {

    private static final String AGENT = "serviceAccount:service-123456789@gcp-sa-iap.iam.gserviceaccount.com";

    /** What a run registered (every resource, components included) and how it ended. */
    private record Run(TestResult result, List<String> registered) {

        String failure() {
            return IapProjectSetupTest.failure(result);
        }
    }

    private static Run run(Consumer<Context> program) {
        var registered = Collections.synchronizedList(new ArrayList<String>());
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.add(args.type + " " + args.name);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        };
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("iap-cloudrun").stackName("dev").preview(false).build())
                    .mocks(mocks)
                    .deploymentFactory(OfflineEngine::countingDeployment)
                    .build()
                    .runTest(program::accept);
            return new Run(result, List.copyOf(registered));
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private static IapCloudRunServiceArgs.Builder service() {
        return IapCloudRunServiceArgs.builder()
                .project("acme-dev")
                .region("europe-west1")
                .image("europe-docker.pkg.dev/acme/apps/orders:1.0")
                .iapAgentMember(AGENT);
    }

    private static IapAccessorBindingArgs.Builder accessors() {
        return IapAccessorBindingArgs.builder().project("acme-dev").region("europe-west1").serviceName("orders");
    }

    /** The message the stack-file reader gives for {@code yaml}'s one problem. */
    private static String stackFileMessage(String service, String extra) {
        var yaml = "project: acme-dev\nregion: europe-west1\nservices:\n  - name: orders\n    image: europe-docker.pkg.dev/acme/apps/orders:1.0\n"
                + service.indent(4) + extra;
        var check = StackFileReader.check("stacks/dev.yaml", yaml, StackFileReader.Defaults.NONE, Optional.empty());
        assertThat(check.errors()).hasSize(1);
        return check.errors().get(0).message();
    }

    @Test
    void failsWhenAccessorIsAllUsers() {
        var run = run(ctx -> new IapAccessorBinding("orders-accessors",
                accessors().mode("authoritative").members("user:ada@acme.example", "allUsers").build(), null));

        assertThat(run.result().exitCode()).isNotZero();
        assertThat(run.failure()).contains("IapAccessorBinding 'orders-accessors' input 'members': members[1]: "
                + stackFileMessage("accessors: {mode: authoritative, members: [allUsers]}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAPublicAdditiveAccessorBeforeRegisteringAnything() {
        var run = run(ctx -> new IapAccessorBinding("orders-accessors",
                accessors().mode("additive").members("allAuthenticatedUsers").build(), null));

        assertThat(run.failure()).contains("IapAccessorBinding 'orders-accessors' input 'members[0]': found the public principal 'allAuthenticatedUsers'");
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAMissingAccessorMode() {
        var run = run(ctx -> new IapAccessorBinding("orders-accessors", accessors().members("user:ada@acme.example").build(), null));

        assertThat(run.failure()).contains("IapAccessorBinding 'orders-accessors' input 'mode': missing; expected authoritative "
                + "(exactly these members) or additive (these members, others left alone)");
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAMalformedPrincipalInTheStackFilesWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().invokers("Group:ops@acme.example").build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'invokers[0]': "
                + stackFileMessage("invokers: [\"Group:ops@acme.example\"]", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesPublicAccessTogetherWithIap() {
        var run = run(ctx -> new IapCloudRunService("orders", service().publicAccess(true).build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'publicAccess': " + stackFileMessage("public: true", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesTheContainerSettingsAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().concurrency(1001).executionEnvironment("gen3").build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 2 refused inputs:")
                .contains("input 'concurrency': " + stackFileMessage("concurrency: 1001", "").replace("the number ", ""))
                .contains("input 'executionEnvironment': " + stackFileMessage("executionEnvironment: gen3", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAnEmptyWordOfCommandOrArgsInTheStackFilesWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().command("/app/server", "").args("--port=8080", "", "-v")
                .build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 2 refused inputs:")
                .contains("input 'command': command[1]: " + stackFileMessage("command: [/app/server, \"\"]", ""))
                .contains("input 'args': args[1]: " + stackFileMessage("args: [--port=8080, \"\", -v]", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesProbesAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .startupProbe(ProbeArgs.builder().httpGet(ProbeHttpGetArgs.builder().path("ready").build())
                        .tcpSocket(ProbeTcpSocketArgs.builder().port(8080).build()).periodSeconds(300).build())
                .livenessProbe(ProbeArgs.builder().grpc(ProbeGrpcArgs.builder().port(8081).build())
                        .periodSeconds(5).timeoutSeconds(10).build())
                .build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 4 refused inputs:")
                .contains("input 'startupProbe': " + stackFileMessage("startupProbe: {httpGet: {path: /r}, tcpSocket: {port: 8080}}", ""))
                .contains("input 'startupProbe.httpGet.path': " + stackFileMessage("startupProbe: {httpGet: {path: ready}}", ""))
                .contains("input 'startupProbe.periodSeconds': "
                        + stackFileMessage("startupProbe: {grpc: {}, periodSeconds: 300}", "").replace("the number ", ""))
                .contains("input 'livenessProbe.timeoutSeconds': "
                        + stackFileMessage("livenessProbe: {grpc: {}, periodSeconds: 5, timeoutSeconds: 10}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void failsWhenConnectorAndNetworkAreBothSetInTheStackFilesWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .network(NetworkArgs.builder().connector("run-connector").subnetwork("run-egress").egress("all-traffic").build()).build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'network': "
                + stackFileMessage("network: {connector: run-connector, subnetwork: run-egress, egress: all-traffic}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesNetworkValuesAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .network(NetworkArgs.builder().vpc("projects/acme-dev/networks/default").subnetwork("Run_Egress")
                        .tags("run-orders", "run-orders").egress("all_traffic").build()).build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 4 refused inputs:")
                .contains("input 'network.vpc': " + stackFileMessage("network: {vpc: projects/acme-dev/networks/default}", ""))
                .contains("input 'network.subnetwork': " + stackFileMessage("network: {subnetwork: Run_Egress}", ""))
                .contains("input 'network.tags[1]': " + stackFileMessage("network: {vpc: default, tags: [run-orders, run-orders]}", ""))
                .contains("input 'network.egress': " + stackFileMessage("network: {vpc: default, egress: all_traffic}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void failsWhenASubnetworkIsInAnotherRegionThanTheService() {
        var subnetwork = "projects/acme-host/regions/europe-west4/subnetworks/run-egress";
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .network(NetworkArgs.builder().subnetwork(subnetwork).build()).build(), null));

        assertThat(run.failure()).contains("input 'network.subnetwork': " + stackFileMessage("network: {subnetwork: " + subnetwork + "}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void failsWhenNetworkHasNeitherAConnectorNorAVpc() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .network(NetworkArgs.builder().egress("all-traffic").build()).build(), null));

        assertThat(run.failure()).contains("input 'network': " + stackFileMessage("network: {egress: all-traffic}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesBinaryAuthorizationAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .binaryAuthorization(BinaryAuthorizationArgs.builder().policy("strict-images").breakglassJustification("INC-4711").build())
                .build(), null));

        assertThat(run.failure()).contains("input 'binaryAuthorization.breakglassJustification': "
                + stackFileMessage("binaryAuthorization: {policy: strict-images, breakglassJustification: INC-4711}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesSecretFilesAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .volumes(VolumesArgs.builder().secrets(
                        SecretVolumeArgs.builder().path("/tls.key").secret("orders-tls-key").build(),
                        SecretVolumeArgs.builder().path("/etc/orders/tls.key").secret("orders-tls-key").version("v3").build(),
                        SecretVolumeArgs.builder().path("/etc/orders/tls.crt").secret("orders-tls-crt").build(),
                        SecretVolumeArgs.builder().path("/proc/self/key").secret("bad secret").build(),
                        SecretVolumeArgs.builder().path("/etc/key.pem").secret("orders-key").build()).build())
                .build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 6 refused inputs:")
                .contains("input 'volumes.secrets[0].path': " + stackFileMessage("volumes: {secrets: {/tls.key: {secret: a}}}", ""))
                .contains("input 'volumes.secrets[1].version': " + stackFileMessage("volumes: {secrets: {/a/b: {secret: a, version: v3}}}", ""))
                .contains("input 'volumes.secrets[2].path': "
                        + stackFileMessage("volumes: {secrets: {/etc/orders/tls.key: {secret: a}, /etc/orders/tls.crt: {secret: b}}}", ""))
                .contains("input 'volumes.secrets[3].path': " + stackFileMessage("volumes: {secrets: {/proc/self/key: {secret: a}}}", ""))
                .contains("input 'volumes.secrets[3].secret': " + stackFileMessage("volumes: {secrets: {/a/b: {secret: bad secret}}}", ""))
                .contains("input 'volumes.secrets[4].path': " + stackFileMessage("volumes: {secrets: {/etc/key.pem: {secret: a}}}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void failsWhenABinaryAuthorizationPolicyIsUnshapedOrMissing() {
        var unshaped = run(ctx -> new IapCloudRunService("orders", service()
                .binaryAuthorization(BinaryAuthorizationArgs.builder().policy("projects/acme-dev/policies/strict").build()).build(), null));
        var missing = run(ctx -> new IapCloudRunService("orders", service()
                .binaryAuthorization(BinaryAuthorizationArgs.builder().breakglassJustification("INC-4711").build()).build(), null));

        assertThat(unshaped.failure()).contains("input 'binaryAuthorization.policy': "
                + stackFileMessage("binaryAuthorization: {policy: projects/acme-dev/policies/strict}", ""));
        assertThat(missing.failure()).contains("input 'binaryAuthorization.policy': missing; expected default, or a policy's name or path");
        assertThat(unshaped.registered()).isEmpty();
        assertThat(missing.registered()).isEmpty();
    }

    @Test
    void refusesCloudSqlInstancesAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .volumes(VolumesArgs.builder()
                        .secrets(SecretVolumeArgs.builder().path("/cloudsql/certs/ca.pem").secret("ca").build())
                        .cloudSqlInstances("acme-dev:europe-west1:orders-db", "orders-db", "acme-dev:europe-west1:orders-db").build())
                .build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 3 refused inputs:")
                .contains("input 'volumes.cloudSqlInstances[1]': " + stackFileMessage("volumes: {cloudSqlInstances: [orders-db]}", ""))
                .contains("input 'volumes.cloudSqlInstances[2]': ")
                .contains("the instance acme-dev:europe-west1:orders-db is listed twice (first at volumes.cloudSqlInstances[0])")
                .contains("input 'volumes.secrets[0].path': " + stackFileMessage(
                        "volumes: {secrets: {/cloudsql/certs/ca.pem: {secret: ca}}, cloudSqlInstances: [acme-dev:europe-west1:orders-db]}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesALivenessProbeOverTcpAsCloudRunDoes() {
        var run = run(ctx -> new IapCloudRunService("orders", service()
                .livenessProbe(ProbeArgs.builder().tcpSocket(ProbeTcpSocketArgs.builder().port(8080).build()).build()).build(), null));

        assertThat(run.failure()).contains("input 'livenessProbe': " + stackFileMessage("livenessProbe: {tcpSocket: {port: 8080}}", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesWhatCloudRunRefusesForLessThanOneCpuInTheStackFilesWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().cpu("500m").concurrency(80).cpuIdle(false)
                .executionEnvironment("gen2").build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 3 refused inputs:")
                .contains("input 'concurrency': " + stackFileMessage("resources: {cpu: 500m}\nconcurrency: 80", ""))
                .contains("input 'cpuIdle': " + stackFileMessage("resources: {cpu: 500m, cpuIdle: false}", ""))
                .contains("input 'executionEnvironment': " + stackFileMessage("resources: {cpu: 500m}\nexecutionEnvironment: gen2", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void acceptsLessThanOneCpuWithTheSettingsCloudRunAllows() {
        var run = run(ctx -> new IapCloudRunService("orders", service().cpu("500m").concurrency(1).cpuIdle(true)
                .executionEnvironment("gen1").startupCpuBoost(true).sessionAffinity(true).build(), null));

        assertThat(run.result().exitCode()).isZero();
        assertThat(run.registered()).anyMatch(r -> r.startsWith("gcp:cloudrunv2/service:Service "));
    }

    @Test
    void refusesRuntimeRolesAStackFileRefusesInTheSameWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles("roles/editor",
                "roles/iam.serviceAccountTokenCreator", "roles/storage.admin", "cloudtrace.agent", "roles/pubsub.publisher",
                "roles/pubsub.publisher").build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 5 refused inputs:")
                .contains("input 'runtimeRoles[0]': " + stackFileMessage("runtimeRoles: [roles/editor]", ""))
                .contains("input 'runtimeRoles[1]': " + stackFileMessage("runtimeRoles: [roles/iam.serviceAccountTokenCreator]", ""))
                .contains("input 'runtimeRoles[2]': " + stackFileMessage("runtimeRoles: [roles/storage.admin]", ""))
                .contains("input 'runtimeRoles[3]': " + stackFileMessage("runtimeRoles: [cloudtrace.agent]", ""))
                .contains("input 'runtimeRoles[5]': the role 'roles/pubsub.publisher' is listed twice (first at runtimeRoles[4])");
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesRuntimeRolesOnANamedAccountInTheStackFilesWords() {
        var account = "shared-runner@acme-dev.iam.gserviceaccount.com";
        var run = run(ctx -> new IapCloudRunService("orders", service().serviceAccount(account).runtimeRoles("roles/cloudtrace.agent")
                .build(), null));

        assertThat(run.failure()).contains("input 'runtimeRoles': "
                + stackFileMessage("serviceAccount: " + account + "\nruntimeRoles: [roles/cloudtrace.agent]", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAnotherProjectsCustomRoleInTheStackFilesWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles("projects/acme-prod/roles/traceWriter")
                .build(), null));

        assertThat(run.failure()).contains("input 'runtimeRoles[0]': "
                + stackFileMessage("runtimeRoles: [projects/acme-prod/roles/traceWriter]", ""));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void acceptsAnAdminRoleOnlyWhenAllowedAndNeverAnIamAdminRole() {
        var allowed = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles("roles/storage.admin")
                .allowAdminRoles(true).build(), null));
        assertThat(allowed.result().exitCode()).isZero();
        assertThat(allowed.registered()).contains("gcp:projects/iAMMember:IAMMember orders-role-storage.admin");

        var iamAdmin = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles("roles/iam.securityAdmin")
                .allowAdminRoles(true).build(), null));
        assertThat(iamAdmin.failure()).contains("input 'runtimeRoles[0]': found \"roles/iam.securityAdmin\", which administers IAM");
    }

    @Test
    void refusesTheRolesAStackFileRefusesWhateverThePolicyInTheSameWords() {
        var roles = new String[] {"roles/iap.admin", "roles/run.admin", "roles/cloudbuild.builds.builder", "roles/run.serviceAgent",
                "roles/run.invoker", "roles/iap.httpsResourceAccessor", "roles/secretmanager.secretAccessor"};
        var run = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles(roles).allowAdminRoles(true).build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' has 7 refused inputs:");
        for (int i = 0; i < roles.length; i++) {
            assertThat(run.failure()).contains("input 'runtimeRoles[" + i + "]': "
                    + stackFileMessage("runtimeRoles: [" + roles[i] + "]", "policy: {allowAdminRoles: true}\n"));
        }
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesACamelCaseAdminRoleUnlessAllowed() {
        var refused = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles("roles/compute.securityAdmin").build(), null));
        assertThat(refused.failure()).contains("input 'runtimeRoles[0]': found the admin role \"roles/compute.securityAdmin\"");

        var allowed = run(ctx -> new IapCloudRunService("orders", service().runtimeRoles("roles/compute.securityAdmin")
                .allowAdminRoles(true).build(), null));
        assertThat(allowed.result().exitCode()).isZero();
    }

    @Test
    void refusesEveryProblemOfAComponentAtOnce() {
        var run = run(ctx -> new IapCloudRunService("Orders", service().image("Not An Image").cpu("3").port(70000)
                .serviceAccount("123-compute@developer.gserviceaccount.com").build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'Orders' has 5 refused inputs:")
                .contains("input 'name': found \"Orders\"; expected a Cloud Run service name")
                .contains("input 'image': found \"Not An Image\"")
                .contains("input 'cpu': found \"3\"")
                .contains("input 'port': found 70000; expected a whole number from 1 to 65535")
                .contains("input 'serviceAccount': found the project's default service account");
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesIapWithoutTheAgentToLetItThrough() {
        var run = run(ctx -> new IapCloudRunService("orders", IapCloudRunServiceArgs.builder().project("acme-dev")
                .region("europe-west1").image("europe-docker.pkg.dev/acme/apps/orders:1.0").build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'iapAgentMember': missing");
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void checksAValueKnownOnlyAtDeployTimeWhenItResolves() {
        var run = run(ctx -> {
            // The account's email resolves only once the account exists: the default account slips in through it.
            var account = new Account("legacy", AccountArgs.builder().accountId("legacy").project("acme-dev").build(), null);
            new IapCloudRunService("orders", service()
                    .serviceAccount(account.urn().applyValue(urn -> "123-compute@developer.gserviceaccount.com")).build(), null);
        });

        assertThat(run.result().exitCode()).isNotZero();
        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'serviceAccount': found the project's default service account");
        assertThat(run.registered()).as("the service that would run as it is never created")
                .noneMatch(r -> r.startsWith("gcp:cloudrunv2/service:Service "));
    }

    @Test
    void acceptsAValueKnownOnlyAtDeployTimeThatPasses() {
        var run = run(ctx -> {
            var account = new Account("runner", AccountArgs.builder().accountId("runner").project("acme-dev").build(), null);
            new IapCloudRunService("orders", service()
                    .serviceAccount(account.urn().applyValue(urn -> "runner@acme-dev.iam.gserviceaccount.com")).build(), null);
        });

        assertThat(run.failure()).isEmpty();
        assertThat(run.registered()).contains("gcp:cloudrunv2/service:Service orders");
    }

    @Test
    void checksARuleOverTwoInputsWhenTheLaterOneResolves() {
        var run = run(ctx -> {
            // cpu is known when the component is created, concurrency only after it: the pair is checked when it resolves.
            var concurrency = new CompletableFuture<Integer>();
            new IapCloudRunService("orders", service().cpu("500m").concurrency(Output.of(concurrency)).build(), null);
            concurrency.complete(80);
        });

        assertThat(run.result().exitCode()).isNotZero();
        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'concurrency': cpu 500m is less than 1 CPU");
        assertThat(run.registered()).noneMatch(r -> r.startsWith("gcp:cloudrunv2/service:Service "));
    }

    @Test
    void acceptsARuleOverTwoInputsWhenTheLaterOneResolvesAndPasses() {
        var run = run(ctx -> {
            var concurrency = new CompletableFuture<Integer>();
            new IapCloudRunService("orders", service().cpu("500m").cpuIdle(true).executionEnvironment("gen1")
                    .concurrency(Output.of(concurrency)).build(), null);
            concurrency.complete(1);
        });

        assertThat(run.failure()).isEmpty();
        assertThat(run.registered()).contains("gcp:cloudrunv2/service:Service orders");
    }

    @Test
    void refusesAnAdditiveMemberKnownOnlyAtDeployTime() {
        var later = run(ctx -> {
            var account = new Account("caller", AccountArgs.builder().accountId("caller").project("acme-dev").build(), null);
            new IapAccessorBinding("orders-accessors", accessors().mode("additive")
                    .members(account.urn().applyValue(urn -> List.of("serviceAccount:caller@acme-dev.iam.gserviceaccount.com"))).build(), null);
        });
        assertThat(later.failure()).contains("IapAccessorBinding 'orders-accessors' input 'members': comes from another resource or is not "
                + "known when the component is created; with mode additive each member's grant is a resource named "
                + "after its principal, so it must be a value the program holds: pass it as a plain value");
    }

    @Test
    void grantsAuthoritativeMembersKnownOnlyAtDeployTime() {
        var run = run(ctx -> {
            var account = new Account("caller", AccountArgs.builder().accountId("caller").project("acme-dev").build(), null);
            new IapAccessorBinding("orders-accessors", accessors().mode("authoritative")
                    .members(account.urn().applyValue(urn -> List.of("serviceAccount:caller@acme-dev.iam.gserviceaccount.com"))).build(), null);
        });

        assertThat(run.failure()).isEmpty();
        assertThat(run.registered()).contains("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding orders-accessors");
    }

    @Test
    void keepsTheOAuthClientSecretOutOfEveryRefusal() {
        var secret = "GOCSPX-never-in-a-message";
        var run = run(ctx -> new IapOAuthClientSettings("acme-dev-iap-settings", IapOAuthClientSettingsArgs.builder()
                .projectNumber("123456789").clientId("not-a-client-id").clientSecret(Output.ofSecret(secret)).region("europe-west1").build(), null));

        assertThat(run.failure()).contains("IapOAuthClientSettings 'acme-dev-iap-settings' has 2 refused inputs:")
                .contains("input 'serviceName': settings of one service need both region and serviceName")
                .contains("input 'clientId': found \"not-a-client-id\"; expected an OAuth client id ending in .apps.googleusercontent.com")
                .doesNotContain(secret);
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAMalformedProjectNumberOfTheSetup() {
        var run = run(ctx -> new IapProjectSetup("acme-dev", IapProjectSetupArgs.builder().project("acme-dev").projectNumber("12ab").build(), null));

        assertThat(run.failure()).contains("IapProjectSetup 'acme-dev' input 'projectNumber': "
                + stackFileMessage("", "projectNumber: \"12ab\"\n"));
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAdoptionBehindIapWithoutTheProjectNumberInTheStackFilesWords() {
        var run = run(ctx -> new IapCloudRunService("orders", service().adopt(true).build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'projectNumber': "
                + InputRules.adoptWithIap(true, true, false).orElseThrow());
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void refusesAdoptionWhenTheServiceNameOfTheGrantsIsKnownOnlyAtDeployTime() {
        var run = run(ctx -> {
            var svc = new IapCloudRunService("orders", service().projectNumber("123456789").adopt(true).build(), null);
            new IapAccessorBinding("orders-accessors", accessors().serviceName(svc.serviceName()).mode("additive")
                    .members("user:ada@example.com").adopt(true).build(), null);
        });

        assertThat(run.failure()).contains("IapAccessorBinding 'orders-accessors' input 'serviceName': comes from another resource",
                "with adopt, each grant's import ID names it");
    }

    @Test
    void refusesAdoptionWhenTheIapAgentIsNotTheOneTheProjectNumberNames() {
        var run = run(ctx -> new IapCloudRunService("orders", service().projectNumber("987654321").adopt(true).build(), null));

        assertThat(run.failure()).contains("IapCloudRunService 'orders' input 'iapAgentMember': found " + AGENT,
                "is imported for serviceAccount:service-987654321@gcp-sa-iap.iam.gserviceaccount.com");
        assertThat(run.registered()).isEmpty();
    }

    @Test
    void adoptsWhenTheIapAgentIsTheOneTheProjectNumberNames() {
        var run = run(ctx -> new IapCloudRunService("orders", service().projectNumber("123456789").adopt(true).build(), null));

        assertThat(run.result().exceptions()).isEmpty();
        assertThat(run.registered()).contains("gcp:cloudrunv2/service:Service orders");
    }
}
