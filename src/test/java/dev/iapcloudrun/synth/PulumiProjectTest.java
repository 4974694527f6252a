package dev.iapcloudrun.synth;

import dev.iapcloudrun.spec.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PulumiProjectTest {

    private static final String PASSPHRASE_CIPHERTEXT = "v1:Wq3m5c0kQ2y1c6Tg:Jr7mC2sXbq9f3rj5ZlB5Yd0v1lq1XH8JvXk2lN5s8gI0Qm6L";
    private static final String BASE64_CIPHERTEXT = "AAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w";
    private static final String SALT = "encryptionsalt: v1:c2FsdHNhbHQ=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==\n";

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
    }

    private List<Problem> problems(String header, String secure) throws IOException {
        Files.writeString(root.resolve("Pulumi.qa.yaml"), header + "config:\n  gcp:project: acme-qa\n  iapOauthClientSecret:\n    secure: " + secure + "\n");
        var config = PulumiProject.load(root).stackConfig("qa");
        assertThat(config.secretKeys()).containsExactly("iap-cloudrun:iapOauthClientSecret");
        return config.problems();
    }

    @Test
    void acceptsEachProvidersOwnCiphertext() throws IOException {
        assertThat(problems(SALT, PASSPHRASE_CIPHERTEXT)).isEmpty();
        assertThat(problems("", BASE64_CIPHERTEXT)).as("Pulumi Cloud").isEmpty();
        assertThat(problems("secretsprovider: gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k\nencryptedkey: AAAA\n",
                BASE64_CIPHERTEXT)).isEmpty();
        assertThat(problems("secretsprovider: hashivault://pulumi\nencryptedkey: AAAA\n", BASE64_CIPHERTEXT)).isEmpty();
    }

    @Test
    void failsWhenAnOAuthClientSecretIsMarkedSecureInPlainTextWithoutRepeatingIt() throws IOException {
        for (var header : List.of(SALT, "", "secretsprovider: awskms://alias/pulumi\nencryptedkey: AAAA\n", "secretsprovider: vendorkms://x\n")) {
            assertThat(problems(header, "GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz12")).as(header).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("config.iap-cloudrun:iapOauthClientSecret.secure");
                assertThat(p.message()).contains("looks like a Google OAuth client secret in plain text")
                        .contains("pulumi config set --secret iapOauthClientSecret <value> --stack qa")
                        .doesNotContain("GOCSPX").doesNotContain("AbCdEf");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "v1:AAAA:AAAA", "v1:Wq3m5c0kQ2y1c6Tg", "v1:Wq3m5c0kQ2y1c6Tg:short=", BASE64_CIPHERTEXT})
    void failsWhenAPassphraseStackHoldsAValueOfAnotherShape(String secure) throws IOException {
        assertThat(problems(SALT, secure)).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("the secure value is not a ciphertext of the passphrase provider, as encryptionsalt says: expected v1:NONCE:CIPHERTEXT")
                .doesNotContain(secure));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "my secret value", PASSPHRASE_CIPHERTEXT})
    void failsWhenAPulumiCloudStackHoldsAValueThatIsNotBase64(String secure) throws IOException {
        assertThat(problems("", secure)).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("the secure value is not a ciphertext of Pulumi Cloud, as no secretsprovider is named: expected base64")
                .doesNotContain(secure));
    }

    @Test
    void locatesAMalformedSecureValueNamingTheKeyOnly() throws IOException {
        assertThat(problems(SALT, "GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz12")).singleElement().asString()
                .startsWith("Pulumi.qa.yaml:5:13: config.iap-cloudrun:iapOauthClientSecret.secure:").doesNotContain("GOCSPX");
    }

    @Test
    void reportsAConfigFileThatIsNotYamlAsLocatedProblemsInsteadOfStopping() throws IOException {
        Files.writeString(root.resolve("Pulumi.qa.yaml"), "config:\n  gcp:project: acme-qa\n   gcp:region: europe-west1\n");
        var config = PulumiProject.load(root).stackConfig("qa");
        assertThat(config.readable()).isFalse();
        assertThat(config.problems()).singleElement().asString().startsWith("Pulumi.qa.yaml:3:").contains("not valid YAML");
    }

    @Test
    void reportsAConfigFileThatIsNotUtf8AsAProblemInsteadOfStopping() throws IOException {
        Files.write(root.resolve("Pulumi.qa.yaml"), new byte[] {'c', 'o', 'n', 'f', 'i', 'g', ':', ' ', (byte) 0xff, '\n'});
        var config = PulumiProject.load(root).stackConfig("qa");
        assertThat(config.readable()).isFalse();
        assertThat(config.problems()).singleElement().asString().startsWith("Pulumi.qa.yaml:1:1: cannot read the config file (")
                .endsWith("); expected UTF-8 YAML");
    }

    @Test
    void readsAConfigFileWithoutConfigAsNoValues() throws IOException {
        Files.writeString(root.resolve("Pulumi.qa.yaml"), "# no config yet\n");
        var config = PulumiProject.load(root).stackConfig("qa");
        assertThat(config.readable()).isTrue();
        assertThat(config.values()).isEmpty();
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void refusesAConfigThatIsNotAMappingOfKeys() throws IOException {
        Files.writeString(root.resolve("Pulumi.qa.yaml"), "config:\n  - gcp:project\n");
        var config = PulumiProject.load(root).stackConfig("qa");
        assertThat(config.readable()).isFalse();
        assertThat(config.problems()).singleElement()
                .hasToString("Pulumi.qa.yaml:2:3: config: found a list; expected a mapping of config keys, as pulumi config set writes it");
    }

    @Test
    void theBundledStacksHoldCiphertextsOfTheirProviders() throws IOException {
        var project = PulumiProject.load(Path.of(""));
        for (var stack : project.stacks()) {
            assertThat(project.stackConfig(stack).problems()).as(stack).isEmpty();
        }
    }
}
