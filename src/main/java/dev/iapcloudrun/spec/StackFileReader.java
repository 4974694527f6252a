package dev.iapcloudrun.spec;

import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.spec.AccessorsSpec.ConditionSpec;
import dev.iapcloudrun.spec.ServiceSpec.Ingress;
import dev.iapcloudrun.spec.ServiceSpec.SecretRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a stack file ({@code stacks/<stack>.yaml}) strictly: unknown keys, wrong types, missing fields
 * and unsafe combinations are all reported together, each with its file, line, column and path.
 */
public final class StackFileReader {

    private static final Pattern CONFIG_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private StackFileReader() {}

    /**
     * Defaults the stack file falls back on: the {@code gcp:project} and {@code gcp:region} config.
     *
     * @param source       where the config comes from, as errors name it ({@code Pulumi.<stack>.yaml})
     * @param keyLocations where each config key stands in that file, when known: a bad value is reported there
     * @param readable     whether the config could be read; when not, its values are unknown, not absent, so a project
     *                     or region missing from the stack file is not reported: the caller reports the config's problems
     */
    public record Defaults(Optional<String> project, Optional<String> region, String source, Map<String, Location> keyLocations,
                           boolean readable) {
        public static final Defaults NONE = new Defaults(Optional.empty(), Optional.empty());

        public Defaults {
            keyLocations = Map.copyOf(keyLocations);
        }

        public Defaults(Optional<String> project, Optional<String> region, String source) {
            this(project, region, source, Map.of(), true);
        }

        public Defaults(Optional<String> project, Optional<String> region) {
            this(project, region, "the stack's config");
        }

        /** Where to report a bad config value: at its key in the config file when known, else at the stack file's top. */
        void problem(Fields f, String key, String message) {
            var at = keyLocations.get(key);
            if (at == null) {
                f.problemHere("the " + key + " config: " + message);
            } else {
                f.problems().add(new Problem(at, "config." + key, message));
            }
        }
    }

    /** Stack files are a few kilobytes; anything this large is not one, and is refused before parsing. */
    static final int MAX_BYTES = 1 << 20;

