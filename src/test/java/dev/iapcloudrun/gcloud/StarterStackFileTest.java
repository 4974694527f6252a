package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.gcloud.IamPolicyFile.Which;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.spec.AccessorsSpec;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter stack file declares what gcloud describes. Each field's source in gcloud's output is named beside its
 * assertion; the names are those of Google's "Cloud Run YAML reference" for the Admin API v1
 * (cloud.google.com/run/docs/reference/yaml/v1), which gcloud run services describe --format=json prints. The seed
 * recipe's description has the keys, order and output-only values of such output from gcloud 573.0.0 as published in
 * public repositories (client-name, client-version, operation-id, urls, startupProbeType, the default TCP startup probe).
 */
class StarterStackFileTest {

    private static StarterStackFile.Result seed() {
        return StarterStackFile.write(GcloudFiles.seedDescription(), GcloudFiles.seedPolicy(Which.RUN), GcloudFiles.seedPolicy(Which.IAP), "acme-tools");
    }

    private static StarterStackFile.Result rich() {
        return StarterStackFile.write(GcloudFiles.richDescription(), GcloudFiles.richPolicy(Which.RUN), GcloudFiles.richPolicy(Which.IAP), "acme-portal-prod");
    }

    private static StackSpec read(StarterStackFile.Result result) {
        return StackFileReader.parse("stacks/adopted.yaml", result.text(), StackFileReader.Defaults.NONE);
    }

    @Test
    void theSeedRecipesServiceValidatesWithTheReaderAndKeepsItsTwoAccessors() {
        var result = seed();
        var check = StackFileReader.check("stacks/adopted.yaml", result.text(), StackFileReader.Defaults.NONE, Optional.empty());

        assertThat(check.errors()).isEmpty();
        // The service runs as the default compute account, as gcloud run deploy leaves it; and its accessors are adopted
        // as an authoritative list, which the adopt report checks against today's policy.
        assertThat(check.warnings()).extracting(p -> p.path()).containsExactly("services[0].serviceAccount", "services[0].accessors.mode");
        var service = check.spec().orElseThrow().services().get(0);
        // IAP policy bindings[0] (roles/iap.httpsResourceAccessor), members: today's accessors, authoritative.
        assertThat(service.accessors()).contains(new AccessorsSpec(AccessorsSpec.Mode.AUTHORITATIVE,
                List.of(new Principal("group:wiki-editors@acme.example"), new Principal("user:ada@acme.example")), Optional.empty()));
        // metadata.annotations['run.googleapis.com/iap-enabled'] = "true".
        assertThat(service.iap()).isTrue();
        // Run policy: the IAP agent's invoker grant is the program's to make, never an invoker entry.
        assertThat(service.invokers()).isEmpty();
        assertThat(result.unexpressed()).isEmpty();
    }

