package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ServiceSpec;
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

    static ServiceSpec service(String name) {
        return new ServiceSpec(name, "europe-docker.pkg.dev/acme/apps/" + name + ":1.0", ServiceSpec.Ingress.ALL,
                Optional.empty(), Map.of("LOG_LEVEL", "info"),
                Map.of("DB_PASSWORD", new ServiceSpec.SecretRef("db-password", "3")),
                Optional.of(1), Optional.of(5), Optional.of("1"), Optional.of("512Mi"), Optional.of("60s"), Optional.of(8080),
                true, List.of(), List.of(new Principal("serviceAccount:worker@acme-dev.iam.gserviceaccount.com")),
                true, false, Optional.empty());
    }

    static Plan plan(ServiceSpec spec) {
        return TestPlans.run(ctx -> new IapCloudRunService(spec.name(), new IapCloudRunServiceArgs(
                "acme-dev", "europe-west1", Map.of("env", "dev"), spec, Output.of(AGENT), List.of()), null));
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

    @Test
    void grantsAccessToASecretOfAnotherProjectInThatProject() {
        var spec = service("orders");
        var shared = new ServiceSpec(spec.name(), spec.image(), spec.ingress(), spec.serviceAccount(), Map.of(),
                Map.of("API_KEY", new ServiceSpec.SecretRef("projects/acme-shared/secrets/partner-api-key", "latest")),
                spec.minInstances(), spec.maxInstances(), spec.cpu(), spec.memory(), spec.timeout(), spec.port(), true,
                List.of(), List.of(), true, false, Optional.empty());
        var grant = plan(shared).named("gcp:secretmanager/secretIamMember:SecretIamMember", "orders-secret-partner-api-key");
        assertThat(text(grant, "secretId")).isEqualTo("projects/acme-shared/secrets/partner-api-key");
        assertThat(grant.inputs().has("project")).isFalse();
    }

    @Test
    void usesAnExistingIdentityWithoutCreatingOrGrantingAnything() {
        var spec = service("orders");
        var existing = new ServiceSpec(spec.name(), spec.image(), spec.ingress(), Optional.of("legacy@acme-dev.iam.gserviceaccount.com"),
                spec.env(), spec.secretEnv(), spec.minInstances(), spec.maxInstances(), spec.cpu(), spec.memory(), spec.timeout(),
                spec.port(), spec.deletionProtection(), spec.customAudiences(), spec.invokers(), true, false, Optional.empty());
        var plan = plan(existing);
        assertThat(plan.ofType("gcp:serviceaccount/account:Account")).isEmpty();
        assertThat(plan.ofType("gcp:secretmanager/secretIamMember:SecretIamMember")).isEmpty();
        assertThat(text(plan.named(SERVICE, "orders"), "template.serviceAccount")).isEqualTo("legacy@acme-dev.iam.gserviceaccount.com");
    }

    @Test
    void makesAServicePublicOnlyWhenIapIsOffAndPublicIsChosen() {
        var spec = service("status");
        var open = new ServiceSpec(spec.name(), spec.image(), spec.ingress(), spec.serviceAccount(), spec.env(), Map.of(),
                spec.minInstances(), spec.maxInstances(), spec.cpu(), spec.memory(), spec.timeout(), spec.port(), false,
                List.of(), List.of(), false, true, Optional.empty());
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
