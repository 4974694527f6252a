package dev.iapcloudrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.StackCheck;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackFileSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stack files as an attacker or a hurried editor would write them: mutated examples, generated documents, arbitrary
 * text. Whatever comes in, the result is a plan or located errors, never an uncaught exception.
 */
class StackFilePropertiesTest {

    private static final String FILE = "stacks/test.yaml";
    /** A passphrase ciphertext ("property-tes" and "t-secret-value-4711"): offline, the program sees this value. */
    private static final String SECRET = "v1:cHJvcGVydHktdGVz:dC1zZWNyZXQtdmFsdWUtNDcxMQ==";
    private static final List<String> EXAMPLES = Stream.of("dev", "staging", "prod").map(stack -> {
        try {
            return Files.readString(Path.of("stacks", stack + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }).toList();

    private static Path root;

    @BeforeContainer
    static void project() throws IOException {
        root = Files.createTempDirectory("iap-cloudrun-properties-");
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        // The secret is stored encrypted as real stacks store it; offline the program sees this value, marked secret.
        // No gcp:project: the examples name their own projects, which a gcp:project would have to equal.
        Files.writeString(root.resolve("Pulumi.test.yaml"), "encryptionsalt: v1:c2FsdHNhbHQ=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==\n"
                + "config:\n  gcp:region: europe-west1\n"
                + "  iap-cloudrun:iapOauthClientSecret:\n    secure: " + SECRET + "\n");
        Files.createDirectories(root.resolve("stacks"));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.walk(root)) {
            for (var f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Runs the whole offline pipeline on a stack file; returns how it ended, or fails on anything unexpected. */
    private static String outcome(String text) throws IOException {
        // getBytes, not writeString: generated text may hold lone surrogates, which become "?" as any editor would save them.
        Files.write(root.resolve(FILE), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var workspace = new Workspace(root);
        StackCheck check = workspace.check("test", Optional.empty());
        int lines = (int) text.lines().count() + 1;
        for (Problem p : check.errors()) {
            assertThat(p.location().file()).isIn(FILE, "Pulumi.test.yaml");
            assertThat(p.location().line()).isBetween(1, Math.max(lines, 5));
            assertThat(p.location().column()).isPositive();
            assertThat(p.message()).isNotBlank().doesNotContain(SECRET);
        }
        if (!check.errors().isEmpty()) {
            return "errors";
        }
        try {
            var plan = workspace.synth("test");
            assertThat(plan.resources()).isNotEmpty();
            assertThat(dev.iapcloudrun.synth.PlanJson.write(plan)).doesNotContain(SECRET);
            return "plan";
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            return "input error";
        }
    }

    @Property(tries = 150)
    void aMutatedExampleGivesAPlanOrLocatedErrors(@ForAll("mutatedExamples") String text) throws IOException {
        var outcome = outcome(text);
        assertThat(outcome).isIn("plan", "errors", "input error");
        Statistics.collect(outcome);
        // Both ends must be reached, or the property would prove nothing about one of them.
        Statistics.coverage(coverage -> {
            coverage.check("plan").count(n -> n > 0);
            coverage.check("errors").count(n -> n > 0);
        });
    }

    @Property(tries = 200)
    void arbitraryTextGivesLocatedErrorsOrAPlan(@ForAll("yamlishText") String text) throws IOException {
        assertThat(outcome(text)).isIn("plan", "errors", "input error");
    }

    @Property(tries = 200)
    void aGeneratedDocumentNeverCrashesAndTheSchemaAcceptsWhatTheValidatorAccepts(@ForAll("documents") Map<String, Object> document)
            throws IOException {
        var text = new ObjectMapper(new YAMLFactory()).writeValueAsString(document);
        var check = StackFileReader.check(FILE, text, new StackFileReader.Defaults(Optional.of("acme-demo"), Optional.of("europe-west1")),
                Optional.empty());
        if (check.errors().isEmpty()) {
            assertThat(StackFileSchema.violations(text)).as("schema violations of a file the validator accepts:\n" + text).isEmpty();
        }
    }

    @Property(tries = 100)
    void theSchemaAndTheReaderAgreeOnWhichAdoptedServicesNeedTheProjectNumber(
            @ForAll("adoptSettings") String stackAdopt, @ForAll("adoptSettings") String serviceAdopt,
            @ForAll("adoptSettings") String iap, @ForAll boolean projectNumber) throws IOException {
        var text = (projectNumber ? "projectNumber: \"123456789012\"\n" : "") + line("", "adopt", stackAdopt) + """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                """ + line("    ", "adopt", serviceAdopt) + line("    ", "iap", iap);
        var check = StackFileReader.check(FILE, text, new StackFileReader.Defaults(Optional.of("acme-demo"), Optional.of("europe-west1")),
                Optional.empty());
        boolean adopted = serviceAdopt.isEmpty() ? stackAdopt.equals("true") : serviceAdopt.equals("true");
        boolean refused = adopted && !iap.equals("false") && !projectNumber;
        assertThat(check.errors().isEmpty()).as(text).isEqualTo(!refused);
        assertThat(StackFileSchema.violations(text).isEmpty()).as(text).isEqualTo(!refused);
        Statistics.collect(refused);
        Statistics.coverage(coverage -> coverage.check(true).count(n -> n > 0));
    }

    @Provide
    Arbitrary<String> adoptSettings() {
        return Arbitraries.of("", "true", "false");
    }

    private static String line(String indent, String key, String value) {
        return value.isEmpty() ? "" : indent + key + ": " + value + "\n";
    }

    @Property(tries = 300)
    void theSchemaAndTheReaderAgreeOnSecretFilePathsAndCloudSqlInstances(@ForAll("secretFilePaths") String path,
            @ForAll("cloudSqlInstances") String instance) throws IOException {
        var text = """
                services:
                  - name: hello
                    image: us-docker.pkg.dev/cloudrun/container/hello
                    volumes:
                      secrets: {%s: {secret: hello-key}}
                      cloudSqlInstances: [%s]
                """.formatted(new ObjectMapper().writeValueAsString(path), new ObjectMapper().writeValueAsString(instance));
        var check = StackFileReader.check(FILE, text, new StackFileReader.Defaults(Optional.of("acme-demo"), Optional.of("europe-west1")),
                Optional.empty());
        var pathRefused = InputRules.secretFilePath(path).isPresent();
        var instanceRefused = InputRules.cloudSqlInstance(instance).isPresent();
        // Only the overlap with /cloudsql is beyond a schema, which cannot compare a path with the instances' mount.
        var overlapsCloudSql = !pathRefused && InputRules.mountPathsOverlap("", InputRules.secretMountPath(path), "",
                InputRules.CLOUD_SQL_MOUNT_PATH).isPresent();
        assertThat(check.errors().isEmpty()).as(text).isEqualTo(!pathRefused && !instanceRefused && !overlapsCloudSql);
        assertThat(StackFileSchema.violations(text).isEmpty()).as(text).isEqualTo(!pathRefused && !instanceRefused);
        Statistics.collect(pathRefused, instanceRefused);
        Statistics.coverage(coverage -> {
            coverage.check(false, false).count(n -> n > 0);
            coverage.check(true, false).count(n -> n > 0);
            coverage.check(false, true).count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void twoMountPathsOverlapWhicheverIsWrittenFirst(@ForAll("secretFilePaths") String a, @ForAll("secretFilePaths") String b) {
        var dirA = InputRules.secretMountPath(a);
        var dirB = InputRules.secretMountPath(b);
        assertThat(InputRules.mountPathsOverlap("a", dirA, "b", dirB).isPresent())
                .isEqualTo(InputRules.mountPathsOverlap("b", dirB, "a", dirA).isPresent())
                .isEqualTo(dirA.equals(dirB) || (dirA + "/").startsWith(dirB + "/") || (dirB + "/").startsWith(dirA + "/"));
    }

    @Provide
    Arbitrary<String> secretFilePaths() {
        var segment = Arbitraries.oneOf(Arbitraries.of("etc", "hello", "tls", "tls.key", "cloudsql", "proc", "dev", "sys", "usr", "app",
                "lib64", ".", "..", "", "a:b", "x-y", "Secrets"), Arbitraries.strings().withChars("abc./-").ofMinLength(1).ofMaxLength(4));
        var plain = Arbitraries.of("etc", "hello", "tls", "tls.key", "x-y", "Secrets", "cloudsql").list().ofMinSize(2).ofMaxSize(4);
        // Half of them are built from plain parts, so that accepted paths are as common as refused ones.
        return Arbitraries.frequencyOf(Tuple.of(1, plain), Tuple.of(1, segment.list().ofMinSize(1).ofMaxSize(4)))
                .map(parts -> "/" + String.join("/", parts)).edgeCases(edges -> edges.add("/"));
    }

    @Provide
    Arbitrary<String> cloudSqlInstances() {
        var project = Arbitraries.of("acme-demo", "acme", "Acme-demo", "acme-demo-", "");
        var region = Arbitraries.of("europe-west1", "us-central1", "europe-west1-b", "eu");
        var name = Arbitraries.of("hello-db", "db", "1db", "db-", "Hello", "h".repeat(99));
        return Combinators.combine(project, region, name, Arbitraries.integers().between(0, 6)).as((p, r, n, shape) -> switch (shape) {
            case 0 -> n;
            case 1 -> r + ":" + n;
            case 2 -> p + ":" + r + ":" + n + ":x";
            case 3, 4 -> "acme-demo:" + r + ":hello-db";
            default -> p + ":" + r + ":" + n;
        });
    }

    @Provide
    Arbitrary<String> mutatedExamples() {
        var example = Arbitraries.of(EXAMPLES);
        var nasty = Arbitraries.of("", "~", "[]", "{}", "allUsers", "-1", "1e309", "!!binary AAAA", "*anchor", "&a x", "'unterminated",
                "\"\\u0000\"", "x".repeat(300), "0x10", "yes", "null", ": :", "- - -", "{a: [b, {c: d}]}", "@sha256:", "\t", "#");
        return Combinators.combine(example, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 6), nasty).as((text, a, b, kind, value) -> mutate(text, a, b, kind, value));
    }

    private static String mutate(String text, int a, int b, int kind, String value) {
        var lines = new ArrayList<>(text.lines().toList());
        int i = a % lines.size();
        int j = b % lines.size();
        switch (kind) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> {
                var line = lines.get(i);
                int colon = line.indexOf(": ");
                lines.set(i, colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value);
            }
            case 3 -> lines.set(i, "  " + lines.get(i));
            case 4 -> lines.set(i, lines.get(i).replaceFirst("^ {1,2}", ""));
            case 5 -> {
                var swap = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, swap);
            }
            default -> {
                var joined = String.join("\n", lines);
                int at = a % (joined.length() + 1);
                return joined.substring(0, at) + value + joined.substring(at);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Provide
    Arbitrary<String> yamlishText() {
        var alphabet = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz:-[]{}'\"#&*!|>%@ \n\t0123456789.")
                .ofMaxLength(300);
        var unicode = Arbitraries.strings().all().ofMaxLength(120);
        var prefixed = alphabet.map(tail -> "services:\n  - name: hello\n    image: us-docker.pkg.dev/cloudrun/container/hello\n" + tail);
        return Arbitraries.oneOf(alphabet, unicode, prefixed);
    }

    private static final List<String> KEYS = List.of("project", "projectNumber", "region", "labels", "iap", "audience", "oauthClient",
            "clientId", "clientSecretConfig", "services", "name", "image", "ingress", "env", "secrets", "secret", "version", "scaling",
            "minInstances", "maxInstances", "resources", "cpu", "memory", "cpuIdle", "startupCpuBoost", "concurrency", "executionEnvironment",
            "sessionAffinity", "command", "args", "startupProbe", "livenessProbe", "httpGet", "tcpSocket", "grpc", "path",
            "service", "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold", "network", "connector", "vpc", "subnetwork", "tags",
            "egress", "binaryAuthorization", "breakglassJustification", "requireBinaryAuthorization", "timeout", "port", "deletionProtection", "invokers",
            "runtimeRoles", "iap", "public", "accessors", "mode", "members", "condition", "title", "expression", "policy", "requireImageDigests", "allowAdminRoles",
            "volumes", "cloudSqlInstances", "adopt", "/etc/hello/tls.key", "/etc/hello/ca/ca.pem", "/tls.key", "/cloudsql/certs/ca.pem");

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.of("hello", "orders-api", "europe-west1", "acme-demo", "all", "internal", "additive", "authoritative",
                        "user:ada@acme.example", "group:ops@acme.example", "allUsers", "us-docker.pkg.dev/cloudrun/container/hello",
                        "512Mi", "1", "500m", "", "/app/server", "--port=8080", "/healthz", "default", "all-traffic", "private-ranges-only", "run-egress", "acme-demo:europe-west1:hello-db", "gen1", "gen2", "roles/cloudtrace.agent", "roles/owner", "300s", "external", "latest", "request.time < timestamp(\"2030-01-01T00:00:00Z\")"),
                Arbitraries.integers().between(-2, 70_000).map(n -> (Object) n),
                Arbitraries.of(true, false).map(v -> (Object) v),
                // An explicit null, which the schema refuses wherever it stands; so must the validator.
                Arbitraries.just((Object) null));
        Arbitrary<Object> value = Arbitraries.lazyOf(
                () -> scalar,
                () -> scalar.list().ofMaxSize(3).map(l -> (Object) l),
                () -> mapping(scalar).map(m -> (Object) m));
        var service = Combinators.combine(Arbitraries.of("hello", "orders-api", "Bad_Name"),
                Arbitraries.of("us-docker.pkg.dev/cloudrun/container/hello", "hello:1", "x@sha256:" + "a".repeat(64)),
                mapping(value)).as((name, image, extra) -> {
                    var s = new LinkedHashMap<String, Object>();
                    s.put("name", name);
                    s.put("image", image);
                    s.putAll(extra);
                    return (Object) s;
                });
        return Combinators.combine(service.list().ofMinSize(1).ofMaxSize(3), mapping(value)).as((services, extra) -> {
            var document = new LinkedHashMap<String, Object>(extra);
            document.put("services", services);
            return document;
        });
    }

    private static Arbitrary<Map<String, Object>> mapping(Arbitrary<Object> value) {
        return Arbitraries.maps(Arbitraries.of(KEYS), value).ofMaxSize(3);
    }
}
