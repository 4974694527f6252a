package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.program.StackArgs;
import dev.iapcloudrun.spec.StackSpec;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class IapCloudRunServiceTest {

    private static final String AGENT = "serviceAccount:service-123456789@gcp-sa-iap.iam.gserviceaccount.com";
    private static final String SERVICE = "gcp:cloudrunv2/service:Service";
    private static final String RUN_MEMBER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";

    /** The fields of a typical service, as its stack file would list them after its name and image. */
    private static final String TYPICAL = """
            env: {LOG_LEVEL: info}
            secrets:
              DB_PASSWORD: {secret: db-password, version: "3"}
            scaling: {minInstances: 1, maxInstances: 5}
            resources: {cpu: "1", memory: 512Mi}
            timeout: 60s
            port: 8080
            invokers: [serviceAccount:worker@acme-dev.iam.gserviceaccount.com]
            """;

    static StackSpec service(String name) {
        return service(name, TYPICAL);
    }

    /** A stack of one service read by the stack file reader, so that a test varies it the way a stack file would. */
    static StackSpec service(String name, String fields) {
        var yaml = "project: acme-dev\nprojectNumber: \"482913375520\"\nregion: europe-west1\nlabels: {env: dev}\nservices:\n  - name: " + name
                + "\n    image: europe-docker.pkg.dev/acme/apps/" + name + ":1.0\n" + fields.indent(4);
        return StackFileReader.parse("stacks/test.yaml", yaml, StackFileReader.Defaults.NONE);
    }

    /** The plan of the stack's one service, its arguments built as the stack-file program builds them. */
    static Plan plan(StackSpec stack) {
        var spec = stack.services().get(0);
        return TestPlans.run(ctx -> new IapCloudRunService(spec.name(), StackArgs.service(stack, spec, Output.of(AGENT)), null));
    }

    @Test
    void createsTheServiceItsIdentityAndItsInvokerGrants() {
        var plan = plan(service("orders"));
        assertThat(TestPlans.custom(plan)).extracting(Plan.PlannedResource::type, Plan.PlannedResource::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SERVICE, "orders"),
                        org.assertj.core.groups.Tuple.tuple("gcp:serviceaccount/account:Account", "orders-runtime"),
                        org.assertj.core.groups.Tuple.tuple(RUN_MEMBER, "orders-invoker-iap-agent"),
                        org.assertj.core.groups.Tuple.tuple(RUN_MEMBER, "orders-invoker-serviceAccount:worker@acme-dev.iam.gserviceaccount.com"),
                        org.assertj.core.groups.Tuple.tuple("gcp:secretmanager/secretIamMember:SecretIamMember", "orders-secret-db-password"));
        var component = plan.named(IapCloudRunService.TYPE, "orders");
        assertThat(TestPlans.custom(plan)).allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
    }

    @Test
    void putsIapInFrontWithTheInvokerCheckOn() {
        var service = plan(service("orders")).named(SERVICE, "orders");
        assertThat(text(service, "name")).isEqualTo("orders");
        assertThat(text(service, "iapEnabled")).isEqualTo("true");
        assertThat(text(service, "invokerIamDisabled")).isEqualTo("false");
        assertThat(text(service, "ingress")).isEqualTo("INGRESS_TRAFFIC_ALL");
        assertThat(text(service, "deletionProtection")).isEqualTo("true");
        assertThat(text(service, "location")).isEqualTo("europe-west1");
        assertThat(text(service, "labels.env")).isEqualTo("dev");
        assertThat(service.inputs().has("launchStage")).as("BETA causes a perpetual diff since IAP is GA").isFalse();
    }

    @Test
    void runsAsItsDedicatedIdentityAndSendsPortsAsOneObject() {
        var service = plan(service("orders")).named(SERVICE, "orders");
        assertThat(text(service, "template.serviceAccount")).isEqualTo("run-orders@acme-dev.iam.gserviceaccount.com");
        assertThat(service.inputs().at("/template/containers/0/ports").isObject()).isTrue();
        assertThat(text(service, "template.containers.0.ports.containerPort")).isEqualTo("8080");
        assertThat(text(service, "template.containers.0.resources.limits.memory")).isEqualTo("512Mi");
        assertThat(text(service, "template.scaling.minInstanceCount")).isEqualTo("1");
        assertThat(text(service, "template.containers.0.envs.0.name")).isEqualTo("DB_PASSWORD");
        assertThat(text(service, "template.containers.0.envs.0.valueSource.secretKeyRef.version")).isEqualTo("3");
    }

    @Test
    void sendsTheContainerSettingsUnderTheProvidersNames() {
        var service = plan(service("orders", """
                resources: {cpu: "2", memory: 1Gi, cpuIdle: false, startupCpuBoost: true}
                concurrency: 250
                executionEnvironment: gen2
                sessionAffinity: true
                """)).named(SERVICE, "orders");
        assertThat(text(service, "template.maxInstanceRequestConcurrency")).isEqualTo("250");
        assertThat(text(service, "template.executionEnvironment")).isEqualTo("EXECUTION_ENVIRONMENT_GEN2");
        assertThat(text(service, "template.sessionAffinity")).isEqualTo("true");
        assertThat(text(service, "template.containers.0.resources.cpuIdle")).isEqualTo("false");
        assertThat(text(service, "template.containers.0.resources.startupCpuBoost")).isEqualTo("true");
        assertThat(text(service, "template.containers.0.resources.limits.cpu")).isEqualTo("2");
    }

    @Test
    void sendsCommandAndArgsAsTheProvidersCommandsAndArgs() {
        var container = plan(service("orders", """
                command: [/app/server]
                args: [--port=8080, 42]
                """)).named(SERVICE, "orders").inputs().at("/template/containers/0");
        assertThat(container.get("commands").toString()).isEqualTo("[\"/app/server\"]");
        assertThat(container.get("args").toString()).isEqualTo("[\"--port=8080\",\"42\"]");
    }

    @Test
    void sendsProbesUnderTheProvidersNames() {
        var container = plan(service("orders", """
                startupProbe:
                  tcpSocket: {port: 8080}
                  periodSeconds: 5
                  failureThreshold: 12
                livenessProbe:
                  httpGet: {path: /healthz, port: 8080}
                  initialDelaySeconds: 10
                  periodSeconds: 30
                  timeoutSeconds: 3
                """)).named(SERVICE, "orders").inputs().at("/template/containers/0");
        assertThat(container.at("/startupProbe/tcpSocket/port").asInt()).isEqualTo(8080);
        assertThat(container.at("/startupProbe/periodSeconds").asInt()).isEqualTo(5);
        assertThat(container.at("/startupProbe/failureThreshold").asInt()).isEqualTo(12);
        assertThat(container.at("/startupProbe").has("httpGet")).isFalse();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/livenessProbe/httpGet/port").asInt()).isEqualTo(8080);
        assertThat(container.at("/livenessProbe/initialDelaySeconds").asInt()).isEqualTo(10);
        assertThat(container.at("/livenessProbe/timeoutSeconds").asInt()).isEqualTo(3);
    }

    @Test
    void sendsAGrpcProbeWithItsService() {
        var probe = plan(service("orders", "startupProbe: {grpc: {port: 8081, service: health}}")).named(SERVICE, "orders")
                .inputs().at("/template/containers/0/startupProbe");
        assertThat(probe.at("/grpc/port").asInt()).isEqualTo(8081);
        assertThat(probe.at("/grpc/service").asText()).isEqualTo("health");
    }

    @Test
    void sendsAConnectorByItsFullPathInTheServicesProjectAndRegion() {
        var vpcAccess = plan(service("orders", "network: {connector: run-connector, egress: all-traffic}")).named(SERVICE, "orders")
                .inputs().at("/template/vpcAccess");
        assertThat(vpcAccess.at("/connector").asText()).isEqualTo("projects/acme-dev/locations/europe-west1/connectors/run-connector");
        assertThat(vpcAccess.at("/egress").asText()).isEqualTo("ALL_TRAFFIC");
        assertThat(vpcAccess.has("networkInterfaces")).isFalse();
    }

    @Test
    void sendsAConnectorPathAsWritten() {
        var connector = "projects/acme-host/locations/europe-west1/connectors/shared";
        var vpcAccess = plan(service("orders", "network: {connector: " + connector + "}")).named(SERVICE, "orders")
                .inputs().at("/template/vpcAccess");
        assertThat(vpcAccess.at("/connector").asText()).isEqualTo(connector);
    }

    @Test
    void sendsDirectVpcEgressAsOneNetworkInterfaceWithPrivateRangesOnlyByDefault() {
        var vpcAccess = plan(service("orders", """
                network:
                  vpc: shared-vpc
                  subnetwork: projects/acme-host/regions/europe-west1/subnetworks/run-egress
                  tags: [run-orders, to-database]
                """)).named(SERVICE, "orders").inputs().at("/template/vpcAccess");
        assertThat(vpcAccess.at("/networkInterfaces").size()).isEqualTo(1);
        assertThat(vpcAccess.at("/networkInterfaces/0/network").asText()).isEqualTo("shared-vpc");
        assertThat(vpcAccess.at("/networkInterfaces/0/subnetwork").asText())
                .isEqualTo("projects/acme-host/regions/europe-west1/subnetworks/run-egress");
        assertThat(vpcAccess.at("/networkInterfaces/0/tags").toString()).isEqualTo("[\"run-orders\",\"to-database\"]");
        assertThat(vpcAccess.at("/egress").asText()).isEqualTo("PRIVATE_RANGES_ONLY");
        assertThat(vpcAccess.has("connector")).isFalse();
    }

    @Test
    void sendsTheDefaultBinaryAuthorizationPolicyAsUseDefault() {
        var binaryAuthorization = plan(service("orders", "binaryAuthorization: {policy: default, breakglassJustification: INC-4711}"))
                .named(SERVICE, "orders").inputs().at("/binaryAuthorization");
        assertThat(binaryAuthorization.at("/useDefault").asBoolean()).isTrue();
        assertThat(binaryAuthorization.has("policy")).isFalse();
        assertThat(binaryAuthorization.at("/breakglassJustification").asText()).isEqualTo("INC-4711");
    }

    @Test
    void sendsANamedBinaryAuthorizationPolicyByItsPathInTheServicesProject() {
        var binaryAuthorization = plan(service("orders", "binaryAuthorization: {policy: strict-images}"))
                .named(SERVICE, "orders").inputs().at("/binaryAuthorization");
        assertThat(binaryAuthorization.at("/policy").asText()).isEqualTo("projects/acme-dev/platforms/cloudRun/strict-images");
        assertThat(binaryAuthorization.has("useDefault")).isFalse();
        assertThat(binaryAuthorization.has("breakglassJustification")).isFalse();
    }

    @Test
    void sendsNeitherVpcAccessNorBinaryAuthorizationWhenTheyAreNotWritten() {
        var inputs = plan(service("orders")).named(SERVICE, "orders").inputs();
        assertThat(inputs.at("/template").has("vpcAccess")).isFalse();
        assertThat(inputs.has("binaryAuthorization")).isFalse();
    }

    @Test
    void leavesTheContainerSettingsToCloudRunWhenTheyAreNotWritten() {
        var template = plan(service("orders")).named(SERVICE, "orders").inputs().at("/template");
        assertThat(template.has("maxInstanceRequestConcurrency")).isFalse();
        assertThat(template.has("executionEnvironment")).isFalse();
        assertThat(template.has("sessionAffinity")).isFalse();
        assertThat(template.at("/containers/0").has("commands")).isFalse();
        assertThat(template.at("/containers/0").has("args")).isFalse();
        assertThat(template.at("/containers/0").has("startupProbe")).isFalse();
        assertThat(template.at("/containers/0").has("livenessProbe")).isFalse();
        assertThat(template.at("/containers/0/resources").has("cpuIdle")).isFalse();
        assertThat(template.at("/containers/0/resources").has("startupCpuBoost")).isFalse();
    }

    @Test
    void sendsASwitchWithoutLimitsInAResourcesBlockOfItsOwn() {
        var resources = plan(service("orders", "resources: {startupCpuBoost: true}")).named(SERVICE, "orders")
                .inputs().at("/template/containers/0/resources");
        assertThat(resources.has("limits")).isFalse();
        assertThat(resources.get("startupCpuBoost").asBoolean()).isTrue();
    }

    @Test
    void grantsRunInvokerToTheIapAgentAsAnAdditiveMember() {
        var grant = plan(service("orders")).named(RUN_MEMBER, "orders-invoker-iap-agent");
        assertThat(text(grant, "role")).isEqualTo("roles/run.invoker");
        assertThat(text(grant, "member")).isEqualTo(AGENT);
        assertThat(text(grant, "name")).isEqualTo("orders");
        assertThat(grant.dependsOn()).anySatisfy(urn -> assertThat(urn).endsWith("gcp:cloudrunv2/service:Service::orders"));
    }

    @Test
    void grantsTheDedicatedIdentityAccessToTheSecretsItReads() {
        var grant = plan(service("orders")).named("gcp:secretmanager/secretIamMember:SecretIamMember", "orders-secret-db-password");
        assertThat(text(grant, "role")).isEqualTo("roles/secretmanager.secretAccessor");
        assertThat(text(grant, "secretId")).isEqualTo("db-password");
        assertThat(text(grant, "member")).isEqualTo("serviceAccount:run-orders@acme-dev.iam.gserviceaccount.com");
    }

    private static final String SECRET_MEMBER = "gcp:secretmanager/secretIamMember:SecretIamMember";
    private static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";

    @Test
    void grantsEachRuntimeRoleAsAnAdditiveProjectMemberNamedAfterTheRole() {
        var plan = plan(service("orders", TYPICAL + "runtimeRoles: [roles/monitoring.metricWriter, roles/cloudtrace.agent]\n"));
        assertThat(plan.ofType(PROJECT_MEMBER)).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("orders-role-cloudtrace.agent", "orders-role-monitoring.metricWriter");
        var grant = plan.named(PROJECT_MEMBER, "orders-role-cloudtrace.agent");
        assertThat(text(grant, "project")).isEqualTo("acme-dev");
        assertThat(text(grant, "role")).isEqualTo("roles/cloudtrace.agent");
        assertThat(text(grant, "member")).isEqualTo("serviceAccount:run-orders@acme-dev.iam.gserviceaccount.com");
        assertThat(grant.parent()).isEqualTo(plan.named(IapCloudRunService.TYPE, "orders").urn());
        // The service's first revision may call what its roles allow as soon as it starts.
        assertThat(plan.named(SERVICE, "orders").dependsOn()).contains(grant.urn());
    }

    @Test
    void namesACustomRolesGrantAfterItsWholePath() {
        var plan = plan(service("orders", TYPICAL + "runtimeRoles: [projects/acme-dev/roles/traceWriter]\n"));
        assertThat(text(plan.named(PROJECT_MEMBER, "orders-role-projects/acme-dev/roles/traceWriter"), "role"))
                .isEqualTo("projects/acme-dev/roles/traceWriter");
    }

    @Test
    void grantsNoProjectRoleWhenNoneIsDeclared() {
        assertThat(plan(service("orders")).ofType(PROJECT_MEMBER)).isEmpty();
    }

    @Test
    void createsTheServiceOnlyOnceItsIdentityMayReadItsSecrets() {
        var plan = plan(service("orders"));
        var grant = plan.named(SECRET_MEMBER, "orders-secret-db-password");
        assertThat(plan.named(SERVICE, "orders").dependsOn()).contains(grant.urn());
    }

    @Test
    void grantsAccessToASecretOfAnotherProjectInThatProject() {
        var shared = service("orders", """
                secrets:
                  API_KEY: {secret: projects/acme-shared/secrets/partner-api-key}
                """);
        var grant = plan(shared).named(SECRET_MEMBER, "orders-secret-acme-shared/partner-api-key");
        assertThat(text(grant, "secretId")).isEqualTo("projects/acme-shared/secrets/partner-api-key");
        assertThat(grant.inputs().has("project")).isFalse();
        assertThat(grant.aliases()).as("the grant was named after the secret's id alone before")
                .containsExactly(grant.urn().replace("orders-secret-acme-shared/partner-api-key", "orders-secret-partner-api-key"));
    }

    @Test
    void namesTheGrantsOfOneSecretIdInTwoProjectsApart() {
        var twoProjects = service("orders", """
                secrets:
                  A: {secret: db}
                  B: {secret: projects/other-proj/secrets/db}
                """);
        var plan = plan(twoProjects);
        assertThat(plan.ofType(SECRET_MEMBER)).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("orders-secret-db", "orders-secret-other-proj/db");
        var own = plan.named(SECRET_MEMBER, "orders-secret-db");
        assertThat(text(own, "secretId")).isEqualTo("db");
        assertThat(text(own, "project")).isEqualTo("acme-dev");
        assertThat(own.aliases()).isEmpty();
        assertThat(plan.named(SECRET_MEMBER, "orders-secret-other-proj/db").aliases())
                .as("the old name belongs to the grant of the stack's own secret").isEmpty();
    }

    @Test
    void grantsOnceASecretWrittenBothAsAnIdAndAsAPathOfTheStacksProject() {
        for (var path : List.of("projects/acme-dev/secrets/db", "projects/482913375520/secrets/db")) {
            var sameSecret = service("orders", """
                    secrets:
                      A: {secret: db}
                      B: {secret: %s}
                    """.formatted(path));
            var grant = plan(sameSecret).ofType(SECRET_MEMBER);
            assertThat(grant).as(path).singleElement().satisfies(g -> {
                assertThat(g.name()).isEqualTo("orders-secret-db");
                assertThat(text(g, "secretId")).isEqualTo("db");
                assertThat(text(g, "project")).isEqualTo("acme-dev");
            });
        }
    }

    @Test
    void keepsTheNameAndInputsOfASecretWrittenAsAPathOfTheStacksProject() {
        var path = service("orders", """
                secrets:
                  B: {secret: projects/acme-dev/secrets/db}
                """);
        var grant = plan(path).named(SECRET_MEMBER, "orders-secret-db");
        assertThat(text(grant, "secretId")).isEqualTo("projects/acme-dev/secrets/db");
        assertThat(grant.aliases()).isEmpty();
    }


    @Test
    void mountsEachSecretFileReadOnlyWithTheDirectoryHoldingIt() {
        var template = plan(service("orders", """
                volumes:
                  secrets:
                    /etc/orders/tls/tls.key: {secret: orders-tls-key, version: "3"}
                    /etc/orders/config/app.yaml: {secret: orders-config}
                """)).named(SERVICE, "orders").inputs().at("/template");
        assertThat(template.at("/volumes").toString()).isEqualTo("[{\"name\":\"secret-etc-orders-config\",\"secret\":{\"items\":"
                + "[{\"path\":\"app.yaml\",\"version\":\"latest\"}],\"secret\":\"orders-config\"}},{\"name\":\"secret-etc-orders-tls\","
                + "\"secret\":{\"items\":[{\"path\":\"tls.key\",\"version\":\"3\"}],\"secret\":\"orders-tls-key\"}}]");
        assertThat(template.at("/containers/0/volumeMounts").toString()).isEqualTo("[{\"mountPath\":\"/etc/orders/config\","
                + "\"name\":\"secret-etc-orders-config\"},{\"mountPath\":\"/etc/orders/tls\",\"name\":\"secret-etc-orders-tls\"}]");
        assertThat(template.at("/volumes/0/secret").has("defaultMode")).as("Cloud Run's read-only 0444").isFalse();
    }

    @Test
    void namesASecretVolumeWithAHashWhenItsDirectoryIsNotPlain() {
        assertThat(IapCloudRunService.secretVolumeName("/etc/orders/tls")).isEqualTo("secret-etc-orders-tls");
        var a = IapCloudRunService.secretVolumeName("/etc/a-b");
        var b = IapCloudRunService.secretVolumeName("/etc/a/b");
        assertThat(a).startsWith("secret-etc-a-b-").isNotEqualTo(b).matches("[a-z0-9-]{1,63}");
        assertThat(IapCloudRunService.secretVolumeName("/" + "x".repeat(80))).matches("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    }

    @Test
    void grantsASecretReadAsAVariableAndAsAFileOnce() {
        var plan = plan(service("orders", TYPICAL + """
                volumes:
                  secrets:
                    /etc/orders/db/password: {secret: db-password, version: "3"}
                    /etc/orders/tls/tls.key: {secret: orders-tls-key}
                """));
        assertThat(plan.ofType(SECRET_MEMBER)).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("orders-secret-db-password", "orders-secret-orders-tls-key");
        var fileOnly = plan.named(SECRET_MEMBER, "orders-secret-orders-tls-key");
        assertThat(text(fileOnly, "secretId")).isEqualTo("orders-tls-key");
        assertThat(text(fileOnly, "project")).isEqualTo("acme-dev");
        assertThat(plan.named(SERVICE, "orders").dependsOn()).contains(fileOnly.urn());
    }

    @Test
    void grantsOnceASecretReadAsAVariableByItsIdAndAsAFileByItsPathInTheStacksProject() {
        var grant = plan(service("orders", """
                secrets:
                  DB: {secret: db}
                volumes:
                  secrets: {/etc/orders/db/password: {secret: projects/482913375520/secrets/db}}
                """)).ofType(SECRET_MEMBER);
        assertThat(grant).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("orders-secret-db");
            assertThat(text(g, "secretId")).isEqualTo("db");
        });
    }

    @Test
    void mountsCloudSqlAtCloudsqlAndGrantsTheClientRoleOnTheServicesProject() {
        var plan = plan(service("orders", "volumes: {cloudSqlInstances: [acme-dev:europe-west1:orders-db, acme-dev:europe-west4:orders-replica]}"));
        var template = plan.named(SERVICE, "orders").inputs().at("/template");
        assertThat(template.at("/volumes").toString()).isEqualTo("[{\"cloudSqlInstance\":{\"instances\":"
                + "[\"acme-dev:europe-west1:orders-db\",\"acme-dev:europe-west4:orders-replica\"]},\"name\":\"cloudsql\"}]");
        assertThat(template.at("/containers/0/volumeMounts").toString()).isEqualTo("[{\"mountPath\":\"/cloudsql\",\"name\":\"cloudsql\"}]");
        var grant = plan.named(PROJECT_MEMBER, "orders-role-cloudsql.client");
        assertThat(plan.ofType(PROJECT_MEMBER)).as("one grant for the project of both instances").hasSize(1);
        assertThat(text(grant, "project")).isEqualTo("acme-dev");
        assertThat(text(grant, "role")).isEqualTo("roles/cloudsql.client");
        assertThat(text(grant, "member")).isEqualTo("serviceAccount:run-orders@acme-dev.iam.gserviceaccount.com");
        assertThat(plan.named(SERVICE, "orders").dependsOn()).contains(grant.urn());
    }

    @Test
    void declaringTheClientRoleBesideCloudSqlIsOneGrantThatOutlivesTheInstances() {
        var both = plan(service("orders", "runtimeRoles: [roles/cloudsql.client]\n"
                + "volumes: {cloudSqlInstances: [acme-dev:europe-west1:orders-db]}\n"));
        var roleOnly = plan(service("orders", "runtimeRoles: [roles/cloudsql.client]\n"));
        assertThat(both.ofType(PROJECT_MEMBER)).extracting(Plan.PlannedResource::name).containsExactly("orders-role-cloudsql.client");
        // Dropping the instances later keeps the very same grant: no delete at the end of the run revokes it.
        var kept = roleOnly.named(PROJECT_MEMBER, "orders-role-cloudsql.client");
        var grant = both.named(PROJECT_MEMBER, "orders-role-cloudsql.client");
        assertThat(kept.urn()).isEqualTo(grant.urn());
        assertThat(kept.inputs()).isEqualTo(grant.inputs());
    }

    @Test
    void grantsTheClientRoleOnTheProjectOwningAnotherProjectsInstance() {
        var plan = plan(service("orders", "volumes: {cloudSqlInstances: [acme-data:europe-west1:warehouse, acme-dev:europe-west1:orders-db]}"));
        assertThat(plan.ofType(PROJECT_MEMBER)).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("orders-role-cloudsql.client", "orders-role-cloudsql.client-acme-data");
        assertThat(text(plan.named(PROJECT_MEMBER, "orders-role-cloudsql.client-acme-data"), "project")).isEqualTo("acme-data");
    }

    @Test
    void grantsNothingForVolumesWhenTheStackNamesAnExistingIdentity() {
        var plan = plan(service("orders", """
                serviceAccount: legacy@acme-dev.iam.gserviceaccount.com
                volumes:
                  secrets: {/etc/orders/tls/tls.key: {secret: orders-tls-key}}
                  cloudSqlInstances: [acme-dev:europe-west1:orders-db]
                """));
        assertThat(plan.ofType(SECRET_MEMBER)).isEmpty();
        assertThat(plan.ofType(PROJECT_MEMBER)).isEmpty();
        assertThat(plan.named(SERVICE, "orders").inputs().at("/template/volumes").size()).isEqualTo(2);
    }

    @Test
    void namesAnInvokerGrantAfterThePrincipalAsIamComparesIt() {
        var plan = plan(service("orders", "invokers: [serviceAccount:Worker@acme-dev.iam.gserviceaccount.com]\n"));
        var grant = plan.named(RUN_MEMBER, "orders-invoker-serviceAccount:worker@acme-dev.iam.gserviceaccount.com");
        assertThat(text(grant, "member")).isEqualTo("serviceAccount:worker@acme-dev.iam.gserviceaccount.com");
        assertThat(grant.aliases()).as("the name it had when it was named as written").containsExactly(grant.urn()
                .replace("orders-invoker-serviceAccount:worker@", "orders-invoker-serviceAccount:Worker@"));
    }

    @Test
    void usesAnExistingIdentityWithoutCreatingOrGrantingAnything() {
        var existing = service("orders", TYPICAL + "serviceAccount: legacy@acme-dev.iam.gserviceaccount.com\n");
        var plan = plan(existing);
        assertThat(plan.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(plan.ofType("gcp:secretmanager/secretIamMember:SecretIamMember")).isEmpty();
        assertThat(text(plan.named(SERVICE, "orders"), "template.serviceAccount")).isEqualTo("legacy@acme-dev.iam.gserviceaccount.com");
    }

    @Test
    void makesAServicePublicOnlyWhenIapIsOffAndPublicIsChosen() {
        var open = service("status", "deletionProtection: false\niap: false\npublic: true\n");
        var plan = plan(open);
        var service = plan.named(SERVICE, "status");
        assertThat(text(service, "iapEnabled")).isEqualTo("false");
        assertThat(text(service, "invokerIamDisabled")).isEqualTo("true");
        assertThat(plan.ofType(RUN_MEMBER)).as("no IAP agent grant without IAP").isEmpty();
    }

    @Test
    void asksForProviderVersion9370ForEveryResource() {
        assertThat(TestPlans.custom(plan(service("orders")))).allSatisfy(r -> assertThat(r.version()).isEqualTo(GcpProvider.VERSION));
    }

    @Test
    void derivesAStableAccountIdWithinGoogleLimits() {
        assertThat(IapCloudRunService.accountId("orders")).isEqualTo("run-orders");
        assertThat(IapCloudRunService.accountId("a")).isEqualTo("run-a-sa");
        var longName = "customer-onboarding-document-review-service";
        var id = IapCloudRunService.accountId(longName);
        assertThat(id).hasSizeLessThanOrEqualTo(30).matches("[a-z][a-z0-9-]{4,28}[a-z0-9]").isEqualTo(IapCloudRunService.accountId(longName));
        assertThat(id).isNotEqualTo(IapCloudRunService.accountId("customer-onboarding-document-review-other"));
    }
}
