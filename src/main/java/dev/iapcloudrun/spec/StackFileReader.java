package dev.iapcloudrun.spec;

import dev.iapcloudrun.spec.AccessorsSpec.ConditionSpec;
import dev.iapcloudrun.spec.ServiceSpec.Ingress;
import dev.iapcloudrun.spec.ServiceSpec.SecretRef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[1-9][0-9]{5,18}");
    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)+[0-9]+");
    /** Cloud Run service names: lower-case letters, digits and hyphens, a letter first, at most 49 characters. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,47}[a-z0-9])?");
    /** The accounts Google creates with a project, which may hold Editor on it: the Compute Engine and App Engine defaults. */
    static final Pattern DEFAULT_SERVICE_ACCOUNT = Pattern.compile("[0-9]+-compute@developer\\.gserviceaccount\\.com|[a-z][a-z0-9-]*@appspot\\.gserviceaccount\\.com");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z0-9-]+@[a-z0-9-]+\\.iam\\.gserviceaccount\\.com|" + DEFAULT_SERVICE_ACCOUNT.pattern());
    private static final Pattern SECRET = Pattern.compile("([A-Za-z0-9_-]{1,255})|projects/[a-z0-9-]+/secrets/[A-Za-z0-9_-]{1,255}");
    private static final Pattern CONFIG_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TIMEOUT = Pattern.compile("[1-9][0-9]{0,3}s");
    private static final int MAX_TIMEOUT_SECONDS = 3600;
    private static final Pattern CPU = Pattern.compile("1|2|4|6|8|[1-9][0-9]{2}m");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*(Mi|Gi)");
    /** Docker image references: optional registry host (and port), a lower-case path, an optional tag, an optional digest. */
    private static final Pattern IMAGE = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    /** Variables Cloud Run sets itself; a service cannot set them. */
    private static final java.util.Set<String> RESERVED_ENV = java.util.Set.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION");
    /** Why a default service account is refused, or warned about where a stack's policy allows it. */
    static final String DEFAULT_ACCOUNT_RISK = "Google advises against running services as it: unless the organization "
            + "enforces iam.automaticIamGrantsForDefaultServiceAccounts, it holds the Editor role on the project, so whoever "
            + "controls the service's code could change almost anything in the project";
    private static final int MAX_LABELS = 64;
    private static final int MAX_CONDITION_TITLE = 100;

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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Parsed.failed(displayName, "cannot read the stack file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            return Parsed.failed(displayName, "the file is " + bytes.length + " bytes; expected a stack file of at most " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Parsed.failed(displayName, "the file is not UTF-8 text; expected a YAML stack file");
        }
        return parse(displayName, text);
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
        var projectId = "a project id: 6 to 30 lower-case letters, digits or hyphens, starting with a letter";
        project.filter(p -> !PROJECT_ID.matcher(p).matches()).ifPresent(p -> f.node("project").ifPresentOrElse(
                n -> f.problem(n, "project", "found \"" + p + "\"; expected " + projectId),
                () -> defaults.problem(f, "gcp:project", "found \"" + p + "\"; expected " + projectId)));
        if (project.isEmpty() && defaults.readable()) {
            f.problemHere("no project: set 'project' in the stack file or the gcp:project config of the stack");
        }
        var projectNumber = f.string("projectNumber", "the project number, such as \"123456789012\"");
        projectNumber.filter(n -> !PROJECT_NUMBER.matcher(n).matches()).ifPresent(n ->
                f.problem(f.node("projectNumber").orElseThrow(), "projectNumber", "found \"" + n + "\"; expected the project number, 6 to 19 digits"));
        var region = f.string("region", "a region such as europe-west1").or(defaults::region);
        region.filter(r -> !REGION.matcher(r).matches()).map(r -> "found \"" + r + "\"; " + DidYouMean.hint(r, StackRules.CLOUD_RUN_REGIONS)
                + "expected a Cloud Run region such as europe-west1").ifPresent(message -> f.node("region").ifPresentOrElse(
                        n -> f.problem(n, "region", message), () -> defaults.problem(f, "gcp:region", message)));
        if (region.isEmpty() && defaults.readable()) {
            f.problemHere("no region: set 'region' in the stack file or the gcp:region config of the stack");
        }
        var labels = labels(f, "labels");

        var policy = f.object("policy", "a mapping of requireImageDigests, requireDeletionProtection, requireAuthoritativeAccessors "
                        + "and allowDefaultServiceAccounts")
                .map(p -> {
                    var required = new StackPolicy(p.bool("requireImageDigests", false), p.bool("requireDeletionProtection", false),
                            p.bool("requireAuthoritativeAccessors", false), p.bool("allowDefaultServiceAccounts", false));
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

        var services = new ArrayList<ServiceSpec>();
        var names = new HashMap<String, Location>();
        f.required("services", "a list of services").ifPresent(n -> {
            if (n instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
                f.problem(n, "services", "found an empty list; expected at least one service");
            }
        });
        f.list("services", (n, path) -> {
            var s = service(Fields.of(n, path, problems, "a mapping describing one service"), policy);
            if (s != null) {
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
        if (clientId != null && !clientId.endsWith(".apps.googleusercontent.com")) {
            f.problem(f.node("clientId").orElseThrow(), "clientId", "found \"" + clientId + "\"; expected an OAuth client id ending in .apps.googleusercontent.com");
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

    private static ServiceSpec service(Fields f, StackPolicy policy) {
        var name = f.requiredString("name", "a Cloud Run service name");
        if (name != null && !SERVICE_NAME.matcher(name).matches()) {
            f.problem(f.node("name").orElseThrow(), "name", "found \"" + name + "\"; expected a Cloud Run service name: "
                    + "at most 49 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen");
        }
        var image = f.requiredString("image", "a container image reference");
        if (image != null && f.node("image").orElseThrow() instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.Scalar.Kind.STRING) {
            // A bare number has the shape of an image name, but nobody means one by it: the schema refuses it too.
            f.problem(scalar, "image", "found " + scalar.describe() + "; expected a container image reference, which is text");
        } else if (image != null && !IMAGE.matcher(image).matches()) {
            f.problem(f.node("image").orElseThrow(), "image", "found \"" + image + "\"; expected an image reference such as "
                    + "europe-west1-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE:TAG or ...IMAGE@sha256:DIGEST (lower-case path, "
                    + "a tag of letters, digits, '.', '_' or '-', a digest of 64 hex digits)");
        }
        var ingress = f.choice("ingress", byYaml(Ingress.values(), i -> i.yaml), Ingress.ALL);
        var serviceAccount = f.string("serviceAccount", "the email of an existing service account");
        serviceAccount.filter(sa -> !SERVICE_ACCOUNT.matcher(sa).matches()).ifPresent(sa -> f.problem(f.node("serviceAccount").orElseThrow(),
                "serviceAccount", "found \"" + sa + "\"; expected a service account email such as runner@my-project.iam.gserviceaccount.com"));
        serviceAccount.filter(sa -> DEFAULT_SERVICE_ACCOUNT.matcher(sa).matches() && !policy.allowDefaultServiceAccounts()).ifPresent(sa ->
                f.problem(f.node("serviceAccount").orElseThrow(), "serviceAccount", "found the project's default service account \""
                        + sa + "\"; " + DEFAULT_ACCOUNT_RISK + "; expected a dedicated service account (leave serviceAccount out "
                        + "and one is created), or policy.allowDefaultServiceAccounts: true to allow it with a warning"));

        var env = f.map("env", (k, n, path) -> envName(f, k, n, path) ? f.text(n, path, "a text value") : Optional.empty());
        var secrets = f.map("secrets", (k, n, path) -> {
            if (!envName(f, k, n, path)) {
                return Optional.empty();
            }
            if (env.containsKey(k)) {
                f.addProblem(n, path, "the variable '" + k + "' is set in both env and secrets; expected it in one of them");
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
            if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
                s.problemHere("minInstances (" + min.get() + ") is greater than maxInstances (" + max.get() + "); expected min <= max");
            }
            s.finish();
        }
        Optional<String> cpu = Optional.empty();
        Optional<String> memory = Optional.empty();
        var resources = f.object("resources", "a mapping with cpu and memory");
        if (resources.isPresent()) {
            var r = resources.get();
            cpu = r.string("cpu", "a CPU limit such as \"1\" or \"500m\"");
            cpu.filter(c -> !CPU.matcher(c).matches()).ifPresent(c -> r.problem(r.node("cpu").orElseThrow(), "cpu",
                    "found \"" + c + "\"; expected 1, 2, 4, 6, 8 or millicpu such as 500m"));
            memory = r.string("memory", "a memory limit such as 512Mi or 2Gi");
            memory.filter(m -> !MEMORY.matcher(m).matches()).ifPresent(m -> r.problem(r.node("memory").orElseThrow(), "memory",
                    "found \"" + m + "\"; expected a size in Mi or Gi such as 512Mi or 2Gi"));
            var mebibytes = memory.filter(m -> MEMORY.matcher(m).matches()).map(StackFileReader::mebibytes);
            mebibytes.filter(mib -> mib < 128 || mib > 32 * 1024).ifPresent(mib -> r.problem(r.node("memory").orElseThrow(), "memory",
                    "found \"" + r.node("memory").map(n -> ((YamlNode.Scalar) n).text()).orElse("") + "\"; expected 128Mi to 32Gi"));
            var cpus = cpu.filter(c -> CPU.matcher(c).matches()).map(c -> c.endsWith("m") ? Integer.parseInt(c.substring(0, c.length() - 1)) / 1000.0 : Double.parseDouble(c));
            if (cpus.isPresent() && mebibytes.isPresent()) {
                cpuMemoryProblem(cpus.get(), mebibytes.get()).ifPresent(message -> r.problem(r.node("memory").orElseThrow(), "memory", message));
            }
            r.finish();
        }
        var timeout = f.string("timeout", "a duration in seconds such as 300s");
        timeout.filter(t -> !TIMEOUT.matcher(t).matches() || Integer.parseInt(t.substring(0, t.length() - 1)) > MAX_TIMEOUT_SECONDS)
                .ifPresent(t -> f.problem(f.node("timeout").orElseThrow(), "timeout", "found \"" + t + "\"; expected seconds from 1s to 3600s, such as 300s"));
        var port = f.integer("port", 1, 65535);
        var deletionProtection = f.bool("deletionProtection", true);
        var audiences = f.strings("customAudiences", "an audience string");
        var invokers = principals(f, "invokers");
        var iap = f.bool("iap", true);
        var publicAccess = f.bool("public", false);
        if (iap && publicAccess) {
            f.problem(f.node("public").orElseThrow(), "public", "public access (the invoker check switched off) cannot be combined with IAP; "
                    + "expected public: false, or iap: false to make the service public on purpose");
        }
        Optional<AccessorsSpec> accessors = f.object("accessors", "a mapping with mode and members").map(StackFileReader::accessors);
        if (!iap && f.has("accessors")) {
            f.problem(f.node("accessors").orElseThrow(), "accessors", "IAP accessors need IAP; expected no accessors when iap is false");
        }
        f.finish();
        if (name == null || image == null) {
            return null;
        }
        return new ServiceSpec(name, image, ingress, serviceAccount, env, secrets, min, max, cpu, memory, timeout, port,
                deletionProtection, audiences, invokers, iap, publicAccess, accessors);
    }

    private static long mebibytes(String memory) {
        long amount = Long.parseLong(memory.substring(0, memory.length() - 2));
        return memory.endsWith("Gi") ? amount * 1024 : amount;
    }

    /** Cloud Run's documented pairings: more memory needs more CPU, and more CPU needs a minimum of memory. */
    private static Optional<String> cpuMemoryProblem(double cpus, long mebibytes) {
        long[][] cpuForMemory = {{24 * 1024, 8}, {16 * 1024, 6}, {8 * 1024, 4}, {4 * 1024, 2}};
        for (long[] rule : cpuForMemory) {
            if (mebibytes > rule[0] && cpus < rule[1]) {
                return Optional.of("memory above " + rule[0] / 1024 + "Gi needs at least " + rule[1] + " CPUs, but cpu is "
                        + format(cpus) + "; expected more cpu or less memory");
            }
        }
        long[][] memoryForCpu = {{8, 4 * 1024}, {6, 4 * 1024}, {4, 2 * 1024}};
        for (long[] rule : memoryForCpu) {
            if (cpus >= rule[0] && mebibytes < rule[1]) {
                return Optional.of(format(cpus) + " CPUs need at least " + rule[1] / 1024 + "Gi of memory; expected more memory or fewer CPUs");
            }
        }
        return Optional.empty();
    }

    private static String format(double cpus) {
        return cpus == Math.floor(cpus) ? String.valueOf((long) cpus) : String.valueOf(cpus);
    }

    private static boolean envName(Fields f, String name, YamlNode value, String path) {
        if (RESERVED_ENV.contains(name) || name.startsWith("X_GOOGLE_")) {
            f.addProblem(value, path, "the variable name \"" + name + "\" is reserved by Cloud Run (PORT, K_SERVICE, K_REVISION, "
                    + "K_CONFIGURATION and X_GOOGLE_*); expected another name (the container port is set with 'port')");
            return false;
        }
        if (ENV_NAME.matcher(name).matches()) {
            return true;
        }
        f.addProblem(value, path, "found the variable name \"" + name + "\"; expected letters, digits and underscores, not starting with a digit");
        return false;
    }

    private static Optional<SecretRef> secretRef(Fields f) {
        var secret = f.requiredString("secret", "a Secret Manager secret id or projects/P/secrets/S");
        if (secret != null && !SECRET.matcher(secret).matches()) {
            f.problem(f.node("secret").orElseThrow(), "secret", "found \"" + secret
                    + "\"; expected a Secret Manager secret id (letters, digits, - and _) or projects/PROJECT/secrets/ID");
        }
        var version = f.string("version", "a secret version number or latest").orElse("latest");
        if (!version.equals("latest") && !version.matches("[1-9][0-9]*")) {
            f.problem(f.node("version").orElseThrow(), "version", "found \"" + version + "\"; expected a version number or latest");
        }
        f.finish();
        return secret == null ? Optional.empty() : Optional.of(new SecretRef(secret, version));
    }

    private static AccessorsSpec accessors(Fields f) {
        var mode = f.required("mode", "authoritative (exactly these members) or additive (these members, others left alone)").isEmpty()
                ? null : f.choice("mode", byYaml(AccessorsSpec.Mode.values(), m -> m.yaml), null);
        f.required("members", "a list of principals").filter(n -> n instanceof YamlNode.Sequence seq && seq.items().isEmpty())
                .ifPresent(n -> f.problem(n, "members", "found an empty list; expected at least one principal "
                        + "(a service nobody may reach needs no accessors block)"));
        var members = principals(f, "members");
        var condition = f.object("condition", "a mapping with title, expression and description").map(c -> {
            var title = c.requiredString("title", "a short title");
            if (title != null && (title.isBlank() || title.length() > MAX_CONDITION_TITLE)) {
                c.problem(c.node("title").orElseThrow(), "title", (title.isBlank() ? "found an empty title" : "found a title of "
                        + title.length() + " characters") + "; expected a title of 1 to " + MAX_CONDITION_TITLE + " characters");
            }
            var expression = c.requiredString("expression", "a CEL expression");
            if (expression != null && expression.isBlank()) {
                c.problem(c.node("expression").orElseThrow(), "expression", "found an empty expression; expected a CEL expression");
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
            var problem = Principal.problem(text);
            if (problem.isPresent()) {
                f.addProblem(n, path, problem.get());
                return Optional.empty();
            }
            var principal = new Principal(text);
            var first = seen.putIfAbsent(principal.canonical(), Map.entry(principal, n.location()));
            if (first != null) {
                var spelling = first.getKey().value().equals(text) ? ""
                        : " as '" + first.getKey().value() + "'; IAM ignores the case of emails and domains, so both are one grant";
                f.addProblem(n, path, "the principal '" + text + "' is listed twice (first at line " + first.getValue().line()
                        + spelling + "); expected each principal once");
                return Optional.empty();
            }
            return Optional.of(principal);
        }));
    }

    private static Map<String, String> labels(Fields f, String key) {
        f.node(key).filter(n -> n instanceof YamlNode.Mapping m && m.entries().size() > MAX_LABELS).ifPresent(n ->
                f.problem(n, key, "found " + ((YamlNode.Mapping) n).entries().size() + " labels; expected at most " + MAX_LABELS));
        return f.map(key, (k, n, path) -> f.text(n, path, "a label value").filter(v -> {
            if (!LABEL_KEY.matcher(k).matches()) {
                f.addProblem(n, path, "found the label key \"" + k + "\"; expected at most 63 lower-case letters, digits, _ or -, starting with a letter");
                return false;
            }
            if (!LABEL_VALUE.matcher(v).matches()) {
                f.addProblem(n, path, "found the label value \"" + v + "\"; expected at most 63 lower-case letters, digits, _ or -");
                return false;
            }
            return true;
        }));
    }

    private static <E> Map<String, E> byYaml(E[] values, Function<E, String> yaml) {
        return Arrays.stream(values).collect(Collectors.toMap(yaml, v -> v, (a, b) -> a, LinkedHashMap::new));
    }
}