    static final Comparator<Problem> FILE_ORDER = Comparator.comparingInt((Problem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column());

    /**
     * Reads {@code file}; {@code displayName} is how errors name it (the path the user knows).
     *
     * @throws StackFileException with every problem of the file
     */
    public static StackSpec read(Path file, String displayName, Defaults defaults) {
        return check(file, displayName, defaults, Optional.empty()).orThrow();
    }

    /** Parses stack-file text; see {@link #read}. */
    public static StackSpec parse(String displayName, String text, Defaults defaults) {
        return check(displayName, text, defaults, Optional.empty()).orThrow();
    }

    /**
     * A stack file read and parsed as YAML, not yet validated: the part of reading that needs neither config
     * nor the SDK, so it can run while the SDK starts.
     *
     * @param root     the document, when it could be parsed
     * @param problems what stopped it from being read or parsed
     */
    public record Parsed(String displayName, Optional<YamlNode> root, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        static Parsed failed(String displayName, String message) {
            return new Parsed(displayName, Optional.empty(), List.of(new Problem(new Location(displayName, 1, 1), "", message)));
        }
    }

    /** Reads and parses a stack file; {@code displayName} is how errors name it. */
    public static Parsed parse(Path file, String displayName) {
        try {
            return parse(displayName, TextFiles.read(file, MAX_BYTES));
        } catch (TextFiles.Refused refused) {
            var failure = refused.failure();
            return Parsed.failed(displayName, failure instanceof TextFiles.Failure.Unreadable u ? "cannot read the stack file (" + u.describe() + ")"
                    : failure instanceof TextFiles.Failure.TooLarge t ? "the file is " + t.bytes() + " bytes; expected a stack file of at most "
                    + MAX_BYTES + " bytes"
                    : "the file is not UTF-8 text; expected a YAML stack file");
        }
    }

    /** Parses stack-file text; see {@link #parse(Path, String)}. */
    public static Parsed parse(String displayName, String text) {
        if (text.length() > MAX_BYTES) {
            return Parsed.failed(displayName, "the file is " + text.length() + " characters; expected a stack file of at most " + MAX_BYTES + " bytes");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return Parsed.failed(displayName, "the file holds binary data (a NUL byte at offset " + nul + "); expected a YAML stack file");
        }
        var problems = new ArrayList<Problem>();
        var root = YamlReader.read(displayName, text, "a mapping with at least 'services'", problems);
        if (root != null && !(root instanceof YamlNode.Mapping)) {
            // Nothing else can be said of a list or a scalar: "services is missing" would only repeat it.
            return Parsed.failed(displayName, "found " + root.describe() + " at the top of the file; expected a mapping with at least 'services'");
        }
        return new Parsed(displayName, Optional.ofNullable(root), problems);
    }

    /**
     * Checks a stack file and reports every error and warning.
     *
     * @param base the same stack at an earlier revision, when known: changes from it can warn
     */
    public static StackCheck check(Path file, String displayName, Defaults defaults, Optional<StackSpec> base) {
        return check(parse(file, displayName), defaults, base);
    }

    /** Checks stack-file text; see {@link #check(Path, String, Defaults, Optional)}. */
    public static StackCheck check(String displayName, String text, Defaults defaults, Optional<StackSpec> base) {
        return check(parse(displayName, text), defaults, base);
    }

    /** Validates a parsed stack file against the rules, with the stack's config defaults. */
    public static StackCheck check(Parsed parsed, Defaults defaults, Optional<StackSpec> base) {
        var problems = new ArrayList<>(parsed.problems());
        var warnings = new ArrayList<Problem>();
        var root = parsed.root().orElse(null);
        StackSpec spec = root == null ? null : stack(Fields.of(root, "", problems, "a mapping with at least 'services'"), defaults, problems);
        if (problems.isEmpty() && spec != null) {
            StackRules.apply(root, spec, base, problems, warnings);
        }
        problems.sort(FILE_ORDER);
        warnings.sort(FILE_ORDER);
        return new StackCheck(Optional.ofNullable(spec), problems, warnings);
    }

    private static StackCheck failed(String displayName, String message) {
        return new StackCheck(Optional.empty(), List.of(new Problem(new Location(displayName, 1, 1), "", message)), List.of());
    }

    private static StackSpec stack(Fields f, Defaults defaults, List<Problem> problems) {
        var fileProject = f.string("project", "a project id");
        // No override: every resource names the stack file's project, so the only use of a second project would be a
        // stack file copied from another environment, about to deploy into that environment's project.
        fileProject.filter(p -> defaults.project().filter(c -> !c.equals(p)).isPresent()).ifPresent(p -> f.problem(
                f.node("project").orElseThrow(), "project", "found \"" + p + "\" here, but " + defaults.source() + " sets gcp:project to \""
                        + defaults.project().get() + "\"; expected the same project in both (a stack file copied from another "
                        + "environment would deploy into that environment's project): correct the one that is wrong, or remove "
                        + "'project' from the stack file to take gcp:project"));
        var project = fileProject.or(defaults::project);
        project.flatMap(InputRules::projectId).ifPresent(message -> f.node("project").ifPresentOrElse(
                n -> f.problem(n, "project", message), () -> defaults.problem(f, "gcp:project", message)));
        if (project.isEmpty() && defaults.readable()) {
            f.problemHere("no project: set 'project' in the stack file or the gcp:project config of the stack");
        }
        var projectNumber = f.string("projectNumber", "the project number, such as \"123456789012\"");
        projectNumber.flatMap(InputRules::projectNumber).ifPresent(message ->
                f.problem(f.node("projectNumber").orElseThrow(), "projectNumber", message));
        var region = f.string("region", "a region such as europe-west1").or(defaults::region);
        region.flatMap(r -> InputRules.region(r, StackRules.CLOUD_RUN_REGIONS)).ifPresent(message -> f.node("region").ifPresentOrElse(
                        n -> f.problem(n, "region", message), () -> defaults.problem(f, "gcp:region", message)));
        if (region.isEmpty() && defaults.readable()) {
            f.problemHere("no region: set 'region' in the stack file or the gcp:region config of the stack");
        }
        var labels = labels(f, "labels");

        var policy = f.object("policy", "a mapping of requireImageDigests, requireDeletionProtection, requireAuthoritativeAccessors, "
                        + "allowDefaultServiceAccounts, requireBinaryAuthorization and allowAdminRoles")
                .map(p -> {
                    var required = new StackPolicy(p.bool("requireImageDigests", false), p.bool("requireDeletionProtection", false),
                            p.bool("requireAuthoritativeAccessors", false), p.bool("allowDefaultServiceAccounts", false),
                            p.bool("requireBinaryAuthorization", false), p.bool("allowAdminRoles", false));
                    p.finish();
                    return required;
                }).orElse(StackPolicy.NONE);

        var audience = StackSpec.Audience.INTERNAL;
        Optional<OAuthClientSpec> oauthClient = Optional.empty();
        List<String> organizationDomains = List.of();
        var iap = f.object("iap", "a mapping with 'audience' and, outside the organization, 'oauthClient'");
        if (iap.isPresent()) {
            var i = iap.get();
            audience = i.choice("audience", byYaml(StackSpec.Audience.values(), a -> a.yaml), StackSpec.Audience.INTERNAL);
            oauthClient = i.object("oauthClient", "a mapping with clientId and clientSecretConfig").map(StackFileReader::oauthClient);
            organizationDomains = i.list("organizationDomains", (n, path) -> i.text(n, path, "a domain name such as acme.example")
                    .filter(d -> {
                        if (Principal.problem("domain:" + d).isEmpty()) {
                            return true;
                        }
                        i.addProblem(n, path, "found \"" + d + "\"; expected a lower-case domain name such as acme.example");
                        return false;
                    }));
            if (audience.needsOAuthClient() && !i.has("oauthClient")) {
                i.problemHere("the audience '" + audience.yaml + "' needs a custom OAuth client: add 'oauthClient' with clientId "
                        + "and clientSecretConfig (Google's managed client only serves users of the project's organization)");
            }
            i.finish();
        }

        // Every service's default: adopt what runs already instead of creating it (README, "Adopting services").
        var adoptAll = f.bool("adopt", false);
        var services = new ArrayList<ServiceSpec>();
        var names = new HashMap<String, Location>();
        f.required("services", "a list of services").ifPresent(n -> {
            if (n instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
                f.problem(n, "services", "found an empty list; expected at least one service");
            }
        });
        f.list("services", (n, path) -> {
            var s = service(Fields.of(n, path, problems, "a mapping describing one service"), policy, project, adoptAll,
                    projectNumber.isPresent());
            if (s != null) {
                region.ifPresent(r -> networkRegion(n, path, s, r, problems));
                var first = names.putIfAbsent(s.name(), n.location());
                if (first != null) {
                    problems.add(new Problem(n.location(), path + ".name", "the service '" + s.name()
                            + "' is declared twice (first at line " + first.line() + "); expected each service once"));
                    return Optional.empty();
                }
            }
            return Optional.ofNullable(s);
        }).forEach(services::add);
        f.finish();
        if (project.isEmpty() || region.isEmpty()) {
            return null;
        }
        return new StackSpec(project.get(), projectNumber, region.get(), labels, audience, oauthClient, services,
                organizationDomains, policy);
    }

    private static OAuthClientSpec oauthClient(Fields f) {
        var clientId = f.requiredString("clientId", "the OAuth client id, ending in .apps.googleusercontent.com");
        if (clientId != null) {
            InputRules.oauthClientId(clientId).ifPresent(message -> f.problem(f.node("clientId").orElseThrow(), "clientId", message));
        }
        var secretKey = f.requiredString("clientSecretConfig",
                "the name of the Pulumi config key holding the client secret (set with pulumi config set --secret)");
        if (f.has("clientSecret")) {
            // Refused by name so that the message can say where the secret belongs instead of "unknown field".
            f.problemAtKey("clientSecret",
                    "an OAuth client secret must never be written in a stack file; store it with "
                            + "'pulumi config set --secret <key>' and name the key in clientSecretConfig");
        }
        if (secretKey != null && !CONFIG_KEY.matcher(secretKey).matches()) {
            f.problem(f.node("clientSecretConfig").orElseThrow(), "clientSecretConfig", "found \"" + secretKey
                    + "\"; expected a config key of this project without its namespace, such as iapOauthClientSecret");
        }
        var loginHint = f.string("loginHint", "a domain or email hinted to the sign-in page").orElse(null);
        var programmatic = f.strings("programmaticClients", "an OAuth client id");
        var hosts = f.strings("allowedRequestHosts", "a host name requests may use, such as portal.acme.example");
        if (f.has("allowedDomains")) {
            // Refused by name: the old name promised "only these domains may sign in", which IAP's setting never did.
            f.problemAtKey("allowedDomains", "'allowedDomains' was renamed to 'allowedRequestHosts': IAP's allowedDomainsSettings "
                    + "restricts the host names that requests may use, not who may sign in; to admit only the users of a domain, "
                    + "name it among the accessors as domain:DOMAIN");
        }
        var scope = f.choice("scope", byYaml(OAuthClientSpec.Scope.values(), s -> s.yaml), OAuthClientSpec.Scope.PROJECT);
        f.finish();
        return clientId == null || secretKey == null ? null
                : new OAuthClientSpec(clientId, secretKey, loginHint, programmatic, hosts, scope);
    }

    private static ServiceSpec service(Fields f, StackPolicy policy, Optional<String> project, boolean adoptAll, boolean projectNumber) {
        var name = f.requiredString("name", "a Cloud Run service name");
        if (name != null) {
            InputRules.serviceName(name).ifPresent(message -> f.problem(f.node("name").orElseThrow(), "name", message));
        }
        var image = f.requiredString("image", "a container image reference");
        if (image != null && f.node("image").orElseThrow() instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.Scalar.Kind.STRING) {
            // A bare number has the shape of an image name, but nobody means one by it: the schema refuses it too.
            f.problem(scalar, "image", "found " + scalar.describe() + "; expected a container image reference, which is text");
        } else if (image != null) {
            InputRules.image(image).ifPresent(message -> f.problem(f.node("image").orElseThrow(), "image", message));
        }
        var ingress = f.choice("ingress", byYaml(Ingress.values(), i -> i.yaml), Ingress.ALL);
        var serviceAccount = f.string("serviceAccount", "the email of an existing service account");
        serviceAccount.flatMap(sa -> InputRules.serviceAccount(sa, policy.allowDefaultServiceAccounts())).ifPresent(message ->
                f.problem(f.node("serviceAccount").orElseThrow(), "serviceAccount", message));

        var env = f.map("env", (k, n, path) -> envName(f, k, n, path) ? f.text(n, path, "a text value") : Optional.empty());
        var secrets = f.map("secrets", (k, n, path) -> {
            if (!envName(f, k, n, path)) {
                return Optional.empty();
            }
            if (env.containsKey(k)) {
                f.addProblem(n, path, InputRules.envTwice(k));
                return Optional.empty();
            }
            return secretRef(Fields.of(n, path, f.problems(), "a mapping with 'secret' and optional 'version'"));
        });

        Optional<Integer> min = Optional.empty();
        Optional<Integer> max = Optional.empty();
        var scaling = f.object("scaling", "a mapping with minInstances and maxInstances");
        if (scaling.isPresent()) {
            var s = scaling.get();
            min = s.integer("minInstances", 0, 1000);
            max = s.integer("maxInstances", 1, 1000);
            if (min.isPresent() && max.isPresent()) {
                InputRules.minAndMax(min.get(), max.get()).ifPresent(s::problemHere);
            }
            s.finish();
        }
        Optional<String> cpu = Optional.empty();
        Optional<String> memory = Optional.empty();
        Optional<Boolean> cpuIdle = Optional.empty();
        Optional<Boolean> startupCpuBoost = Optional.empty();
        var resources = f.object("resources", "a mapping with cpu, memory, cpuIdle and startupCpuBoost");
        if (resources.isPresent()) {
            var r = resources.get();
            cpu = r.string("cpu", "a CPU limit such as \"1\" or \"500m\"");
            cpu.flatMap(InputRules::cpu).ifPresent(message -> r.problem(r.node("cpu").orElseThrow(), "cpu", message));
            memory = r.string("memory", "a memory limit such as 512Mi or 2Gi");
            memory.flatMap(InputRules::memory).ifPresent(message -> r.problem(r.node("memory").orElseThrow(), "memory", message));
            if (cpu.isPresent() && memory.isPresent()) {
                InputRules.cpuAndMemory(cpu.get(), memory.get())
                        .ifPresent(message -> r.problem(r.node("memory").orElseThrow(), "memory", message));
            }
            cpuIdle = optionalBool(r, "cpuIdle");
            startupCpuBoost = optionalBool(r, "startupCpuBoost");
            if (cpu.isPresent() && cpuIdle.isPresent()) {
                InputRules.cpuAndCpuIdle(cpu.get(), cpuIdle.get())
                        .ifPresent(message -> r.problem(r.node("cpuIdle").orElseThrow(), "cpuIdle", message));
            }
            r.finish();
        }
        var concurrency = f.integer("concurrency", 1, 1000);
        if (cpu.isPresent() && concurrency.isPresent()) {
            InputRules.cpuAndConcurrency(cpu.get(), concurrency.get())
                    .ifPresent(message -> f.problem(f.node("concurrency").orElseThrow(), "concurrency", message));
        }
        var executionEnvironment = Optional.ofNullable(f.choice("executionEnvironment",
                byYaml(ExecutionEnvironment.values(), e -> e.yaml), null)).map(e -> e.yaml);
        if (cpu.isPresent() && executionEnvironment.isPresent()) {
            InputRules.cpuAndExecutionEnvironment(cpu.get(), executionEnvironment.get()).ifPresent(message ->
                    f.problem(f.node("executionEnvironment").orElseThrow(), "executionEnvironment", message));
        }
        var sessionAffinity = optionalBool(f, "sessionAffinity");
        var command = commandLine(f, "command", "a word of the entrypoint, such as /app/server");
        var args = commandLine(f, "args", "an argument, such as --port=8080");
        var startupProbe = f.object("startupProbe", "a mapping with one of httpGet, tcpSocket or grpc").flatMap(p -> probe(p, false));
        var livenessProbe = f.object("livenessProbe", "a mapping with one of httpGet or grpc").flatMap(p -> probe(p, true));
        var network = f.object("network", "a mapping with connector, or vpc, subnetwork and tags; and egress").flatMap(StackFileReader::network);
        var binaryAuthorization = f.object("binaryAuthorization", "a mapping with policy and breakglassJustification")
                .flatMap(StackFileReader::binaryAuthorization);
        var volumes = f.object("volumes", "a mapping with secrets and cloudSqlInstances").map(StackFileReader::volumes)
                .orElse(ServiceSpec.Volumes.NONE);
        var timeout = f.string("timeout", "a duration in seconds such as 300s");
        timeout.flatMap(InputRules::timeout).ifPresent(message -> f.problem(f.node("timeout").orElseThrow(), "timeout", message));
        var port = f.integer("port", 1, 65535);
        var deletionProtection = f.bool("deletionProtection", true);
        var audiences = f.strings("customAudiences", "an audience string");
        var invokers = principals(f, "invokers");
        var runtimeRoles = runtimeRoles(f, policy, serviceAccount, project);
        var iap = f.bool("iap", true);
        var publicAccess = f.bool("public", false);
        InputRules.publicWithIap(iap, publicAccess).ifPresent(message -> f.problem(f.node("public").orElseThrow(), "public", message));
        Optional<AccessorsSpec> accessors = f.object("accessors", "a mapping with mode and members").map(StackFileReader::accessors);
        if (f.has("accessors")) {
            InputRules.accessorsWithoutIap(iap).ifPresent(message -> f.problem(f.node("accessors").orElseThrow(), "accessors", message));
        }
        var adopt = f.bool("adopt", adoptAll);
        InputRules.adoptWithIap(adopt, iap, projectNumber).ifPresent(message -> f.node("adopt").ifPresentOrElse(
                n -> f.problem(n, "adopt", message), () -> f.problemHere("adopt: true at the top of the stack file: " + message)));
        f.finish();
        if (name == null || image == null) {
            return null;
        }
        return new ServiceSpec(name, image, ingress, serviceAccount, env, secrets, min, max, cpu, memory, cpuIdle, startupCpuBoost,
                concurrency, executionEnvironment, sessionAffinity, command, args, startupProbe, livenessProbe, network, binaryAuthorization, volumes, timeout, port,
                deletionProtection, audiences, invokers, runtimeRoles, iap, publicAccess, accessors, adopt);
    }

    /** A startup or liveness probe: one check, and its timing inside Cloud Run's ranges. */
    private static Optional<ProbeSpec> probe(Fields p, boolean liveness) {
        // A liveness probe names tcpSocket among its keys only where it is written, to refuse it with Cloud Run's reason.
        var written = InputRules.PROBE_CHECKS.stream()
                .filter(check -> liveness && check.equals("tcpSocket") ? p.written(check) && p.has(check) : p.has(check)).toList();
        var checks = InputRules.probeChecks(liveness, written);
        checks.ifPresent(message -> {
            var at = written.contains("tcpSocket") && liveness ? "tcpSocket" : written.size() > 1 ? written.get(1) : null;
            if (at == null) {
                p.problemHere(message);
            } else {
                p.problem(p.node(at).orElseThrow(), at, message);
            }
        });
        Optional<String> path = Optional.empty();
        Optional<Integer> port = Optional.empty();
        Optional<String> service = Optional.empty();
        for (var check : written) {
            var c = p.object(check, switch (check) {
                case "httpGet" -> "a mapping with path and port";
                case "tcpSocket" -> "a mapping with port";
                default -> "a mapping with port and service";
            });
            if (c.isEmpty()) {
                continue;
            }
            var fields = c.get();
            if (check.equals("httpGet")) {
                path = fields.string("path", "a path such as /healthz");
                path.flatMap(InputRules::probePath).ifPresent(message -> fields.problem(fields.node("path").orElseThrow(), "path", message));
            }
            port = fields.integer("port", 1, 65535);
            if (check.equals("grpc")) {
                service = fields.string("service", "a gRPC service name");
            }
            fields.finish();
        }
        var timing = new java.util.LinkedHashMap<String, Optional<Integer>>();
        for (var setting : List.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold")) {
            var range = InputRules.probeRange(liveness, setting);
            timing.put(setting, p.integer(setting, range[0], range[1]));
        }
        var timeout = timing.get("timeoutSeconds");
        var period = timing.get("periodSeconds");
        if (timeout.isPresent() && period.isPresent()) {
            InputRules.probeTimeoutAndPeriod(timeout.get(), period.get())
                    .ifPresent(message -> p.problem(p.node("timeoutSeconds").orElseThrow(), "timeoutSeconds", message));
        }
        p.finish();
        if (checks.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ProbeSpec(written.get(0), path, port, service, timing.get("initialDelaySeconds"), period, timeout,
                timing.get("failureThreshold")));
    }

    /** VPC egress: a connector or Direct VPC egress, never both. */
    private static Optional<NetworkSpec> network(Fields n) {
        var connector = n.string("connector", "a connector's name or projects/PROJECT/locations/REGION/connectors/NAME");
        connector.flatMap(InputRules::connector).ifPresent(message -> n.problem(n.node("connector").orElseThrow(), "connector", message));
        var vpc = n.string("vpc", "a VPC network's name or projects/PROJECT/global/networks/NAME");
        vpc.flatMap(InputRules::vpcNetwork).ifPresent(message -> n.problem(n.node("vpc").orElseThrow(), "vpc", message));
        var subnetwork = n.string("subnetwork", "a subnetwork's name or projects/PROJECT/regions/REGION/subnetworks/NAME");
        subnetwork.flatMap(InputRules::subnetwork).ifPresent(message -> n.problem(n.node("subnetwork").orElseThrow(), "subnetwork", message));
        var seen = new HashMap<String, Location>();
        var tags = n.list("tags", (t, path) -> n.text(t, path, "a network tag").filter(tag -> {
            var problem = InputRules.networkTag(tag).or(() -> seen.putIfAbsent(tag, t.location()) == null ? Optional.empty()
                    : Optional.of(InputRules.networkTagTwice(tag)));
            problem.ifPresent(message -> n.addProblem(t, path, message));
            return problem.isEmpty();
        }));
        // Both kinds written: reported at the connector, the one key that makes it both; neither: at the mapping.
        var shape = InputRules.networkShape(n.has("connector"), n.has("vpc"), n.has("subnetwork"), n.has("tags"));
        shape.ifPresent(message -> {
            if (n.has("connector")) {
                n.problemAtKey("connector", message);
            } else {
                n.problemHere(message);
            }
        });
        var egress = n.string("egress", "one of " + String.join(", ", InputRules.EGRESS));
        egress.flatMap(e -> InputRules.oneOf(e, InputRules.EGRESS)).ifPresent(message -> n.problem(n.node("egress").orElseThrow(), "egress", message));
        n.finish();
        return shape.isPresent() ? Optional.empty()
                : Optional.of(new NetworkSpec(connector, vpc, subnetwork, tags, egress.orElse(InputRules.DEFAULT_EGRESS)));
    }

    /** A connector or subnetwork written as a path is in the service's region. */
    private static void networkRegion(YamlNode service, String path, ServiceSpec s, String region, List<Problem> problems) {
        s.network().ifPresent(network -> {
            network.connector().flatMap(c -> InputRules.networkRegion("connector", c, region)).ifPresent(message -> problems.add(
                    new Problem(service.at("network", "connector").orElse(service).location(), path + ".network.connector", message)));
            network.subnetwork().flatMap(c -> InputRules.networkRegion("subnetwork", c, region)).ifPresent(message -> problems.add(
                    new Problem(service.at("network", "subnetwork").orElse(service).location(), path + ".network.subnetwork", message)));
        });
    }

    /** Binary Authorization: the project's default policy or a named one, and an optional breakglass justification. */
    private static Optional<BinaryAuthorizationSpec> binaryAuthorization(Fields b) {
        var policy = b.requiredString("policy", "default, or a policy's name or projects/PROJECT/platforms/cloudRun/NAME");
        if (policy != null) {
            InputRules.binaryAuthorizationPolicy(policy).ifPresent(message -> b.problem(b.node("policy").orElseThrow(), "policy", message));
        }
        var justification = b.string("breakglassJustification", "why the policy is bypassed, such as the incident's id");
        justification.flatMap(j -> InputRules.breakglassJustification(policy == null ? InputRules.DEFAULT_POLICY : policy, j))
                .ifPresent(message -> b.problem(b.node("breakglassJustification").orElseThrow(), "breakglassJustification", message));
        b.finish();
        return policy == null ? Optional.empty() : Optional.of(new BinaryAuthorizationSpec(policy, justification));
    }

    /**
     * Secret files by path and Cloud SQL instances: each file in a directory of its own that overlaps no other mount
     * path (nor /cloudsql), each instance a connection name, listed once.
     */
    private static ServiceSpec.Volumes volumes(Fields v) {
        var seen = new HashMap<String, Location>();
        var instances = v.list("cloudSqlInstances", (n, path) -> v.text(n, path, "an instance connection name PROJECT:REGION:INSTANCE")
                .filter(instance -> {
                    var problem = InputRules.cloudSqlInstance(instance).or(() -> Optional.ofNullable(seen.putIfAbsent(instance, n.location()))
                            .map(first -> InputRules.cloudSqlInstanceTwice(instance, "at line " + first.line())));
                    problem.ifPresent(message -> v.addProblem(n, path, message));
                    return problem.isEmpty();
                }));
        var mounted = new LinkedHashMap<String, Map.Entry<YamlNode, String>>();
        var files = v.map("secrets", (file, n, path) -> {
            var problem = InputRules.secretFilePath(file);
            problem.ifPresent(message -> v.addProblem(n, path, message));
            var ref = secretRef(Fields.of(n, path, v.problems(), "a mapping with 'secret' and optional 'version'"));
            if (problem.isEmpty()) {
                mounted.put(file, Map.entry(n, path));
            }
            return problem.isEmpty() ? ref : Optional.empty();
        });
        var earlier = new ArrayList<String>();
        mounted.forEach((file, at) -> {
            InputRules.secretFileOverlap(file, earlier, !instances.isEmpty()).ifPresent(message -> v.addProblem(at.getKey(), at.getValue(), message));
            earlier.add(file);
        });
        v.finish();
        return new ServiceSpec.Volumes(files, instances);
    }

    /** Project roles of the runtime identity: each well-formed and allowed, each once, none for an account the stack does not own. */
    private static List<String> runtimeRoles(Fields f, StackPolicy policy, Optional<String> serviceAccount, Optional<String> project) {
        var seen = new HashMap<String, Location>();
        var roles = f.list("runtimeRoles", (n, path) -> f.text(n, path, InputRules.ROLE_FORM).filter(role -> {
            var problem = InputRules.runtimeRole(role, policy.allowAdminRoles())
                    .or(() -> project.flatMap(p -> InputRules.runtimeRoleInProject(role, p)));
            if (problem.isEmpty()) {
                var first = seen.putIfAbsent(role, n.location());
                problem = first == null ? Optional.empty() : Optional.of(InputRules.roleTwice(role, "at line " + first.line()));
            }
            problem.ifPresent(message -> f.addProblem(n, path, message));
            return problem.isEmpty();
        }));
        serviceAccount.filter(sa -> !roles.isEmpty()).map(InputRules::runtimeRolesOnNamedAccount)
                .ifPresent(message -> f.problem(f.node("runtimeRoles").orElseThrow(), "runtimeRoles", message));
        return roles;
    }

    /** The container's command or args: a list of words, none empty; numbers are read as their text. */
    private static List<String> commandLine(Fields f, String key, String expected) {
        return f.list(key, (n, path) -> f.text(n, path, expected).filter(word -> {
            var problem = InputRules.commandWord(word);
            problem.ifPresent(message -> f.addProblem(n, path, message));
            return problem.isEmpty();
        }));
    }

    /** A switch whose absence leaves Cloud Run's default, so that a stack file that leaves it out plans as before. */
    private static Optional<Boolean> optionalBool(Fields f, String key) {
        return f.has(key) ? Optional.of(f.bool(key, false)) : Optional.empty();
    }

    /** The execution environments, as written; the rules take them as text, as the components do. */
    private enum ExecutionEnvironment {
        GEN1, GEN2;

        final String yaml = name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean envName(Fields f, String name, YamlNode value, String path) {
        var problem = InputRules.envName(name);
        problem.ifPresent(message -> f.addProblem(value, path, message));
        return problem.isEmpty();
    }

    private static Optional<SecretRef> secretRef(Fields f) {
        var secret = f.requiredString("secret", "a Secret Manager secret id or projects/P/secrets/S");
        if (secret != null) {
            InputRules.secret(secret).ifPresent(message -> f.problem(f.node("secret").orElseThrow(), "secret", message));
        }
        var version = f.string("version", "a secret version number or latest").orElse("latest");
        InputRules.secretVersion(version).ifPresent(message -> f.problem(f.node("version").orElseThrow(), "version", message));
        f.finish();
        return secret == null ? Optional.empty() : Optional.of(new SecretRef(secret, version));
    }

    private static AccessorsSpec accessors(Fields f) {
        var mode = f.required("mode", InputRules.ACCESSOR_MODE_MEANING).isEmpty()
                ? null : f.choice("mode", byYaml(AccessorsSpec.Mode.values(), m -> m.yaml), null);
        f.required("members", "a list of principals").filter(n -> n instanceof YamlNode.Sequence seq && seq.items().isEmpty())
                .ifPresent(n -> f.problem(n, "members", InputRules.noMembers()));
        var members = principals(f, "members");
        var condition = f.object("condition", "a mapping with title, expression and description").map(c -> {
            var title = c.requiredString("title", "a short title");
            if (title != null) {
                InputRules.conditionTitle(title).ifPresent(message -> c.problem(c.node("title").orElseThrow(), "title", message));
            }
            var expression = c.requiredString("expression", "a CEL expression");
            if (expression != null) {
                InputRules.conditionExpression(expression).ifPresent(message -> c.problem(c.node("expression").orElseThrow(), "expression", message));
            }
            var description = c.string("description", "a description");
            c.finish();
            return title == null || expression == null ? null : new ConditionSpec(title, expression, description);
        });
        f.finish();
        return mode == null ? null : new AccessorsSpec(mode, members.stream().sorted().toList(), condition);
    }

    private static List<Principal> principals(Fields f, String key) {
        // Keyed by the form IAM compares, so that user:Ada@x and user:ada@x are one principal, as they are one grant.
        var seen = new HashMap<String, Map.Entry<Principal, Location>>();
        return f.list(key, (n, path) -> f.text(n, path, "a principal such as user:ada@example.com").flatMap(text -> {
            var problem = InputRules.principal(text);
            if (problem.isPresent()) {
                f.addProblem(n, path, problem.get());
                return Optional.empty();
            }
            var principal = new Principal(text);
            var first = seen.putIfAbsent(principal.canonical(), Map.entry(principal, n.location()));
            if (first != null) {
                f.addProblem(n, path, InputRules.principalTwice(text, first.getKey().value(), "at line " + first.getValue().line()));
                return Optional.empty();
            }
            return Optional.of(principal);
        }));
    }

    private static Map<String, String> labels(Fields f, String key) {
        f.node(key).filter(n -> n instanceof YamlNode.Mapping).ifPresent(n ->
                InputRules.labelCount(((YamlNode.Mapping) n).entries().size()).ifPresent(message -> f.problem(n, key, message)));
        return f.map(key, (k, n, path) -> f.text(n, path, "a label value").filter(v -> {
            var problem = InputRules.labelKey(k).or(() -> InputRules.labelValue(v));
            problem.ifPresent(message -> f.addProblem(n, path, message));
            return problem.isEmpty();
        }));
    }

    private static <E> Map<String, E> byYaml(E[] values, Function<E, String> yaml) {
        return Arrays.stream(values).collect(Collectors.toMap(yaml, v -> v, (a, b) -> a, LinkedHashMap::new));
    }
}