    @Test
    void everyFieldGcloudDescribesReachesTheStackFile() {
        var spec = read(rich());
        var s = spec.services().get(0);

        assertThat(spec.project()).isEqualTo("acme-portal-prod");            // --project-id
        assertThat(spec.projectNumber()).contains("905718264301");           // metadata.namespace
        assertThat(spec.region()).isEqualTo("europe-west1");                 // metadata.labels['cloud.googleapis.com/location']
        assertThat(spec.labels()).isEqualTo(Map.of("env", "prod"));           // metadata.labels (site=münchen, which GCP allows, breaks the stack file's rules)
        assertThat(s.name()).isEqualTo("orders-api");                         // metadata.name
        assertThat(s.image()).endsWith("orders-api@sha256:4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d"); // containers[0].image
        assertThat(s.ingress()).isEqualTo(ServiceSpec.Ingress.INTERNAL_AND_CLOUD_LOAD_BALANCING); // metadata.annotations['run.googleapis.com/ingress']
        assertThat(s.serviceAccount()).contains("orders-runner@acme-portal-prod.iam.gserviceaccount.com"); // spec.template.spec.serviceAccountName
        assertThat(s.port()).contains(8080);                                  // containers[0].ports[0].containerPort
        assertThat(s.env()).isEqualTo(Map.of("LOG_LEVEL", "warn", "GREETING", "hello: world")); // containers[0].env[].value
        // env[].valueFrom.secretKeyRef {name, key}, whose name db-pass is an alias of another project's secret that the
        // template annotation run.googleapis.com/secrets resolves (alias:projects/P/secrets/S, as the YAML reference documents it).
        assertThat(s.secretEnv()).isEqualTo(Map.of("ORDERS_DB_PASSWORD",
                new ServiceSpec.SecretRef("projects/999888777666/secrets/orders-db-password", "3")));
        assertThat(s.minInstances()).contains(2);                             // template annotations autoscaling.knative.dev/minScale
        assertThat(s.maxInstances()).contains(40);                            // template annotations autoscaling.knative.dev/maxScale
        assertThat(s.cpu()).contains("2");                                    // containers[0].resources.limits.cpu = 2000m
        assertThat(s.memory()).contains("2Gi");                               // containers[0].resources.limits.memory
        assertThat(s.cpuIdle()).contains(false);                              // run.googleapis.com/cpu-throttling = "false"
        assertThat(s.startupCpuBoost()).contains(true);                       // run.googleapis.com/startup-cpu-boost
        assertThat(s.concurrency()).contains(40);                             // spec.template.spec.containerConcurrency
        assertThat(s.executionEnvironment()).contains("gen2");                // run.googleapis.com/execution-environment
        assertThat(s.sessionAffinity()).contains(true);                       // run.googleapis.com/sessionAffinity
        assertThat(s.command()).containsExactly("/app/server");               // containers[0].command
        assertThat(s.args()).containsExactly("--port=8080", "--log-json");     // containers[0].args
        assertThat(s.startupProbe().orElseThrow().path()).contains("/ready"); // containers[0].startupProbe.httpGet
        assertThat(s.startupProbe().orElseThrow().failureThreshold()).contains(12);
        assertThat(s.livenessProbe().orElseThrow().path()).contains("/healthz"); // containers[0].livenessProbe.httpGet
        var network = s.network().orElseThrow();                              // run.googleapis.com/network-interfaces (JSON) and vpc-access-egress
        assertThat(network.vpc()).contains("shared-vpc");
        assertThat(network.subnetwork()).contains("run-egress");
        assertThat(network.tags()).containsExactly("orders", "to-database");
        assertThat(s.binaryAuthorization().orElseThrow().policy()).isEqualTo("default"); // metadata.annotations['run.googleapis.com/binary-authorization']
        // volumes[].secret {secretName, items[{key, path}]} mounted at volumeMounts[].mountPath; Cloud SQL from run.googleapis.com/cloudsql-instances.
        assertThat(s.volumes().secrets()).isEqualTo(Map.of("/etc/orders/tls/tls.key", new ServiceSpec.SecretRef("orders-tls-key", "4")));
        assertThat(s.volumes().cloudSqlInstances()).containsExactly("acme-portal-prod:europe-west1:orders-db");
        assertThat(s.timeout()).contains("60s");                              // spec.template.spec.timeoutSeconds
        assertThat(s.customAudiences()).containsExactly("https://orders.acme.example"); // run.googleapis.com/custom-audiences (JSON)
        // Run policy roles/run.invoker members, less the IAP agent.
        assertThat(s.invokers()).containsExactly(new Principal("serviceAccount:billing-worker@acme-portal-prod.iam.gserviceaccount.com"));
        assertThat(s.accessors().orElseThrow().members()).containsExactly(new Principal("domain:partners.example"),
                new Principal("group:partner-success@acme.example"));
    }

