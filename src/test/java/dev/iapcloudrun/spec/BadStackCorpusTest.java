package dev.iapcloudrun.spec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad stack files ({@code src/test/resources/bad-stacks}), each beside the exact errors it must give
 * ({@code .expected}): the first line is what the published schema says of the file, the rest are the validator's
 * errors, message and location. Rewrite the expectations on purpose with {@code -Dcorpus.update=true} and review
 * the change like code.
 */
class BadStackCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-stacks");
    private static final boolean UPDATE = Boolean.getBoolean("corpus.update");

    /** What the schema makes of a file: it flags it too, it cannot see the mistake (a cross-field rule), or the file is not text. */
    enum SchemaVerdict { REJECTS, ACCEPTS, NOT_TEXT }

    static List<Path> files() throws IOException {
        try (var files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static String expected(Path file) {
        return file.resolveSibling(file.getFileName().toString().replace(".yaml", ".expected")).toString();
    }

    static String actual(Path file) throws IOException {
        var check = StackFileReader.check(file, "bad-stacks/" + file.getFileName(), defaults(file), Optional.empty());
        var lines = new ArrayList<String>();
        lines.add("schema: " + schemaVerdict(file).name().toLowerCase().replace('_', ' '));
        check.errors().forEach(e -> lines.add(e.toString()));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The stack's config, from a sibling {@code NN-name.config} written like {@code Pulumi.<stack>.yaml}, for the files
     * whose mistake is a disagreement with it; no config otherwise.
     */
    static StackFileReader.Defaults defaults(Path file) throws IOException {
        var config = file.resolveSibling(file.getFileName().toString().replace(".yaml", ".config"));
        if (!Files.exists(config)) {
            return StackFileReader.Defaults.NONE;
        }
        var root = YamlReader.read(config.getFileName().toString(), Files.readString(config), "a mapping with 'config'", new ArrayList<>());
        java.util.function.Function<String, Optional<String>> value = key -> root.at("config", key)
                .map(n -> ((YamlNode.Scalar) n).text());
        return new StackFileReader.Defaults(value.apply("gcp:project"), value.apply("gcp:region"), "bad-stacks/" + config.getFileName());
    }

    private static SchemaVerdict schemaVerdict(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return SchemaVerdict.NOT_TEXT;
        }
        if (text.indexOf('\0') >= 0) {
            return SchemaVerdict.NOT_TEXT;
        }
        return StackFileSchema.violations(text).isEmpty() ? SchemaVerdict.ACCEPTS : SchemaVerdict.REJECTS;
    }

    @TestFactory
    Stream<DynamicTest> everyBadStackFileGivesExactlyItsErrors() throws IOException {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            var actual = actual(file);
            var expectedFile = Path.of(expected(file));
            if (UPDATE) {
                Files.writeString(expectedFile, actual);
            }
            assertThat(actual).as("errors of " + file.getFileName()).isEqualTo(Files.readString(expectedFile));
            assertThat(actual.lines().skip(1)).as("a bad file has errors").isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("bad-stacks/" + file.getFileName() + ":"));
        }));
    }

    @Test
    void theCorpusHoldsAtLeastFortyBadFiles() throws IOException {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void theSchemaFlagsEveryFileWhoseMistakeIsStructural() throws IOException {
        // The schema agrees with the validator: it never accepts a structural mistake the validator refuses,
        // and the files it accepts are exactly those whose rule a schema cannot express.
        var acceptedBySchema = new ArrayList<String>();
        for (var file : files()) {
            if (schemaVerdict(file) == SchemaVerdict.ACCEPTS) {
                acceptedBySchema.add(file.getFileName().toString());
            }
        }
        assertThat(acceptedBySchema).containsExactlyInAnyOrder(
                // a YAML reader keeps the first document and the last of two equal keys
                "07-two-documents.yaml", "16-duplicate-key.yaml", "17-authoritative-and-additive-accessors.yaml",
                // principals equal in the form IAM compares, spelt in different cases
                "73-principal-twice-in-another-case.yaml",
                // comparisons between values and items, and ranges of sizes
                "15-same-service-twice.yaml", "41-min-instances-above-max.yaml", "44-memory-below-minimum.yaml",
                "45-memory-needs-more-cpu.yaml", "46-cpu-needs-more-memory.yaml", "52-variable-in-env-and-secrets.yaml",
                // Cloud Run's requirements for less than 1 CPU, which tie a setting to the cpu written under resources
                "106-concurrency-above-one-with-millicpu.yaml", "108-cpu-always-allocated-with-millicpu.yaml",
                "112-execution-environment-gen2-with-millicpu.yaml",
                // a probe's timeout compared with its period
                "120-probe-timeout-above-period.yaml",
                // a connector's or subnetwork's region compared with the service's
                "135-connector-in-another-region.yaml", "136-subnetwork-in-another-region.yaml",
                // mount paths compared with each other and with /cloudsql
                "143-two-secret-files-in-one-directory.yaml", "144-secret-file-inside-another-mount.yaml",
                "145-secret-file-inside-cloudsql.yaml",
                // the runtime identity's roles: an admin role without the policy that allows it, and roles on an account
                // the stack does not own, a custom role of another project
                "163-runtime-role-admin-without-policy.yaml", "166-runtime-roles-on-named-account.yaml",
                "172-runtime-role-custom-role-of-another-project.yaml", "212-runtime-role-camel-case-admin-without-policy.yaml",
                // the stack's own policy
                "62-policy-requires-digests.yaml", "63-policy-requires-deletion-protection.yaml",
                "64-policy-requires-authoritative-accessors.yaml", "133-policy-requires-binary-authorization.yaml",
                // the stack's config, which the schema never sees
                "78-project-differs-from-gcp-project.yaml",
                // YAML 1.2, as editors read it, takes True and FALSE as booleans; only the validator insists on true and false
                "72-capitalised-booleans.yaml");
    }

    @Test
    void aPlainTextSecretIsRefusedWithoutRepeatingIt() throws IOException {
        assertThat(actual(CORPUS.resolve("34-oauth-secret-in-plain-text.yaml"))).contains("clientSecret").doesNotContain("GOCSPX");
    }
}
