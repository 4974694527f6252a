package dev.iapcloudrun;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth client secret as the program sees it (offline: the config value, marked secret) never appears in
 * anything a command prints or writes: plans, diffs, access reports, validation output, errors.
 */
class SecretNeverLeaksTest {

    /** A passphrase ciphertext ("never-print-" and "me-4711-oauth-secret"): offline, the program sees this value. */
    private static final String SECRET = "v1:bmV2ZXItcHJpbnQt:bWUtNDcxMS1vYXV0aC1zZWNyZXQ=";

    @TempDir
    Path root;

    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    @BeforeEach
    void project() throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), root.resolve("Pulumi.yaml"));
        Files.writeString(root.resolve("Pulumi.prod.yaml"), "encryptionsalt: v1:c2FsdHNhbHQ=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==\n"
                + "config:\n  gcp:project: acme-portal-prod\n  gcp:region: europe-west1\n"
                + "  iap-cloudrun:iapOauthClientSecret:\n    secure: " + SECRET + "\n");
        Files.createDirectories(root.resolve("stacks"));
        Files.copy(Path.of("stacks/prod.yaml"), root.resolve("stacks/prod.yaml"));
    }

    private int run(String... args) {
        var stream = new PrintStream(seen, true, StandardCharsets.UTF_8);
        return Main.run(List.of(args), root, stream, stream);
    }

    private String everythingWritten() throws IOException {
        var text = new StringBuilder(seen.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(root)) {
            for (var file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("Pulumi.prod.yaml")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @Test
    void noCommandPrintsOrWritesTheSecret() throws IOException {
        assertThat(run("synth", "--stack", "prod")).isZero();
        assertThat(run("synth", "--stack", "prod", "--out", "base.json")).isZero();
        var prod = root.resolve("stacks/prod.yaml");
        Files.writeString(prod, Files.readString(prod).replace("    loginHint: partners.example\n", "    loginHint: acme.example\n"));
        assertThat(run("synth", "--stack", "prod", "--out", "head.json")).isZero();
        for (var format : List.of("text", "markdown", "json")) {
            assertThat(run("diff", "base.json", "head.json", "--format", format, "--exit-code")).isEqualTo(1);
        }
        assertThat(run("access", "--out", "access.md")).isZero();
        assertThat(run("access", "--format", "html", "--out", "access.html")).isZero();
        // Not --strict: prod rightly warns (invokers behind IAP, conditional authoritative accessors); the output is what
        // must not leak.
        assertThat(run("validate")).isZero();

        assertThat(seen.toString(StandardCharsets.UTF_8)).contains("oauth-settings-changed", "\"clientSecret\": \"[secret ");
        assertThat(everythingWritten()).doesNotContain(SECRET);
    }

    @Test
    void aRotatedSecretShowsAsChangedWithoutEitherValue() throws IOException {
        // Another passphrase ciphertext ("rotated-once" and "rotated-secret-0042-value").
        var rotated = "v1:cm90YXRlZC1vbmNl:cm90YXRlZC1zZWNyZXQtMDA0Mi12YWx1ZQ==";
        assertThat(run("synth", "--stack", "prod", "--out", "base.json")).isZero();
        Files.writeString(root.resolve("Pulumi.prod.yaml"), Files.readString(root.resolve("Pulumi.prod.yaml")).replace(SECRET, rotated));
        assertThat(run("synth", "--stack", "prod", "--out", "head.json")).isZero();
        seen.reset();

        for (var format : List.of("text", "markdown")) {
            assertThat(run("diff", "base.json", "head.json", "--format", format, "--exit-code")).isEqualTo(1);
        }

        assertThat(seen.toString(StandardCharsets.UTF_8)).contains("oauth-settings-changed", "accessSettings.oauthSettings.clientSecret: changed (secret)")
                .doesNotContain(SECRET).doesNotContain(rotated);
        assertThat(everythingWritten()).doesNotContain(SECRET).doesNotContain(rotated);
    }

    @Test
    void noErrorRepeatsTheSecretEvenWhenValidationFails() throws IOException {
        var prod = root.resolve("stacks/prod.yaml");
        // Broken three ways: a public accessor, the secret pasted into the stack file, and a misspelt key.
        Files.writeString(prod, Files.readString(prod)
                .replace("        - domain:partners.example\n", "        - allUsers\n")
                .replace("    clientSecretConfig: iapOauthClientSecret\n", "    clientSecretConfig: iapOauthClientSecret\n    clientSecret: " + SECRET + "\n")
                .replace("    port: 8080\n", "    prot: 8080\n"));

        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("synth", "--stack", "prod")).isEqualTo(2);
        assertThat(run("access")).isEqualTo(2);

        var output = seen.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("allUsers", "clientSecret", "prot").doesNotContain(SECRET).doesNotContain("\tat ");
    }

    @Test
    void aSecretStoredInPlainTextConfigIsRefusedWithoutBeingRepeated() throws IOException {
        Files.writeString(root.resolve("Pulumi.prod.yaml"), "config:\n  gcp:project: acme-portal-prod\n  gcp:region: europe-west1\n"
                + "  iap-cloudrun:iapOauthClientSecret: " + SECRET + "\n");

        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("synth", "--stack", "prod")).isEqualTo(2);

        assertThat(seen.toString(StandardCharsets.UTF_8)).contains("Pulumi.prod.yaml:4:3: config.iap-cloudrun:iapOauthClientSecret:",
                "is not stored as a secret").doesNotContain(SECRET);
    }

    @Test
    void aPlainTextSecretMarkedSecureIsRefusedWithoutBeingRepeated() throws IOException {
        var plain = "GOCSPX-looks-encrypted-but-is-not";
        Files.writeString(root.resolve("Pulumi.prod.yaml"), Files.readString(root.resolve("Pulumi.prod.yaml")).replace(SECRET, plain));

        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("synth", "--stack", "prod")).isEqualTo(2);

        assertThat(seen.toString(StandardCharsets.UTF_8)).contains("Pulumi.prod.yaml:6:13: config.iap-cloudrun:iapOauthClientSecret.secure: "
                + "the secure value is not a ciphertext of the passphrase provider, as encryptionsalt says: it looks like a Google "
                + "OAuth client secret in plain text").doesNotContain("GOCSPX-looks").doesNotContain("looks-encrypted").doesNotContain("is-not");
    }
}