    @Test
    void whatAStackFileCannotSayIsListedWithWhereItWasFoundAndInTheFilesComments() {
        var result = rich();

        assertThat(result.unexpressed()).extracting(u -> u.file() + ": " + u.path()).containsExactlyInAnyOrder(
                "orders-api.run-policy.json: bindings[1] (roles/run.developer)",
                "orders-api.iap-policy.json: bindings[0]",
                "orders-api.iap-policy.json: bindings[1]",
                "orders-api.describe.json: metadata.labels.site",
                "orders-api.describe.json: spec.template.spec.containers[1].image",
                "orders-api.describe.json: spec.template.spec.containers[1].name",
                "orders-api.describe.json: metadata.annotations['run.googleapis.com/launch-stage']",
                "orders-api.describe.json: metadata.annotations['run.googleapis.com/description']",
                "orders-api.describe.json: spec.template.metadata.annotations['run.googleapis.com/encryption-key']",
                "orders-api.describe.json: spec.template.spec.containers[0].name",
                "orders-api.describe.json: spec.traffic[0].latestRevision",
                "orders-api.describe.json: spec.traffic[0].percent",
                "orders-api.describe.json: spec.traffic[1].percent",
                "orders-api.describe.json: spec.traffic[1].revisionName");
        result.unexpressed().forEach(u -> assertThat(result.text()).contains("#   " + u));
        // The public accessor is not declared, and the person adopting learns that the authoritative list removes it.
        assertThat(result.unexpressed()).filteredOn(u -> u.value().equals("allAuthenticatedUsers")).singleElement()
                .extracting(StarterStackFile.Unexpressed::why).asString().contains("the authoritative list removes it");
    }

    @Test
    void aFieldThisProgramDoesNotKnowIsListedNeverDropped() {
        // A newer Cloud Run setting, as gcloud would print it: an annotation and a container field the writer has never seen.
        var text = GcloudFiles.text(GcloudFiles.SEED.resolve("team-wiki.describe.json"))
                .replace("\"run.googleapis.com/startup-cpu-boost\": \"true\"",
                        "\"run.googleapis.com/startup-cpu-boost\": \"true\", \"run.googleapis.com/gpu-zonal-redundancy-disabled\": \"true\"")
                .replace("\"image\":", "\"workingDir\": \"/srv\", \"image\":");
        var description = ServiceDescription.parse("new.json", text);

        var result = StarterStackFile.write(description, GcloudFiles.seedPolicy(Which.RUN), GcloudFiles.seedPolicy(Which.IAP), "acme-tools");

        assertThat(result.unexpressed()).extracting(StarterStackFile.Unexpressed::toString).containsExactlyInAnyOrder(
                "new.json: spec.template.metadata.annotations['run.googleapis.com/gpu-zonal-redundancy-disabled'] = \"true\": a stack file has no field for it",
                "new.json: spec.template.spec.containers[0].workingDir = \"/srv\": a stack file has no field for it");
    }

    @Test
    void aServiceWithoutIapWhoseInvokerCheckIsOffIsDeclaredPublic() {
        // metadata.annotations: run.googleapis.com/iap-enabled absent, run.googleapis.com/invoker-iam-disabled "true".
        var description = ServiceDescription.parse("public.json", GcloudFiles.text(GcloudFiles.SEED.resolve("team-wiki.describe.json"))
                .replace("\"run.googleapis.com/iap-enabled\": \"true\"", "\"run.googleapis.com/invoker-iam-disabled\": \"true\""));
        var run = IamPolicyFile.parse("run.json", """
                {"bindings": [{"members": ["allUsers"], "role": "roles/run.invoker"}], "etag": "BwY", "version": 1}""",
                Which.RUN, Optional.of("318274650921"));

        var result = StarterStackFile.write(description, run, IamPolicyFile.parse("iap.json", "{\"etag\": \"ACAB\"}", Which.IAP,
                Optional.empty()), "acme-tools");

        var service = read(result).services().get(0);
        assertThat(service.iap()).isFalse();
        assertThat(service.publicAccess()).isTrue();
        assertThat(service.invokers()).isEmpty();
        assertThat(result.unexpressed()).singleElement().extracting(StarterStackFile.Unexpressed::why).asString()
                .startsWith("a stack file names no public principal (public: true switches the invoker check off instead)");
    }

