package dev.iapcloudrun.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Constants;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.core.internal.Urn;
import dev.iapcloudrun.components.AccessorConditionArgs;
import dev.iapcloudrun.components.EnvVarArgs;
import dev.iapcloudrun.components.SecretVolumeArgs;
import dev.iapcloudrun.components.VolumesArgs;
import dev.iapcloudrun.components.IapAccessorBinding;
import dev.iapcloudrun.components.IapAccessorBindingArgs;
import dev.iapcloudrun.components.IapCloudRunService;
import dev.iapcloudrun.components.IapCloudRunServiceArgs;
import dev.iapcloudrun.components.IapOAuthClientSettings;
import dev.iapcloudrun.components.IapOAuthClientSettingsArgs;
import dev.iapcloudrun.components.IapProjectSetup;
import dev.iapcloudrun.components.IapProjectSetupArgs;
import dev.iapcloudrun.components.IapServiceAgent;
import dev.iapcloudrun.components.LabelArgs;
import dev.iapcloudrun.components.SecretEnvVarArgs;
import dev.iapcloudrun.plugin.PluginHarness.Construction;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Urns;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.StructJson;
import org.junit.jupiter.api.Test;
import pulumirpc.AliasOuterClass;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.Comparator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static dev.iapcloudrun.plugin.PluginHarness.Construction.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The real components served as the plugin ({@link ComponentPlugin#main}) in a process of its own, called over gRPC
 * as the Pulumi engine calls a component provider for a program in another language, and held to the Java API: the
 * same inputs register the same children, meet the same refusals in the same words, and keep the OAuth client secret
 * a secret.
 *
 * <p>Inputs travel in the plain wire forms, a secret as the secret signature object and an unknown as the unknown
 * sentinel: the forms an engine sends to a provider that does not accept output values. The Java API runs offline in
 * this JVM ({@link OfflineEngine}) for the same project and stack as the fake engine, so that every URN of both runs
 * is the same and needs no rewriting.
 */
class ComponentsConstructTest {

    private static final String PROJECT_NUMBER = "482913375520";
    private static final String AGENT = IapServiceAgent.member(PROJECT_NUMBER);
    private static final String OAUTH_SECRET = "GOCSPX-construct-test-0815-never-in-plain";

    private static final String SETTINGS = "gcp:iap/settings:Settings";
    private static final String CLOUD_RUN = "gcp:cloudrunv2/service:Service";
    private static final String RUN_INVOKER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
    private static final String ACCESSOR_BINDING = "gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding";
    private static final String ACCESSOR_MEMBER = "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember";

    /**
     * Every Construct is served by a plugin process of its own. SDK 1.36.1 fails, now and then, a Construct that follows
     * another in one process ("Trying to acquire Deployment#instance after 'run' was called": the deployment the SDK keeps
     * per thread is still the one before); it was seen within a few dozen Constructs alternating a service and a project
     * setup. The engine also starts a plugin per operation, so one process never serves both previews and updates.
     */
    private static PluginHarness servedAlone() {
        try {
            var served = PluginHarness.start(PluginHarness.fromTestClasses(ComponentPlugin.class));
            // IapProjectSetup looks the project's number up; the real one, as the cloud would answer.
            served.engine().answering(GcpTypes.GET_PROJECT,
                    Struct.newBuilder().putFields("number", Value.newBuilder().setStringValue(PROJECT_NUMBER).build()).build());
            return served;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The same inputs, once for the wire and once for the Java API.

    private static PluginHarness.Construct projectSetup(String name) {
        return servedAlone().construct(IapProjectSetup.TYPE, name).closingThePlugin().input("project", "acme-dev").input("projectNumber", PROJECT_NUMBER);
    }

    private static IapProjectSetupArgs projectSetupArgs() {
        return IapProjectSetupArgs.builder().project("acme-dev").projectNumber(PROJECT_NUMBER).build();
    }

    /** A service with a bit of everything: nested lists, integers, booleans, a secret of another project, invokers. */
    private static PluginHarness.Construct service(String name) {
        return service(servedAlone(), name).closingThePlugin();
    }

    private static PluginHarness.Construct service(PluginHarness served, String name) {
        return served.construct(IapCloudRunService.TYPE, name)
                .input("project", "acme-dev")
                .input("region", "europe-west1")
                .input("projectNumber", PROJECT_NUMBER)
                .input("image", "europe-docker.pkg.dev/acme/apps/orders:1.4.2")
                .input("ingress", "internal-and-cloud-load-balancing")
                .input("env", List.of(
                        Map.of("name", "LOG_LEVEL", "value", "info"),
                        Map.of("name", "PAYMENTS_URL", "value", "https://payments.acme.example")))
                .input("secrets", List.of(
                        Map.of("name", "DB_PASSWORD", "secret", "db-password", "version", "3"),
                        Map.of("name", "API_KEY", "secret", "projects/acme-shared/secrets/api-key")))
                .input("volumes", Map.of(
                        "secrets", List.of(Map.of("path", "/etc/orders/tls/tls.key", "secret", "orders-tls-key", "version", "2")),
                        "cloudSqlInstances", List.of("acme-dev:europe-west1:orders-db")))
                .input("minInstances", 1)
                .input("maxInstances", 5)
                .input("cpu", "1")
                .input("memory", "512Mi")
                .input("timeout", "60s")
                .input("port", 8080)
                .input("deletionProtection", false)
                .input("customAudiences", List.of("https://orders.acme.example"))
                .input("invokers", List.of("serviceAccount:worker@acme-dev.iam.gserviceaccount.com", "group:Ops-Team@acme.example"))
                .input("iap", true)
                .input("publicAccess", false)
                .input("labels", List.of(Map.of("key", "team", "value", "orders"), Map.of("key", "env", "value", "dev")))
                .input("iapAgentMember", AGENT);
    }

    private static IapCloudRunServiceArgs.Builder serviceArgs() {
        return IapCloudRunServiceArgs.builder()
                .project("acme-dev")
                .region("europe-west1")
                .projectNumber(PROJECT_NUMBER)
                .image("europe-docker.pkg.dev/acme/apps/orders:1.4.2")
                .ingress("internal-and-cloud-load-balancing")
                .env(EnvVarArgs.builder().name("LOG_LEVEL").value("info").build(),
                        EnvVarArgs.builder().name("PAYMENTS_URL").value("https://payments.acme.example").build())
                .secrets(SecretEnvVarArgs.builder().name("DB_PASSWORD").secret("db-password").version("3").build(),
                        SecretEnvVarArgs.builder().name("API_KEY").secret("projects/acme-shared/secrets/api-key").build())
                .volumes(VolumesArgs.builder()
                        .secrets(SecretVolumeArgs.builder().path("/etc/orders/tls/tls.key").secret("orders-tls-key").version("2").build())
                        .cloudSqlInstances("acme-dev:europe-west1:orders-db").build())
                .minInstances(1)
                .maxInstances(5)
                .cpu("1")
                .memory("512Mi")
                .timeout("60s")
                .port(8080)
                .deletionProtection(false)
                .customAudiences("https://orders.acme.example")
                .invokers("serviceAccount:worker@acme-dev.iam.gserviceaccount.com", "group:Ops-Team@acme.example")
                .iap(true)
                .publicAccess(false)
                .labels(LabelArgs.builder().key("team").value("orders").build(), LabelArgs.builder().key("env").value("dev").build())
                .iapAgentMember(AGENT);
    }

    private static final Map<String, Object> CONDITION = Map.of("title", "business-hours",
            "expression", "request.time.getHours(\"Europe/Berlin\") >= 8", "description", "Only during office hours");

    private static AccessorConditionArgs conditionArgs() {
        return AccessorConditionArgs.builder().title("business-hours")
                .expression("request.time.getHours(\"Europe/Berlin\") >= 8").description("Only during office hours").build();
    }

    /** Accessors of the service "orders" with a condition; one member written with capitals, which IAM ignores. */
    private static PluginHarness.Construct accessors(String name, String mode) {
        return accessors(servedAlone(), name, mode).closingThePlugin();
    }

    private static PluginHarness.Construct accessors(PluginHarness served, String name, String mode) {
        return served.construct(IapAccessorBinding.TYPE, name)
                .input("project", "acme-dev")
                .input("region", "europe-west1")
                .input("serviceName", "orders")
                .input("mode", mode)
                .input("members", List.of("user:Zoe@Acme.example", "group:ops@acme.example"))
                .input("condition", CONDITION);
    }

    private static IapAccessorBindingArgs.Builder accessorsArgs(String mode) {
        return IapAccessorBindingArgs.builder()
                .project("acme-dev")
                .region("europe-west1")
                .serviceName("orders")
                .mode(mode)
                .members("user:Zoe@Acme.example", "group:ops@acme.example")
                .condition(conditionArgs());
    }

    /** OAuth client settings of one service, the secret in the wire form given. */
    private static PluginHarness.Construct oauthClient(String name, Value clientSecret) {
        return servedAlone().construct(IapOAuthClientSettings.TYPE, name).closingThePlugin()
                .input("projectNumber", PROJECT_NUMBER)
                .input("region", "europe-west1")
                .input("serviceName", "orders")
                .input("clientId", "123-abc.apps.googleusercontent.com")
                .input("clientSecret", clientSecret)
                .input("loginHint", "partners.example")
                .input("programmaticClients", List.of("456-cli.apps.googleusercontent.com"))
                .input("allowedRequestHosts", List.of("partners.example", "acme.example"));
    }

    private static IapOAuthClientSettingsArgs.Builder oauthClientArgs(Output<String> clientSecret) {
        return IapOAuthClientSettingsArgs.builder()
                .projectNumber(PROJECT_NUMBER)
                .region("europe-west1")
                .serviceName("orders")
                .clientId("123-abc.apps.googleusercontent.com")
                .clientSecret(clientSecret)
                .loginHint("partners.example")
                .programmaticClients("456-cli.apps.googleusercontent.com")
                .allowedRequestHosts("partners.example", "acme.example");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The children a Construct registers are those the Java API registers.

    @Test
    void theProjectSetupRegistersWhatTheJavaApiRegisters() {
        var construction = projectSetup("acme-dev").call();

        var plan = offline(ctx -> new IapProjectSetup("acme-dev", projectSetupArgs(), null));
        assertSameChildren(construction, plan, 3);
    }

    @Test
    void theServiceRegistersWhatTheJavaApiRegisters() {
        var construction = service("orders").call();

        var plan = offline(ctx -> new IapCloudRunService("orders", serviceArgs().build(), null));
        // The service, its identity, three secret grants (two variables, a file), the Cloud SQL grant, the IAP agent's grant
        // and two invokers' grants.
        assertSameChildren(construction, plan, 9);
        var service = inputs(construction.registered(CLOUD_RUN));
        assertThat(service.at("/template/containers/0/envs").toString()).isEqualTo("[{\"name\":\"API_KEY\",\"valueSource\":"
                + "{\"secretKeyRef\":{\"secret\":\"projects/acme-shared/secrets/api-key\",\"version\":\"latest\"}}},"
                + "{\"name\":\"DB_PASSWORD\",\"valueSource\":{\"secretKeyRef\":{\"secret\":\"db-password\",\"version\":\"3\"}}},"
                + "{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"PAYMENTS_URL\",\"value\":\"https://payments.acme.example\"}]");
        assertThat(service.at("/template/containers/0/ports/containerPort").asInt()).isEqualTo(8080);
        assertThat(service.at("/template/scaling").toString()).isEqualTo("{\"maxInstanceCount\":5,\"minInstanceCount\":1}");
        assertThat(service.at("/labels").toString()).isEqualTo("{\"env\":\"dev\",\"team\":\"orders\"}");
        assertThat(service.at("/deletionProtection").asBoolean(true)).isFalse();
    }

    @Test
    void aServiceGivesTheJavaApisWarningsOnTheEngineLogAttachedToTheComponent() {
        var construction = service("orders").call();

        var javaWarnings = new java.util.ArrayList<String>();
        OfflineEngine.synth(PluginHarness.PROJECT, PluginHarness.STACK, Map.of(), Set.of(),
                ctx -> new IapCloudRunService("orders", serviceArgs().build(), null), javaWarnings::add);
        var warnings = construction.logs().stream().filter(log -> log.getSeverity() == LogSeverity.WARNING).toList();
        assertThat(javaWarnings).as("the Java API's warnings").isNotEmpty()
                .anySatisfy(w -> assertThat(w).endsWith("[deletion-protection-off]"));
        assertThat(warnings).extracting(log -> log.getMessage()).containsExactlyInAnyOrderElementsOf(javaWarnings);
        var component = construction.registered(IapCloudRunService.TYPE);
        assertThat(warnings).allSatisfy(log -> assertThat(log.getUrn()).isEqualTo(Urns.of(PluginHarness.STACK, PluginHarness.PROJECT,
                component.getParent(), component.getType(), component.getName())));
    }

    @Test
    void anAuthoritativeAccessorBindingWithAConditionRegistersWhatTheJavaApiRegisters() {
        var construction = accessors("orders-accessors", "authoritative").call();

        var plan = offline(ctx -> new IapAccessorBinding("orders-accessors", accessorsArgs("authoritative").build(), null));
        assertSameChildren(construction, plan, 1);
        var binding = inputs(construction.registered(ACCESSOR_BINDING));
        assertThat(binding.path("members").toString()).isEqualTo("[\"group:ops@acme.example\",\"user:zoe@acme.example\"]");
        assertThat(binding.path("condition").toString()).isEqualTo("{\"description\":\"Only during office hours\","
                + "\"expression\":\"request.time.getHours(\\\"Europe/Berlin\\\") >= 8\",\"title\":\"business-hours\"}");
    }

    @Test
    void anAdditiveAccessorBindingWithAConditionRegistersWhatTheJavaApiRegisters() {
        var construction = accessors("orders-additive", "additive").call();

        var plan = offline(ctx -> new IapAccessorBinding("orders-additive", accessorsArgs("additive").build(), null));
        assertSameChildren(construction, plan, 2);
        var zoe = construction.registrations().stream().filter(r -> r.getName().equals("orders-additive-user:zoe@acme.example"))
                .findFirst().orElseThrow();
        assertThat(child(zoe).aliases()).as("from the name as written, which grants made before were named")
                .containsExactly("urn:pulumi:dev::plugin-test::" + IapAccessorBinding.TYPE + "$" + ACCESSOR_MEMBER
                        + "::orders-additive-user:Zoe@Acme.example");
    }

    @Test
    void theOAuthClientSettingsRegisterWhatTheJavaApiRegisters() {
        var construction = oauthClient("orders-iap-settings", PluginHarness.secret(OAUTH_SECRET)).call();

        var plan = offline(ctx -> new IapOAuthClientSettings("orders-iap-settings", oauthClientArgs(Output.ofSecret(OAUTH_SECRET)).build(), null));
        assertSameChildren(construction, plan, 1);
        assertThat(inputs(construction.registered(SETTINGS)).path("name").asText())
                .isEqualTo("projects/" + PROJECT_NUMBER + "/iap_web/cloud_run-europe-west1/services/orders");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The OAuth client secret stays a secret.

    @Test
    void aClientSecretSentAsASecretReachesTheSettingsAsASecretAndNothingShowsItInPlainText() {
        var construction = oauthClient("secret-sent-secret", PluginHarness.secret(OAUTH_SECRET)).call();

        assertTheSecretTravelsOnlyAsASecret(construction);
    }

    @Test
    void aClientSecretSentPlainIsMadeASecretByTheComponent() {
        // As a program sends it that forgot to mark it: the component marks it, whoever calls it.
        var construction = oauthClient("secret-sent-plain", PluginHarness.value(OAUTH_SECRET)).call();

        assertTheSecretTravelsOnlyAsASecret(construction);
    }

    private static void assertTheSecretTravelsOnlyAsASecret(Construction construction) {
        construction.ok();
        var wire = construction.registered(SETTINGS).getObject().getFieldsOrThrow("accessSettings").getStructValue()
                .getFieldsOrThrow("oauthSettings").getStructValue().getFieldsOrThrow("clientSecret");
        assertThat(StructJson.value(wire).asText()).as(wire.toString()).isEqualTo(StructJson.SECRET);
        // The engine needs the value, inside the secret signature, to encrypt it into the state: that is its one place.
        assertThat(wire.getStructValue().getFieldsOrThrow(Constants.SecretValueName).getStringValue()).isEqualTo(OAUTH_SECRET);
        assertThat(occurrences(construction.registrations().toString(), OAUTH_SECRET)).isEqualTo(1);
        assertThat(construction.registrations()).map(r -> inputs(r).toString()).noneMatch(text -> text.contains(OAUTH_SECRET));
        assertThat(construction.registeredOutputs().toString()).doesNotContain(OAUTH_SECRET);
        assertThat(construction.ok().toString()).doesNotContain(OAUTH_SECRET);
        assertThat(construction.logs()).noneMatch(log -> log.getMessage().contains(OAUTH_SECRET));
        assertThat(construction.plugin().get()).as("the plugin's stderr and the engine's log").doesNotContain(OAUTH_SECRET);
    }

    /*
     * SDK 1.36.1 logs every resource registration to the engine at DEBUG severity ("Registering resource monitor
     * start: ..., request=<the whole RegisterResourceRequest>", and "... end: ..., result=<the response>"), secret
     * values included in plain text inside their signature objects; upstream, pulumi/pulumi-java#618 ("How to make
     * sure we never log secrets") is open. The Pulumi CLI prints DEBUG messages with --debug, and its verbose logs
     * (-v) record them. The plugin gives the SDK an engine proxy that cuts such details, as the program's own path does.
     */
    @Test
    void noLogMessageOfAnySeverityHoldsTheSecretThoughTheSdkDumpsEveryRegistrationAtDebug() {
        var construction = oauthClient("secret-in-debug-log", PluginHarness.secret(OAUTH_SECRET)).call();

        construction.ok();
        assertThat(construction.logs()).noneMatch(log -> log.getMessage().contains(OAUTH_SECRET));
        assertThat(construction.logs()).filteredOn(log -> log.getSeverity() == LogSeverity.DEBUG)
                .anySatisfy(log -> assertThat(log.getMessage()).matches("(?s)Registering resource monitor (start|end): t="
                        + Pattern.quote(SETTINGS) + ", name=secret-in-debug-log, .*\\(details withheld: they hold a secret value\\)"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A preview with inputs not known yet constructs, the children holding them as unknowns.

    @Test
    void aPreviewWithTheImageAndTheIapAgentUnknownRegistersTheServiceWithUnknowns() {
        var construction = service(servedAlone(), "orders-preview").closingThePlugin().dryRun(true)
                .input("image", PluginHarness.unknown())
                .input("iapAgentMember", PluginHarness.unknown())
                .call();

        var plan = offline(ctx -> new IapCloudRunService("orders-preview", serviceArgs().image(unknown()).iapAgentMember(unknown()).build(), null));
        assertSameChildren(construction, plan, 9);
        assertThat(inputs(construction.registered(CLOUD_RUN)).at("/template/containers/0/image").asText()).isEqualTo(StructJson.UNKNOWN);
        var agentGrant = construction.registrations().stream().filter(r -> r.getName().equals("orders-preview-invoker-iap-agent")).findFirst().orElseThrow();
        assertThat(inputs(agentGrant).path("member").asText()).isEqualTo(StructJson.UNKNOWN);
        assertThat(inputs(agentGrant).path("name").asText()).as("known: the service's name").isEqualTo("orders-preview");
        assertThat(construction.state().path("uri").asText()).isEqualTo(StructJson.UNKNOWN);
    }

    @Test
    void aPreviewWithTheServiceNameUnknownRegistersTheAuthoritativeBindingWithIt() {
        var construction = accessors(servedAlone(), "orders-accessors-preview", "authoritative").closingThePlugin().dryRun(true)
                .input("serviceName", PluginHarness.unknown())
                .call();

        var plan = offline(ctx -> new IapAccessorBinding("orders-accessors-preview",
                accessorsArgs("authoritative").serviceName(unknown()).build(), null));
        assertSameChildren(construction, plan, 1);
        var binding = inputs(construction.registered(ACCESSOR_BINDING));
        assertThat(binding.path("cloudRunServiceName").asText()).isEqualTo(StructJson.UNKNOWN);
        assertThat(binding.path("members").toString()).isEqualTo("[\"group:ops@acme.example\",\"user:zoe@acme.example\"]");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refused inputs: Construct fails with the Java API's message, and nothing is registered.

    /*
     * Each refusal is served by a plugin process of its own. A failed Construct leaves SDK 1.36.1's process failing the
     * next Constructs it serves ("Multiple exceptions occurred", with the earlier component's exception); the engine
     * stops at the first failure, so a real process never serves one after another.
     */

    /** A plugin process for one refused Construct. */
    private static PluginHarness freshPlugin() throws Exception {
        return PluginHarness.start(PluginHarness.fromTestClasses(ComponentPlugin.class));
    }

    @Test
    void failsWhenAnAccessorIsPublicWithTheJavaApisMessage() throws Exception {
        Construction construction;
        try (var fresh = freshPlugin()) {
            construction = accessors(fresh, "orders-public", "authoritative")
                    .input("members", List.of("user:zoe@acme.example", "allUsers"))
                    .call();
        }

        var message = javaRefusal(ctx -> new IapAccessorBinding("orders-public",
                accessorsArgs("authoritative").members("user:zoe@acme.example", "allUsers").build(), null));
        assertThat(message).startsWith("IapAccessorBinding 'orders-public' input 'members': members[1]: found the public principal 'allUsers'");
        assertRefused(construction, message);
    }

    @Test
    void failsWhenPublicAccessMeetsIapWithTheJavaApisMessage() throws Exception {
        Construction construction;
        try (var fresh = freshPlugin()) {
            construction = service(fresh, "orders-public").input("publicAccess", true).call();
        }

        var message = javaRefusal(ctx -> new IapCloudRunService("orders-public", serviceArgs().publicAccess(true).build(), null));
        assertThat(message).startsWith("IapCloudRunService 'orders-public' input 'publicAccess': public access");
        assertRefused(construction, message);
    }

    @Test
    void failsWhenAnInvokerIsMalformedWithTheJavaApisMessage() throws Exception {
        Construction construction;
        try (var fresh = freshPlugin()) {
            construction = service(fresh, "orders-malformed").input("invokers", List.of("Group:ops@acme.example")).call();
        }

        var message = javaRefusal(ctx -> new IapCloudRunService("orders-malformed",
                serviceArgs().invokers("Group:ops@acme.example").build(), null));
        assertThat(message).startsWith("IapCloudRunService 'orders-malformed' input 'invokers[0]': ");
        assertRefused(construction, message);
    }

    @Test
    void failsWithEveryRefusalOfTheOAuthSettingsAndNeverTheSecret() throws Exception {
        // A malformed client id, and settings of one service without the service.
        Construction construction;
        String stderr;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(IapOAuthClientSettings.TYPE, "orders-bad-oauth")
                    .input("projectNumber", PROJECT_NUMBER)
                    .input("region", "europe-west1")
                    .input("clientId", "not-a-client-id")
                    .input("clientSecret", PluginHarness.secret(OAUTH_SECRET))
                    .call();
            stderr = fresh.stderr();
        }

        var message = javaRefusal(ctx -> new IapOAuthClientSettings("orders-bad-oauth", IapOAuthClientSettingsArgs.builder()
                .projectNumber(PROJECT_NUMBER)
                .region("europe-west1")
                .clientId("not-a-client-id")
                .clientSecret(Output.ofSecret(OAUTH_SECRET))
                .build(), null));
        assertThat(message).startsWith("IapOAuthClientSettings 'orders-bad-oauth' has 2 refused inputs:\n");
        assertRefused(construction, message);
        assertThat(construction.logText()).doesNotContain(OAUTH_SECRET);
        assertThat(stderr).doesNotContain(OAUTH_SECRET);
    }

    /*
     * mode is required in the schema (@Import(required = true)), so a missing one never reaches the component: the
     * SDK refuses the request while it reads the inputs into IapAccessorBindingArgs, in its own words, which name
     * the Java class rather than the component, its resource name and what the input expects. The Java API, where
     * nothing checks required inputs before the component, gives the component's message. A program in a typed
     * language meets neither: its generated SDK makes mode a required argument.
     */
    @Test
    void aMissingAccessorModeFailsWithTheSdksMessageNotTheComponents() throws Exception {
        Construction construction;
        try (var fresh = freshPlugin()) {
            construction = fresh.construct(IapAccessorBinding.TYPE, "orders-no-mode")
                    .input("project", "acme-dev")
                    .input("region", "europe-west1")
                    .input("serviceName", "orders")
                    .input("members", List.of("user:zoe@acme.example"))
                    .call();
        }

        construction.failed();
        var javaMessage = javaRefusal(ctx -> new IapAccessorBinding("orders-no-mode",
                IapAccessorBindingArgs.builder().project("acme-dev").region("europe-west1").serviceName("orders")
                        .members("user:zoe@acme.example").build(), null));
        assertThat(javaMessage).isEqualTo("IapAccessorBinding 'orders-no-mode' input 'mode': missing; expected authoritative "
                + "(exactly these members) or additive (these members, others left alone)");
        assertThat(thrown(construction, IllegalArgumentException.class))
                .isEqualTo("Missing required field mode in type " + IapAccessorBindingArgs.class.getName());
        assertThat(construction.logText()).doesNotContain(javaMessage);
        assertThat(construction.registrations()).isEmpty();
    }

    /** The refusal reached the engine's log in exactly the Java API's words, and nothing was registered. */
    private static void assertRefused(Construction construction, String javaMessage) {
        construction.failed();
        assertThat(thrown(construction, InputException.class)).isEqualTo(javaMessage);
        // The component refuses before it registers itself, so neither it nor any child reaches the engine.
        assertThat(construction.registrations()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Construct answers with the components' outputs.

    @Test
    void theServicesOutputsAreItsNameUrlAndIdentity() {
        var construction = service("orders-outputs").call();

        var state = construction.state();
        assertThat(state.path("serviceName").asText()).isEqualTo("orders-outputs");
        assertThat(state.path("runtimeIdentity").asText()).isEqualTo("run-orders-outputs@acme-dev.iam.gserviceaccount.com");
        assertThat(state.path("runtimeMember").asText()).isEqualTo("serviceAccount:run-orders-outputs@acme-dev.iam.gserviceaccount.com");
        // The fake engine answers a registration with its inputs, and the URL is no input: the real one is here after an update.
        assertThat(state.has("uri")).as(state.toString()).isTrue();
        assertThat(state.path("urn").asText()).isEqualTo(construction.ok().getUrn());
    }

    @Test
    void theProjectSetupsOutputsAreTheCheckedNumberAndTheIapAgent() {
        var declared = projectSetup("acme-dev-outputs").call().state();
        var lookedUp = servedAlone().construct(IapProjectSetup.TYPE, "acme-dev-looked-up").closingThePlugin().input("project", "acme-dev").call().state();

        for (var state : List.of(declared, lookedUp)) {
            assertThat(state.path("projectNumber").asText()).as(state.toString()).isEqualTo(PROJECT_NUMBER);
            assertThat(state.path("iapAgentMember").asText()).as(state.toString()).isEqualTo(AGENT);
        }
    }

    @Test
    void theAccessorBindingsAndTheSettingsOutputs() {
        var members = accessors("orders-accessors-outputs", "additive").call().state();
        var settings = oauthClient("orders-iap-settings-outputs", PluginHarness.secret(OAUTH_SECRET)).call().state();

        assertThat(members.path("members").toString()).isEqualTo("[\"group:ops@acme.example\",\"user:zoe@acme.example\"]");
        assertThat(settings.path("settingsName").asText())
                .isEqualTo("projects/" + PROJECT_NUMBER + "/iap_web/cloud_run-europe-west1/services/orders");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A child of a component as the engine receives it: what a plan shows of it. */
    private record Child(String type, String name, String parent, boolean custom, boolean protect, String version,
                         JsonNode inputs, List<String> dependsOn, List<String> aliases) {}

    /**
     * The children of the construction are those of the component in the offline plan, one for one, in everything
     * the engine acts on: type, name, parent, inputs (secrets and unknowns as markers), dependencies, aliases and
     * the provider version. Nothing is normalised: both runs are in the same project and stack.
     */
    private static void assertSameChildren(Construction construction, Plan plan, int expected) {
        var component = construction.ok().getUrn();
        var offlineComponent = plan.named(construction.request().getType(), construction.request().getName());
        assertThat(offlineComponent.urn()).isEqualTo(component);

        var constructed = construction.registrations().stream().filter(r -> r.getParent().equals(component))
                .map(ComponentsConstructTest::child).sorted(Comparator.comparing(Child::type).thenComparing(Child::name)).toList();
        var planned = plan.resources().stream().filter(r -> r.parent().equals(component))
                .map(r -> new Child(r.type(), r.name(), r.parent(), r.custom(), r.protect(), r.version(), r.inputs(), r.dependsOn(), r.aliases()))
                .sorted(Comparator.comparing(Child::type).thenComparing(Child::name)).toList();
        assertThat(constructed).hasSize(expected).isEqualTo(planned);
        assertThat(constructed).allSatisfy(c -> assertThat(c.version()).isEqualTo(GcpProvider.VERSION));
        assertThat(construction.registrations()).as("the component and its children, nothing else")
                .hasSize(expected + 1);
    }

    private static Child child(RegisterResourceRequest request) {
        return new Child(request.getType(), request.getName(), request.getParent(), request.getCustom(), request.getProtect(),
                request.getVersion(), inputs(request), request.getDependenciesList().stream().distinct().sorted().toList(),
                request.getAliasesList().stream().map(alias -> Urns.ofAlias(PluginHarness.STACK, PluginHarness.PROJECT, alias, request)).distinct().sorted().toList());
    }

    /** The Java API run offline in this JVM, in the plugin's project and stack. */
    private static Plan offline(Consumer<Context> program) {
        return OfflineEngine.synth(PluginHarness.PROJECT, PluginHarness.STACK, Map.of(), Set.of(), program);
    }

    /** The message the Java API refuses {@code program} with. */
    private static String javaRefusal(Consumer<Context> program) {
        var refusal = catchThrowable(() -> offline(program));
        assertThat(refusal).as("the Java API's refusal").isInstanceOf(InputException.class);
        return refusal.getMessage();
    }

    /** An input not known until deployment, as a preview has it. */
    private static <T> Output<T> unknown() {
        return new OutputInternal<>(OutputData.unknown());
    }

    /**
     * The message of the exception of type {@code type} in the engine's error log: the SDK logs the failed component's
     * stack trace there, as "Running program ... failed with an unhandled exception:" and the trace, whose causes
     * each read "{@code <class>: <message>}" followed by the frames.
     */
    private static String thrown(Construction construction, Class<? extends Throwable> type) {
        var errors = construction.logs().stream().filter(log -> log.getSeverity() == LogSeverity.ERROR)
                .map(log -> log.getMessage()).toList();
        var marker = type.getName() + ": ";
        for (var error : errors) {
            int start = error.indexOf(marker);
            if (start >= 0) {
                start += marker.length();
                int end = error.indexOf("\n\tat ", start);
                return end < 0 ? error.substring(start) : error.substring(start, end);
            }
        }
        throw new AssertionError("no " + type.getName() + " in the engine's error log:\n" + String.join("\n", errors));
    }


    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
