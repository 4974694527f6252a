package dev.iapcloudrun.gcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.iapcloudrun.components.IapServiceAgent;
import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.spec.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stack file that declares what runs today, written from {@code gcloud run services describe} and the service's two
 * IAM policies. Every value of the description is either declared, known to be output only, or listed as not
 * expressible with its JSON path, so nothing is dropped silently.
 *
 * <p>Field names follow Google's "Cloud Run YAML reference" for the Admin API v1, which is what gcloud prints with
 * {@code --format=json}.
 */
public final class StarterStackFile {

    /** A value the stack file cannot declare: where it was found, what it is, and what that means. */
    public record Unexpressed(String file, String path, String value, String why) {
        @Override
        public String toString() {
            return file + ": " + path + (value.isEmpty() ? "" : " = " + value) + ": " + why;
        }
    }

    /** @param warnings declared values that deserve a second look (the default compute account, say) */
    public record Result(String text, String projectId, List<Unexpressed> unexpressed, List<String> warnings) {}

    private static final String ANNOTATIONS = "metadata.annotations";
    private static final String TEMPLATE_ANNOTATIONS = "spec.template.metadata.annotations";
    private static final String CONTAINER = "spec.template.spec.containers[0]";
    private static final Pattern USER_MANAGED_ACCOUNT = Pattern.compile("[a-z0-9-]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\\.iam\\.gserviceaccount\\.com");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9/][A-Za-z0-9_./@:+-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    /**
     * Values Cloud Run writes itself, which no stack file declares: output-only fields, the client that last deployed,
     * the generated revision name. Matched by their JSON path.
     */
    private static final List<Pattern> OUTPUT_ONLY = List.of(
            Pattern.compile("apiVersion|kind|status(\\..*|\\[.*)?"),
            Pattern.compile("metadata\\.(uid|generation|creationTimestamp|resourceVersion|selfLink)"),
            Pattern.compile("(metadata|spec\\.template\\.metadata)\\.annotations\\['(serving\\.knative\\.dev/(creator|lastModifier)|client\\.knative\\.dev/user-image"
                    + "|run\\.googleapis\\.com/(client-name|client-version|operation-id|urls|ingress-status|build-.*))'\\]"),
            Pattern.compile("spec\\.template\\.metadata\\.(name|labels\\['(client\\.knative\\.dev/nonce|run\\.googleapis\\.com/startupProbeType)'\\])"),
            // One port named http1 is Cloud Run's default protocol.
            Pattern.compile("spec\\.template\\.spec\\.containers\\[0\\]\\.ports\\[0\\]\\.name"));

    private final ServiceDescription description;
    private final Map<String, YamlNode> leaves = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final List<Unexpressed> unexpressed = new ArrayList<>();
    /** The aliases of run.googleapis.com/secrets, read at the first secret reference. */
    private Map<String, String> aliases;
    private final List<String> warnings = new ArrayList<>();

    private StarterStackFile(ServiceDescription description) {
        this.description = description;
        walk(description.root(), "");
    }

    /**
     * Writes the starter stack file.
     *
     * @param run       the Cloud Run policy, read with the description's project number, so that it holds no other project's
     *                  IAP agent ({@link IamPolicyFile#read}); {@code iap} likewise
     * @param projectId the project id from the command line: the description names the project by its number only
     * @throws GcloudInputException when a secret alias is not resolved
     */
    public static Result write(ServiceDescription description, IamPolicyFile run, IamPolicyFile iap, String projectId) {
        return new StarterStackFile(description).write(run, iap, projectId);
    }

    private Result write(IamPolicyFile run, IamPolicyFile iap, String projectId) {
        var account = text("spec.template.spec.serviceAccountName");
        // A service may run as an account of another project (a central identities project): legitimate, but worth a look.
        account.map(USER_MANAGED_ACCOUNT::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(1))
                .filter(p -> !p.equals(projectId))
                .ifPresent(p -> warnings.add("the service account " + account.get() + " (spec.template.spec.serviceAccountName) belongs to project "
                        + p + ", not to --project-id " + projectId + ": check that " + projectId + " is the project of " + description.name()
                        + " (number " + description.projectNumber() + ")"));

        var out = new StringBuilder();
        out.append("project: ").append(quote(projectId)).append('\n');
        out.append("projectNumber: \"").append(description.projectNumber()).append("\"\n");
        use("metadata.namespace");
        out.append("region: ").append(quote(description.region())).append('\n');
        use("metadata.labels['" + ServiceDescription.LOCATION_LABEL + "']");
        // The file declares what runs today so that the first pulumi up adopts it: imports, never creates.
        out.append("adopt: true                        # import what runs today on the first pulumi up; afterwards it may go\n");
        var labels = labels();
        if (!labels.isEmpty()) {
            out.append("labels:\n");
            labels.forEach((k, v) -> out.append("  ").append(k).append(": ").append(quote(v)).append('\n'));
        }
        boolean defaultAccount = account.filter(a -> InputRules.DEFAULT_SERVICE_ACCOUNT.matcher(a).matches()).isPresent();
        if (defaultAccount) {
            out.append("policy:\n  allowDefaultServiceAccounts: true   # the service runs as a default account today; give it its own\n");
            // The stack file's own check warns about it, each time it is validated; no second warning here.
        }
        out.append("\nservices:\n");
        out.append("  - name: ").append(quote(description.name())).append('\n');
        use("metadata.name");
        service(out, account, run, iap);

        // Cloud Run's default traffic (all to the latest revision) is what a stack deploys; any split is not expressible.
        if (text("spec.traffic[0].latestRevision").filter("true"::equals).isPresent() && text("spec.traffic[0].percent").filter("100"::equals).isPresent()
                && !leaves.containsKey("spec.traffic[1].percent")) {
            use("spec.traffic[0]");
        } else {
            used.removeAll(List.of("spec.traffic[0].latestRevision", "spec.traffic[0].percent"));
        }
        // GA needs no declaration (IAP is GA); a preview stage cannot be declared, and reading it back would diff forever.
        text(ANNOTATIONS + "['run.googleapis.com/launch-stage']").filter(stage -> !stage.equals("GA")).ifPresent(stage ->
                note(ANNOTATIONS + "['run.googleapis.com/launch-stage']", stage, "a stack file declares no launch stage; the program deploys at GA"));
        for (var entry : leaves.entrySet()) {
            var path = entry.getKey();
            if (used.stream().anyMatch(u -> path.equals(u) || path.startsWith(u + ".") || path.startsWith(u + "["))
                    || OUTPUT_ONLY.stream().anyMatch(p -> p.matcher(path).matches())) {
                continue;
            }
            unexpressed.add(new Unexpressed(description.file(), path, show(entry.getValue()), "a stack file has no field for it"));
        }
        var header = new StringBuilder("# yaml-language-server: $schema=./stack-file.schema.json\n")
                .append("# What runs today: written by adopt-init from gcloud's description of ").append(description.name())
                .append(" (").append(description.region()).append(") and its two IAM policies.\n");
        if (!unexpressed.isEmpty()) {
            header.append("# Not declared here, because a stack file cannot say it (each is listed with where it was found):\n");
            unexpressed.forEach(u -> header.append("#   ").append(u.toString().replace('\n', ' ')).append('\n'));
        }
        return new Result(header + out.toString(), projectId, List.copyOf(unexpressed), List.copyOf(warnings));
    }

    private void service(StringBuilder out, Optional<String> account, IamPolicyFile run, IamPolicyFile iap) {
        var image = text(CONTAINER + ".image");
        out.append("    image: ").append(quote(image.orElse(""))).append('\n');
        var ingressPath = ANNOTATIONS + "['run.googleapis.com/ingress']";
        text(ingressPath).ifPresent(i -> ingress(i).ifPresentOrElse(word -> out.append("    ingress: ").append(word.yaml).append('\n'),
                () -> note(ingressPath, i, "a stack file's ingress is all, internal or internal-and-cloud-load-balancing")));
        account.filter(a -> !a.isEmpty()).ifPresent(a -> out.append("    serviceAccount: ").append(quote(a)).append('\n'));
        if (account.isEmpty()) {
            warnings.add("the service names no service account, so it runs as the project's default compute account; the stack "
                    + "gives it a dedicated one, which changes its runtime identity at the first pulumi up");
        }
        text(CONTAINER + ".ports[0].containerPort").ifPresent(p -> out.append("    port: ").append(p).append('\n'));
        String portName = text(CONTAINER + ".ports[0].name").orElse("http1");
        if (!portName.equals("http1")) {
            note(CONTAINER + ".ports[0].name", portName, "a stack file serves HTTP/1 only (Cloud Run's default, http1)");
        }
        env(out);
        scaling(out);
        resources(out);
        text("spec.template.spec.containerConcurrency").ifPresent(c -> out.append("    concurrency: ").append(c).append('\n'));
        text(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/execution-environment']")
                .ifPresent(e -> out.append("    executionEnvironment: ").append(quote(e)).append('\n'));
        text(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/sessionAffinity']")
                .ifPresent(a -> out.append("    sessionAffinity: ").append(Boolean.parseBoolean(a)).append('\n'));
        list(out, "command", CONTAINER + ".command");
        list(out, "args", CONTAINER + ".args");
        probe(out, "startupProbe", CONTAINER + ".startupProbe");
        probe(out, "livenessProbe", CONTAINER + ".livenessProbe");
        network(out);
        binaryAuthorization(out);
        volumes(out);
        text("spec.template.spec.timeoutSeconds").ifPresent(t -> out.append("    timeout: ").append(t).append("s\n"));
        customAudiences(out);
        boolean iapOn = text(ANNOTATIONS + "['run.googleapis.com/iap-enabled']").map(Boolean::parseBoolean).orElse(false);
        boolean invokerCheckOff = text(ANNOTATIONS + "['run.googleapis.com/invoker-iam-disabled']").map(Boolean::parseBoolean).orElse(false);
        invokers(out, run, iapOn);
        out.append("    iap: ").append(iapOn).append('\n');
        if (invokerCheckOff) {
            out.append("    public: true\n");
        }
        accessors(out, iap, iapOn);
        // The rest of the container and template spec: one container, its single port and the volumes above.
        for (var extra = 1; description.root().at("spec", "template", "spec", "containers", extra).isPresent(); extra++) {
            var sidecar = "spec.template.spec.containers[" + extra + "]";
            // Each of its values is listed, so the person adopting sees which image and settings stay undeclared.
            for (var path : List.copyOf(leaves.keySet())) {
                if (path.startsWith(sidecar + ".")) {
                    note(path, show(leaves.get(path)), "a stack file declares one container; sidecars are not declared");
                }
            }
        }
    }

    private void env(StringBuilder out) {
        var plain = new LinkedHashMap<String, String>();
        var secrets = new LinkedHashMap<String, String>();
        var items = GcloudJson.list(description.root(), CONTAINER + ".env", new ArrayList<>(), "spec", "template", "spec", "containers", 0, "env");
        for (int i = 0; i < items.size(); i++) {
            var path = CONTAINER + ".env[" + i + "]";
            var name = text(path + ".name");
            var value = text(path + ".value");
            var secret = text(path + ".valueFrom.secretKeyRef.name");
            var version = text(path + ".valueFrom.secretKeyRef.key");
            if (name.isPresent() && secret.isPresent()) {
                use(path + ".name");
                use(path + ".valueFrom.secretKeyRef.name");
                use(path + ".valueFrom.secretKeyRef.key");
                var resolved = secret(secret.get(), path + ".valueFrom.secretKeyRef.name");
                secrets.put(name.get(), "{secret: " + quote(resolved) + ", version: \"" + version.orElse("latest") + "\"}");
            } else if (name.isPresent()) {
                use(path + ".name");
                use(path + ".value");
                plain.put(name.get(), quote(value.orElse("")));
            }
        }
        if (!plain.isEmpty()) {
            out.append("    env:\n");
            plain.forEach((k, v) -> out.append("      ").append(k).append(": ").append(v).append('\n'));
        }
        if (!secrets.isEmpty()) {
            out.append("    secrets:\n");
            secrets.forEach((k, v) -> out.append("      ").append(k).append(": ").append(v).append('\n'));
        }
    }

    private void scaling(StringBuilder out) {
        var min = text(TEMPLATE_ANNOTATIONS + "['autoscaling.knative.dev/minScale']");
        var max = text(TEMPLATE_ANNOTATIONS + "['autoscaling.knative.dev/maxScale']");
        if (min.isEmpty() && max.isEmpty()) {
            return;
        }
        var parts = new ArrayList<String>();
        min.ifPresent(m -> parts.add("minInstances: " + m));
        max.ifPresent(m -> parts.add("maxInstances: " + m));
        out.append("    scaling: {").append(String.join(", ", parts)).append("}\n");
    }

    private void resources(StringBuilder out) {
        var cpu = text(CONTAINER + ".resources.limits.cpu").map(StarterStackFile::cpu);
        var memory = text(CONTAINER + ".resources.limits.memory");
        var idle = text(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/cpu-throttling']");
        var boost = text(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/startup-cpu-boost']");
        if (cpu.isEmpty() && memory.isEmpty() && idle.isEmpty() && boost.isEmpty()) {
            return;
        }
        out.append("    resources:\n");
        cpu.ifPresent(c -> out.append("      cpu: \"").append(c).append("\"\n"));
        memory.ifPresent(m -> out.append("      memory: ").append(quote(m)).append('\n'));
        // cpu-throttling true is "CPU only during requests", which the stack file calls cpuIdle.
        idle.ifPresent(i -> out.append("      cpuIdle: ").append(Boolean.parseBoolean(i)).append('\n'));
        boost.ifPresent(b -> out.append("      startupCpuBoost: ").append(Boolean.parseBoolean(b)).append('\n'));
    }

    /** Cloud Run prints whole CPUs as millicpu (1000m); the stack file writes them as whole numbers. */
    static String cpu(String cpu) {
        if (cpu.endsWith("m")) {
            try {
                int milli = Integer.parseInt(cpu.substring(0, cpu.length() - 1));
                return milli % 1000 == 0 ? String.valueOf(milli / 1000) : cpu;
            } catch (NumberFormatException e) {
                return cpu;
            }
        }
        return cpu;
    }

    private void list(StringBuilder out, String field, String path) {
        var items = new ArrayList<String>();
        for (int i = 0; text(path + "[" + i + "]").isPresent(); i++) {
            items.add(quote(text(path + "[" + i + "]").get()));
        }
        if (!items.isEmpty()) {
            out.append("    ").append(field).append(": [").append(String.join(", ", items)).append("]\n");
        }
    }

    private void probe(StringBuilder out, String field, String path) {
        if (leaves.keySet().stream().noneMatch(p -> p.startsWith(path + "."))) {
            return;
        }
        var port = text(CONTAINER + ".ports[0].containerPort").orElse("8080");
        String check;
        if (text(path + ".httpGet.path").isPresent() || has(path + ".httpGet")) {
            check = "httpGet: {path: " + quote(text(path + ".httpGet.path").orElse("/")) + ", port: " + text(path + ".httpGet.port").orElse(port) + "}";
            use(path + ".httpGet.path");
            use(path + ".httpGet.port");
        } else if (has(path + ".grpc")) {
            check = "grpc: {port: " + text(path + ".grpc.port").orElse(port)
                    + text(path + ".grpc.service").map(s -> ", service: " + quote(s)).orElse("") + "}";
            use(path + ".grpc.port");
            use(path + ".grpc.service");
        } else if (has(path + ".tcpSocket")) {
            check = "tcpSocket: {port: " + text(path + ".tcpSocket.port").orElse(port) + "}";
            use(path + ".tcpSocket.port");
        } else {
            return;
        }
        out.append("    ").append(field).append(":\n      ").append(check).append('\n');
        for (var setting : List.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold")) {
            text(path + "." + setting).ifPresent(v -> {
                out.append("      ").append(setting).append(": ").append(v).append('\n');
                use(path + "." + setting);
            });
        }
    }

    private void network(StringBuilder out) {
        var connector = text(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/vpc-access-connector']");
        var egress = text(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/vpc-access-egress']");
        var interfacesPath = TEMPLATE_ANNOTATIONS + "['run.googleapis.com/network-interfaces']";
        var interfaces = rawText(interfacesPath);
        if (connector.isEmpty() && interfaces.isEmpty()) {
            egress.ifPresent(e -> note(TEMPLATE_ANNOTATIONS + "['run.googleapis.com/vpc-access-egress']", e, "egress without a connector or network"));
            return;
        }
        out.append("    network:\n");
        connector.ifPresent(c -> out.append("      connector: ").append(quote(c)).append('\n'));
        interfaces.ifPresent(json -> {
            try {
                // The annotation holds JSON text: [{"network": ..., "subnetwork": ..., "tags": [...]}].
                var node = new ObjectMapper().readTree(json);
                if (!node.isArray() || node.size() != 1) {
                    note(interfacesPath, json, "a stack file declares one network interface");
                } else {
                    use(interfacesPath);
                    var nic = node.get(0);
                    if (nic.hasNonNull("network")) {
                        out.append("      vpc: ").append(quote(nic.get("network").asText())).append('\n');
                    }
                    if (nic.hasNonNull("subnetwork")) {
                        out.append("      subnetwork: ").append(quote(nic.get("subnetwork").asText())).append('\n');
                    }
                    if (nic.has("tags") && nic.get("tags").isArray() && !nic.get("tags").isEmpty()) {
                        var tags = new ArrayList<String>();
                        nic.get("tags").forEach(t -> tags.add(quote(t.asText())));
                        out.append("      tags: [").append(String.join(", ", tags)).append("]\n");
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                note(interfacesPath, json, "not JSON, as Cloud Run writes this annotation");
            }
        });
        egress.ifPresent(e -> out.append("      egress: ").append(quote(e)).append('\n'));
    }

    private void binaryAuthorization(StringBuilder out) {
        var policy = text(ANNOTATIONS + "['run.googleapis.com/binary-authorization']");
        var breakglass = text(ANNOTATIONS + "['run.googleapis.com/binary-authorization-breakglass']");
        if (policy.isEmpty()) {
            breakglass.ifPresent(b -> note(ANNOTATIONS + "['run.googleapis.com/binary-authorization-breakglass']", b, "a breakglass without a policy"));
            return;
        }
        out.append("    binaryAuthorization:\n      policy: ").append(quote(policy.get())).append('\n');
        breakglass.ifPresent(b -> out.append("      breakglassJustification: ").append(quote(b)).append('\n'));
    }

    private void volumes(StringBuilder out) {
        var files = new LinkedHashMap<String, String>();
        var mounts = GcloudJson.list(description.root(), "", new ArrayList<>(), "spec", "template", "spec", "containers", 0, "volumeMounts");
        var volumes = GcloudJson.list(description.root(), "", new ArrayList<>(), "spec", "template", "spec", "volumes");
        for (int i = 0; i < mounts.size(); i++) {
            var mountPath = CONTAINER + ".volumeMounts[" + i + "]";
            var name = text(mountPath + ".name");
            var dir = text(mountPath + ".mountPath");
            for (int v = 0; v < volumes.size() && name.isPresent() && dir.isPresent(); v++) {
                var volumePath = "spec.template.spec.volumes[" + v + "]";
                if (!name.equals(text(volumePath + ".name")) || text(volumePath + ".secret.secretName").isEmpty()) {
                    continue;
                }
                // One file per mounted directory: the file is the volume's single item, as the stack file mounts it.
                if (text(volumePath + ".secret.items[1].path").isPresent() || text(volumePath + ".secret.items[0].path").isEmpty()) {
                    continue;
                }
                files.put(dir.get().replaceAll("/+$", "") + "/" + text(volumePath + ".secret.items[0].path").get(),
                        "{secret: " + quote(secret(text(volumePath + ".secret.secretName").get(), volumePath + ".secret.secretName")) + ", version: \""
                                + text(volumePath + ".secret.items[0].key").orElse("latest") + "\"}");
                use(mountPath);
                use(volumePath + ".name");
                use(volumePath + ".secret.secretName");
                use(volumePath + ".secret.items[0]");
            }
        }
        var sqlPath = TEMPLATE_ANNOTATIONS + "['run.googleapis.com/cloudsql-instances']";
        var sql = text(sqlPath).map(s -> List.of(s.split(","))).orElse(List.of());
        if (files.isEmpty() && sql.isEmpty()) {
            return;
        }
        out.append("    volumes:\n");
        if (!files.isEmpty()) {
            out.append("      secrets:\n");
            files.forEach((k, v) -> out.append("        ").append(quote(k)).append(": ").append(v).append('\n'));
        }
        if (!sql.isEmpty()) {
            out.append("      cloudSqlInstances: [").append(sql.stream().map(String::strip).map(StarterStackFile::quote)
                    .collect(Collectors.joining(", "))).append("]\n");
        }
    }

    private void customAudiences(StringBuilder out) {
        for (var path : List.of(ANNOTATIONS, TEMPLATE_ANNOTATIONS)) {
            var full = path + "['run.googleapis.com/custom-audiences']";
            var json = rawText(full);
            if (json.isEmpty()) {
                continue;
            }
            try {
                var node = new ObjectMapper().readTree(json.get());
                var audiences = new ArrayList<String>();
                node.forEach(a -> audiences.add(quote(a.asText())));
                out.append("    customAudiences: [").append(String.join(", ", audiences)).append("]\n");
                use(full);
                return;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                note(full, json.get(), "not the JSON list Cloud Run writes");
            }
        }
    }

    private void invokers(StringBuilder out, IamPolicyFile run, boolean iapOn) {
        var invokers = new ArrayList<String>();
        for (var b : run.bindings()) {
            for (var m : b.members()) {
                var where = b.path() + " (" + b.role() + ")";
                if (!b.role().equals(Roles.RUN_INVOKER)) {
                    policyNote(run, where, m.value(), "a stack file grants no other role on the service; the grant stays, not managed by the stack");
                } else if (IapServiceAgent.projectNumber(m.value()).isPresent() && iapOn && b.condition().isEmpty()) {
                    continue; // with IAP on, the agent's unconditional grant is made by the program itself, not declared
                } else if (IapServiceAgent.projectNumber(m.value()).isPresent()) {
                    policyNote(run, where, m.value(), iapOn
                            ? "the program grants the IAP agent run.invoker without a condition, and adopting imports that grant, which "
                                    + "does not exist: grant it unconditionally with gcloud first; the conditional grant stays, not managed by the stack"
                            : "with IAP off the stack makes no grant to the IAP agent; the grant stays, not managed by the stack");
                } else if (b.condition().isPresent()) {
                    policyNote(run, where, m.value(), "invokers take no condition; the conditional grant stays, not managed by the stack");
                } else if (m.isPublic()) {
                    policyNote(run, where, m.value(), "a stack file names no public principal (public: true switches the invoker check off "
                            + "instead); the grant stays on the service until removed by hand");
                } else if (Principal.problem(m.value()).isPresent()) {
                    policyNote(run, where, m.value(), Principal.problem(m.value()).get() + "; the grant stays on the service until removed by hand");
                } else if (!invokers.contains(m.value())) {
                    invokers.add(m.value());
                }
            }
        }
        if (!invokers.isEmpty()) {
            out.append("    invokers:\n");
            invokers.forEach(i -> out.append("      - ").append(quote(i)).append('\n'));
        }
    }

    /**
     * Today's accessors, declared authoritative with exactly today's members: nobody loses access at adoption, and from
     * then on the list is the whole truth of that grant, as production wants it.
     */
    private void accessors(StringBuilder out, IamPolicyFile iap, boolean iapOn) {
        var entries = new LinkedHashMap<String, List<IamPolicyFile.Binding>>();
        for (var b : iap.bindings()) {
            if (!b.role().equals(Roles.IAP_ACCESSOR)) {
                b.members().forEach(m -> policyNote(iap, b.path() + " (" + b.role() + ")", m.value(),
                        "a stack file grants no other IAP role; the grant stays, not managed by the stack"));
                continue;
            }
            entries.computeIfAbsent(b.condition().map(IamPolicyFile.Condition::key).orElse(""), k -> new ArrayList<>()).add(b);
        }
        if (!iapOn) {
            entries.values().forEach(bs -> bs.forEach(b -> b.members().forEach(m -> policyNote(iap, b.path(), m.value(),
                    "IAP is off on the service, so the stack declares no accessors; the grant stays, not managed by the stack"))));
            return;
        }
        // The unconditional entry when there is one, else the only conditional one: a stack has one condition per service.
        var chosen = entries.containsKey("") ? "" : entries.size() == 1 ? entries.keySet().iterator().next() : null;
        var members = new ArrayList<String>();
        Optional<IamPolicyFile.Condition> condition = Optional.empty();
        for (var entry : entries.entrySet()) {
            for (var b : entry.getValue()) {
                for (var m : b.members()) {
                    var where = b.path();
                    if (!entry.getKey().equals(chosen)) {
                        policyNote(iap, where, m.value(), "a grant under another condition ('" + b.condition().map(IamPolicyFile.Condition::title)
                                .orElse("") + "'): a stack declares one condition per service; the grant stays, not managed by the stack");
                    } else if (Principal.problem(m.value()).isPresent()) {
                        policyNote(iap, where, m.value(), Principal.problem(m.value()).get() + "; the authoritative list removes it at the first pulumi up");
                        warnings.add(m.value() + " holds " + Roles.IAP_ACCESSOR + " today; the authoritative accessor list removes it");
                    } else if (!members.contains(m.value())) {
                        members.add(m.value());
                        condition = b.condition();
                    }
                }
            }
        }
        out.append("    accessors:\n      mode: authoritative\n");
        if (members.isEmpty()) {
            out.append("      members: []\n");
        } else {
            out.append("      members:\n");
            members.forEach(m -> out.append("        - ").append(quote(m)).append('\n'));
        }
        condition.ifPresent(c -> {
            out.append("      condition:\n        title: ").append(quote(c.title())).append("\n        expression: ")
                    .append(quote(c.expression())).append('\n');
            if (!c.description().isEmpty()) {
                out.append("        description: ").append(quote(c.description())).append('\n');
            }
        });
    }

    /** The service's own labels become the stack's labels (one service, so the same thing); GCP's label rules apply. */
    private Map<String, String> labels() {
        var labels = new LinkedHashMap<String, String>();
        if (description.root().at("metadata", "labels").orElse(null) instanceof YamlNode.Mapping m) {
            m.entries().forEach((key, node) -> {
                if (key.equals(ServiceDescription.LOCATION_LABEL)) {
                    return;
                }
                var path = "metadata.labels" + (SIMPLE_KEY.matcher(key).matches() ? "." + key : "['" + key + "']");
                var value = node instanceof YamlNode.Scalar s ? s.text() : "";
                var problem = InputRules.labelKey(key).or(() -> InputRules.labelValue(value));
                if (problem.isEmpty()) {
                    labels.put(key, value);
                    use(path);
                } else {
                    note(path, value, "the stack file's labels refuse it: " + problem.get());
                }
            });
        }
        return labels;
    }

    // --- the description's leaves, by JSON path ---

    private void walk(YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping m) {
            m.entries().forEach((k, v) -> walk(v, path.isEmpty() ? k : path + (SIMPLE_KEY.matcher(k).matches() ? "." + k : "['" + k + "']")));
        } else if (node instanceof YamlNode.Sequence s) {
            for (int i = 0; i < s.items().size(); i++) {
                walk(s.items().get(i), path + "[" + i + "]");
            }
        } else if (node instanceof YamlNode.Scalar s) {
            leaves.put(path, s);
        }
    }

    private static final Pattern SECRET_ALIAS = Pattern.compile("([^:\\s]+):(projects/[^/\\s]+/secrets/[^/\\s]+)");

    /**
     * The secret a reference names: in the v1 API another project's secret is named by an alias that the annotation
     * run.googleapis.com/secrets maps to projects/P/secrets/S; a name it does not list is a secret of the service's project.
     */
    private String secret(String name, String referencePath) {
        if (aliases == null) {
            aliases = secretAliases();
        }
        if (aliases.containsKey(name)) {
            return aliases.get(name);
        }
        if (!name.matches("[A-Za-z0-9_-]+")) {
            // Neither a listed alias nor a secret id: writing it would name some other secret.
            throw new GcloudInputException(List.of(new Problem(location(referencePath), referencePath, "the secret '" + name
                    + "' is no secret id and no alias of the annotation run.googleapis.com/secrets; expected an id or an alias it lists")));
        }
        return name;
    }

    /** The aliases of run.googleapis.com/secrets, read where gcloud prints it: the revision template's annotations, else the service's. */
    private Map<String, String> secretAliases() {
        var aliases = new LinkedHashMap<String, String>();
        for (var path : List.of(TEMPLATE_ANNOTATIONS, ANNOTATIONS)) {
            var full = path + "['run.googleapis.com/secrets']";
            var value = rawText(full);
            if (value.isEmpty()) {
                continue;
            }
            use(full);
            for (var entry : value.get().split(",")) {
                var m = SECRET_ALIAS.matcher(entry.strip());
                if (!m.matches()) {
                    // An entry not of alias:projects/P/secrets/S resolves nothing; a guess could name another secret.
                    throw new GcloudInputException(List.of(new Problem(location(full), full, "found the entry '" + entry.strip()
                            + "'; expected ALIAS:projects/PROJECT/secrets/SECRET, comma-separated")));
                }
                aliases.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return aliases;
    }

    /** Where a JSON path of the form this writer uses (a.b[0]['c.d']) stands in the description. */
    private dev.iapcloudrun.spec.Location location(String path) {
        var steps = new ArrayList<Object>();
        var m = Pattern.compile("([^.\\[\\]']+)|\\[(\\d+)\\]|\\['([^']+)'\\]").matcher(path);
        while (m.find()) {
            steps.add(m.group(2) != null ? (Object) Integer.parseInt(m.group(2)) : m.group(1) != null ? m.group(1) : m.group(3));
        }
        return GcloudJson.where(description.root(), steps.toArray());
    }

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The text at a JSON path, marking it as declared. */
    private Optional<String> text(String path) {
        var found = rawText(path);
        found.ifPresent(f -> use(path));
        return found;
    }

    private Optional<String> rawText(String path) {
        var node = leaves.get(path);
        return node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL ? Optional.of(s.text()) : Optional.empty();
    }

    /** Whether anything stands below {@code path}: a check such as {@code tcpSocket} is known by its settings. */
    private boolean has(String path) {
        return leaves.keySet().stream().anyMatch(p -> p.startsWith(path + ".") || p.equals(path));
    }

    private void use(String path) {
        used.add(path);
    }

    private void note(String path, String value, String why) {
        use(path);
        unexpressed.add(new Unexpressed(description.file(), path, value, why));
    }

    private void policyNote(IamPolicyFile policy, String where, String member, String why) {
        unexpressed.add(new Unexpressed(policy.file(), where, member, why));
    }

    private static String show(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? (s.kind() == YamlNode.Scalar.Kind.STRING ? new TextNode(s.text()).toString() : s.text()) : node.describe();
    }

    /** A YAML scalar that reads back as the same text: plain when that is unambiguous, otherwise a JSON string. */
    static String quote(String text) {
        if (SAFE.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(java.util.Locale.ROOT))
                && !text.matches("[0-9.+-][0-9._eE+-]*") && !text.contains(": ") && !text.endsWith(":")) {
            return text;
        }
        return new TextNode(text).toString();
    }

    /** The Ingress word a stack file uses for the annotation's value; the annotation already uses the same words. */
    static Optional<ServiceSpec.Ingress> ingress(String annotation) {
        return java.util.Arrays.stream(ServiceSpec.Ingress.values()).filter(i -> i.yaml.equals(annotation)).findFirst();
    }
}