    @Test
    void theIapAgentsInvokerGrantOfAServiceWithIapOffIsListedNotDropped() {
        // metadata.annotations['run.googleapis.com/iap-enabled'] absent: IAP off, yet the run policy still grants the agent.
        var description = ServiceDescription.parse("no-iap.json", GcloudFiles.text(GcloudFiles.SEED.resolve("team-wiki.describe.json"))
                .replace("\"run.googleapis.com/iap-enabled\": \"true\",", ""));

        var result = StarterStackFile.write(description, GcloudFiles.seedPolicy(Which.RUN), GcloudFiles.seedPolicy(Which.IAP), "acme-tools");

        assertThat(read(result).services().get(0).iap()).isFalse();
        assertThat(result.unexpressed()).filteredOn(u -> u.value().startsWith("serviceAccount:service-318274650921@gcp-sa-iap"))
                .singleElement().satisfies(u -> {
                    assertThat(u.file() + ": " + u.path()).isEqualTo("team-wiki.run-policy.json: bindings[0] (roles/run.invoker)");
                    assertThat(u.why()).startsWith("with IAP off the stack makes no grant to the IAP agent");
                });
    }

    @Test
    void aConditionalInvokerGrantOfTheIapAgentIsListedSinceTheProgramWouldImportAnUnconditionalOne() {
        // gcloud run services get-iam-policy prints a conditional binding with its condition {expression, title}, at version 3.
        var run = IamPolicyFile.parse("run.json", """
                {"bindings": [{"condition": {"expression": "request.time < timestamp(\\"2027-01-01T00:00:00Z\\")", "title": "until-2027"},
                  "members": ["serviceAccount:service-318274650921@gcp-sa-iap.iam.gserviceaccount.com"], "role": "roles/run.invoker"}],
                 "etag": "BwY", "version": 3}""", Which.RUN, Optional.of("318274650921"));

        var result = StarterStackFile.write(GcloudFiles.seedDescription(), run, GcloudFiles.seedPolicy(Which.IAP), "acme-tools");

        assertThat(result.unexpressed()).singleElement().satisfies(u -> {
            assertThat(u.file() + ": " + u.path()).isEqualTo("run.json: bindings[0] (roles/run.invoker)");
            assertThat(u.why()).contains("adopting imports that grant, which does not exist");
        });
        assertThat(result.text()).contains("#   run.json: bindings[0] (roles/run.invoker)");
    }

    @Test
    void everyValueGcloudPrintedIsInTheStarterFileDeclaredOrInAComment() throws Exception {
        var result = rich();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(GcloudFiles.text(GcloudFiles.RICH.resolve("orders-api.describe.json")));
        var missing = new java.util.ArrayList<String>();
        leaves(json, "", (path, value) -> {
            // Output only, or rewritten on purpose: 2000m CPUs are written "2", JSON-in-annotation values are unpacked.
            boolean skipped = path.startsWith("/status") || path.matches("/metadata/(uid|generation|creationTimestamp|resourceVersion|selfLink)")
                    || path.contains("client-name") || path.contains("operation-id") || path.contains("ingress-status")
                    || path.contains("serving.knative.dev") || path.contains("nonce") || path.contains("startupProbeType")
                    || path.equals("/spec/template/metadata/name") || path.endsWith("/ports/0/name") || path.equals("/kind") || path.equals("/apiVersion")
                    || path.endsWith("/cpu") || path.contains("network-interfaces") || path.contains("custom-audiences")
                    || path.contains("run.googleapis.com/secrets");
            if (!skipped && !result.text().contains(value)) {
                missing.add(path + " = " + value);
            }
        });

        assertThat(missing).isEmpty();
    }

    private static void leaves(com.fasterxml.jackson.databind.JsonNode node, String path, java.util.function.BiConsumer<String, String> leaf) {
        if (node.isContainerNode()) {
            var names = node.isObject() ? com.google.common.collect.ImmutableList.copyOf(node.fieldNames()) : null;
            for (int i = 0; i < node.size(); i++) {
                var key = names == null ? String.valueOf(i) : names.get(i);
                leaves(names == null ? node.get(i) : node.get(key), path + "/" + key, leaf);
            }
        } else {
            leaf.accept(path, node.asText());
        }
    }

    private static StarterStackFile.Result richWith(String... fromTo) {
        var text = GcloudFiles.text(GcloudFiles.RICH.resolve("orders-api.describe.json"));
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return StarterStackFile.write(ServiceDescription.parse("orders-api.describe.json", text),
                GcloudFiles.richPolicy(Which.RUN), GcloudFiles.richPolicy(Which.IAP), "acme-portal-prod");
    }

    @Test
    void aSecretVolumeNamedByAnAliasIsTheSecretOfTheProjectTheAnnotationNames() {
        // volumes[].secret.secretName is an alias of run.googleapis.com/secrets like an env reference's name.
        var result = richWith("\"db-pass:projects/999888777666/secrets/orders-db-password\"",
                "\"db-pass:projects/999888777666/secrets/orders-db-password,tls:projects/999888777666/secrets/orders-tls-key\"",
                "\"secretName\": \"orders-tls-key\"", "\"secretName\": \"tls\"");

        assertThat(read(result).services().get(0).volumes().secrets()).isEqualTo(Map.of("/etc/orders/tls/tls.key",
                new ServiceSpec.SecretRef("projects/999888777666/secrets/orders-tls-key", "4")));
    }

    @Test
    void theSecretAliasAnnotationIsDeclaredThroughTheSecretsItResolvesNotListed() {
        assertThat(rich().unexpressed()).extracting(StarterStackFile.Unexpressed::path).noneMatch(p -> p.contains("run.googleapis.com/secrets"));
        assertThat(rich().text()).doesNotContain("{secret: db-pass");
    }

    @Test
    void aSecretAliasTheAnnotationDoesNotResolveIsRefusedWhereItStands() {
        // The reference names the alias by another spelling than the annotation lists: no secret id, so no guess.
        assertThatThrownBy(() -> richWith("\"name\": \"db-pass\"", "\"name\": \"db-pass:latest\""))
                .isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("orders-api.describe.json:63:")
                .hasMessageContaining("spec.template.spec.containers[0].env[2].valueFrom.secretKeyRef.name: the secret 'db-pass:latest' is no secret id");
        // An annotation entry that is not alias:projects/P/secrets/S resolves nothing.
        assertThatThrownBy(() -> richWith("db-pass:projects/999888777666/secrets/orders-db-password", "db-pass:orders-db-password"))
                .isInstanceOf(GcloudInputException.class)
                .hasMessageContaining("spec.template.metadata.annotations['run.googleapis.com/secrets']: found the entry 'db-pass:orders-db-password'; "
                        + "expected ALIAS:projects/PROJECT/secrets/SECRET, comma-separated");
    }

    @Test
    void outputOnlyFieldsAreNeitherDeclaredNorListed() {
        var result = rich();

        assertThat(result.unexpressed()).extracting(StarterStackFile.Unexpressed::path)
                .noneMatch(p -> p.startsWith("status") || p.startsWith("metadata.uid") || p.contains("client-name")
                        || p.contains("serving.knative.dev/creator") || p.contains("startupProbeType") || p.equals("spec.template.metadata.name"));
    }

    @Test
    void theProjectIdIsTheOptionsEvenWhenTheServiceAccountNamesAnother() {
        // spec.template.spec.serviceAccountName of a central identities project: the service's own project is still --project-id.
        var result = richWith("orders-runner@acme-portal-prod.iam.gserviceaccount.com", "orders-runner@acme-identities.iam.gserviceaccount.com");

        assertThat(read(result).project()).isEqualTo("acme-portal-prod");
        assertThat(result.warnings()).filteredOn(w -> w.contains("service account")).singleElement().asString().startsWith("the service account orders-runner@acme-identities.iam.gserviceaccount.com "
                + "(spec.template.spec.serviceAccountName) belongs to project acme-identities, not to --project-id acme-portal-prod");
        assertThat(rich().warnings()).noneMatch(w -> w.contains("service account"));
    }

    @Test
    void aConditionalAccessorEntryAloneBecomesTheStacksCondition() {
        var iap = IamPolicyFile.parse("iap.json", """
                {"bindings": [{"condition": {"expression": "request.time < timestamp(\\"2027-01-01T00:00:00Z\\")", "title": "until-2027"},
                  "members": ["user:ada@acme.example"], "role": "roles/iap.httpsResourceAccessor"}], "etag": "BwY", "version": 3}""",
                Which.IAP, Optional.of("318274650921"));
        var result = StarterStackFile.write(GcloudFiles.seedDescription(), GcloudFiles.seedPolicy(Which.RUN), iap, "acme-tools");

        var accessors = read(result).services().get(0).accessors().orElseThrow();
        assertThat(accessors.condition()).contains(new AccessorsSpec.ConditionSpec("until-2027",
                "request.time < timestamp(\"2027-01-01T00:00:00Z\")", Optional.empty()));
        assertThat(result.unexpressed()).isEmpty();
    }

    @Test
    void adoptingTheStarterStackPlansNoReplacement() {
        // The inputs whose change replaces a resource (ReplaceRules) must equal what runs today, or adoption would recreate it.
        var plan = TestPlans.runStack(seed().text());

        var service = plan.ofType(GcpTypes.RUN_SERVICE).get(0).inputs();
        assertThat(service.path("name").asText()).isEqualTo("team-wiki");
        assertThat(service.path("location").asText()).isEqualTo("europe-west1");
        assertThat(service.path("project").asText()).isEqualTo("acme-tools");
        var binding = plan.ofType(GcpTypes.IAP_WEB_RUN_IAM_BINDING).get(0).inputs();
        assertThat(binding.path("cloudRunServiceName").asText()).isEqualTo("team-wiki");
        assertThat(binding.path("role").asText()).isEqualTo(Roles.IAP_ACCESSOR);
        assertThat(binding.has("condition")).isFalse();
        assertThat(binding.path("members")).extracting(m -> m.asText()).containsExactlyInAnyOrder("group:wiki-editors@acme.example", "user:ada@acme.example");
        // The IAP agent's invoker grant the program makes is the very member of today's run policy.
        assertThat(plan.ofType(GcpTypes.RUN_SERVICE_IAM_MEMBER)).extracting(r -> r.inputs().path("member").asText())
                .contains("serviceAccount:service-318274650921@gcp-sa-iap.iam.gserviceaccount.com");
    }

    @Test
    void theStarterStackAdoptsWhatRunsTodayByItsImportIds() {
        var plan = TestPlans.runStack(seed().text());

        // The three resources gcloud made, each imported by the ID the provider reads it with; nothing else is imported.
        assertThat(plan.resources()).filteredOn(r -> !r.importId().isEmpty())
                .extracting(r -> r.type() + " " + r.importId())
                .containsExactlyInAnyOrder(
                        GcpTypes.RUN_SERVICE + " projects/acme-tools/locations/europe-west1/services/team-wiki",
                        GcpTypes.RUN_SERVICE_IAM_MEMBER + " projects/acme-tools/locations/europe-west1/services/team-wiki roles/run.invoker "
                                + "serviceAccount:service-318274650921@gcp-sa-iap.iam.gserviceaccount.com",
                        GcpTypes.IAP_WEB_RUN_IAM_BINDING + " projects/acme-tools/iap_web/cloud_run-europe-west1/services/team-wiki "
                                + "roles/iap.httpsResourceAccessor");
        // The service keeps today's identity, the default compute account, so no runtime account is made or imported.
        assertThat(plan.ofType(GcpTypes.SERVICE_ACCOUNT)).isEmpty();
    }
}
