package dev.iapcloudrun.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Location;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.YamlNode;
import dev.iapcloudrun.spec.YamlReader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Pulumi project as the CLI would see it: the project name from {@code Pulumi.yaml} and a stack's
 * config from {@code Pulumi.<stack>.yaml}. Secure values stay encrypted: offline, a secret is passed on
 * as its ciphertext and marked secret, which is all a plan needs to show a secret and whether it changed. Both files are
 * read with the same YAML reader as stack files, so their errors are located the same way.
 */
public record PulumiProject(Path root, String name) {

    /**
     * Config of one stack: values by {@code namespace:key}, which of them are secret, where each key stands in
     * {@code Pulumi.<stack>.yaml}, and what is wrong with the file (located, naming the key, never a secret's value):
     * YAML that cannot be read, or {@code secure:} values that are not a ciphertext of the stack's secrets provider.
     * A file with problems is reported like a stack file, together with it, rather than stopping at the first.
     */
    public record StackConfig(Map<String, String> values, Set<String> secretKeys, Map<String, Location> keyLocations,
                              boolean readable, List<Problem> problems) {
        /** @param readable whether the file could be read at all: when not, its values are unknown rather than absent */
        public StackConfig {
            keyLocations = Map.copyOf(keyLocations);
            problems = List.copyOf(problems);
        }

        /** The fingerprints of the secrets' ciphertexts, by ciphertext: see {@link StructJson#fingerprints}. */
        public Map<String, String> fingerprints() {
            return StructJson.fingerprints(values, secretKeys);
        }
    }

    public static PulumiProject load(Path root) throws IOException {
        var file = root.resolve("Pulumi.yaml");
        if (!Files.exists(file)) {
            throw new IOException("no Pulumi.yaml in " + root.toAbsolutePath() + "; run from the project's root folder");
        }
        var document = read(file, "Pulumi.yaml");
        var name = document.at("name").filter(n -> n instanceof YamlNode.Scalar s && !s.text().isEmpty())
                .map(n -> ((YamlNode.Scalar) n).text());
        if (name.isEmpty()) {
            throw new InputException("Pulumi.yaml: the field 'name' is missing; expected the project name");
        }
        return new PulumiProject(root, name.get());
    }

    /**
     * The project's stacks: each {@code Pulumi.<stack>.yaml} with its {@code stacks/<stack>.yaml}, in the project's
     * {@link PromotionOrder}; an {@link InputException} when that file is malformed.
     */
    public List<String> stacks() throws IOException {
        return promotionOrder().orThrow().sort(unordered());
    }

    /** The project's declared promotion order, with the problems of its file. */
    public PromotionOrder promotionOrder() throws IOException {
        return PromotionOrder.read(root);
    }

    /** The stacks, in no particular order. */
    public List<String> unordered() throws IOException {
        try (var files = Files.list(root)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .filter(stack -> Files.exists(root.resolve("stacks").resolve(stack + ".yaml")))
                    .toList();
        }
    }

    public StackConfig stackConfig(String stack) throws IOException {
        var displayName = "Pulumi." + stack + ".yaml";
        var file = root.resolve(displayName);
        if (!Files.exists(file)) {
            throw new IOException("no " + displayName + ": the stack '" + stack + "' has no config file; expected it beside Pulumi.yaml");
        }
        var values = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        var locations = new TreeMap<String, Location>();
        var problems = new ArrayList<Problem>();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            // Not UTF-8, say: the stack fails, the others are still checked.
            problems.add(new Problem(new Location(displayName, 1, 1), "", "cannot read the config file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); expected UTF-8 YAML"));
            return new StackConfig(values, secrets, locations, false, problems);
        }
        if (text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            // What pulumi stack init leaves behind: a stack without config.
            return new StackConfig(values, secrets, locations, true, problems);
        }
        var document = YamlReader.read(displayName, text, "a mapping with 'config'", problems);
        if (document == null) {
            return new StackConfig(values, secrets, locations, false, problems);
        }
        if (!(document instanceof YamlNode.Mapping)) {
            problems.add(new Problem(document.location(), "", "found " + document.describe()
                    + " at the top of the file; expected a mapping with 'config' (and the secrets provider's settings)"));
            return new StackConfig(values, secrets, locations, false, problems);
        }
        var provider = SecretsProvider.of(document);
        var configNode = document.at("config");
        var malformed = configNode.filter(n -> !(n instanceof YamlNode.Mapping) && !(n instanceof YamlNode.Scalar s
                && s.kind() == YamlNode.Scalar.Kind.NULL));
        malformed.ifPresent(n -> problems.add(new Problem(n.location(), "config", "found " + n.describe()
                + "; expected a mapping of config keys, as pulumi config set writes it")));
        if (configNode.orElse(null) instanceof YamlNode.Mapping config) {
            config.entries().forEach((key, value) -> {
                var fullKey = key.contains(":") ? key : name + ":" + key;
                locations.put(fullKey, config.keyLocations().get(key));
                if (value.at("secure").orElse(null) instanceof YamlNode.Scalar secure) {
                    provider.problem(secure.text()).ifPresent(problem -> problems.add(new Problem(secure.location(),
                            "config." + fullKey + ".secure", problem + "; if it was ever pushed, rotate the secret, then set it with: "
                                    + "pulumi config set --secret " + key + " <value> --stack " + stack)));
                    values.put(fullKey, secure.text());
                    secrets.add(fullKey);
                } else {
                    values.put(fullKey, value instanceof YamlNode.Scalar scalar ? scalar.text() : json(value));
                }
            });
        }
        return new StackConfig(values, secrets, locations, malformed.isEmpty(), problems);
    }

    /**
     * The secrets provider a stack's config file names, and the shape of the ciphertexts it writes: the passphrase
     * provider (which keeps {@code encryptionsalt} in the file) writes {@code v1:NONCE:CIPHERTEXT}, a 12-byte nonce
     * and an AES-GCM ciphertext in base64; Pulumi Cloud (no provider named) and the cloud KMS providers write base64.
     * A value of another shape was never encrypted, whatever {@code secure:} claims.
     */
    private record SecretsProvider(String description, Optional<String> expected) {

        private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
        private static final int GCM_TAG_BYTES = 16;
        private static final int PASSPHRASE_NONCE_BYTES = 12;

        static SecretsProvider of(YamlNode document) {
            var named = document.at("secretsprovider").filter(n -> n instanceof YamlNode.Scalar).map(n -> ((YamlNode.Scalar) n).text());
            if (named.isEmpty()) {
                return document.at("encryptionsalt").isPresent()
                        ? new SecretsProvider("the passphrase provider, as encryptionsalt says", Optional.of("v1:NONCE:CIPHERTEXT, both in base64"))
                        : new SecretsProvider("Pulumi Cloud, as no secretsprovider is named", Optional.of("base64"));
            }
            var kind = named.get().replaceFirst("://.*", "");
            return switch (kind) {
                case "passphrase" -> new SecretsProvider("the passphrase provider", Optional.of("v1:NONCE:CIPHERTEXT, both in base64"));
                case "gcpkms", "awskms", "azurekeyvault", "hashivault", "default", "service" ->
                        new SecretsProvider("the " + kind + " provider", Optional.of("base64"));
                // A provider this tool does not know: only a value recognisable as plain text is refused.
                default -> new SecretsProvider("the " + kind + " provider", Optional.empty());
            };
        }

        /** Why {@code value} cannot be this provider's ciphertext; the message never quotes the value. */
        Optional<String> problem(String value) {
            var notEncrypted = "the secure value is not a ciphertext of " + description;
            if (value.toUpperCase(java.util.Locale.ROOT).contains("GOCSPX-")) {
                return Optional.of(notEncrypted + ": it looks like a Google OAuth client secret in plain text, readable by anyone "
                        + "with the repository");
            }
            boolean shaped = expected.isEmpty() || (expected.get().startsWith("v1:") ? passphraseShaped(value) : decodedBytes(value) >= GCM_TAG_BYTES);
            return shaped ? Optional.empty() : Optional.of(notEncrypted + ": expected " + expected.get()
                    + ", as pulumi config set --secret writes it, so it is plain text or was encrypted for another provider");
        }

        private static boolean passphraseShaped(String value) {
            var parts = value.split(":", -1);
            return parts.length == 3 && parts[0].equals("v1") && decodedBytes(parts[1]) == PASSPHRASE_NONCE_BYTES
                    && decodedBytes(parts[2]) >= GCM_TAG_BYTES;
        }

        /** How many bytes {@code text} decodes to as standard base64, or -1 when it is not base64. */
        private static int decodedBytes(String text) {
            if (text.isEmpty() || !BASE64.matcher(text).matches()) {
                return -1;
            }
            return Base64.getDecoder().decode(text).length;
        }
    }

    /** Reads a file of the project as a whole ({@code Pulumi.yaml}): nothing can be done without it. */
    private static YamlNode read(Path file, String displayName) throws IOException {
        var problems = new ArrayList<Problem>();
        var document = YamlReader.read(displayName, Files.readString(file), "a mapping with the project's 'name' and 'runtime'", problems);
        if (!problems.isEmpty() || document == null) {
            throw new InputException(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
        return document;
    }

    /** A structured config value as the Pulumi CLI hands it to programs: its JSON text. */
    private static String json(YamlNode node) {
        var text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            write(node, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(YamlNode node, JsonGenerator out) throws IOException {
        if (node instanceof YamlNode.Mapping m) {
            out.writeStartObject();
            for (var entry : m.entries().entrySet()) {
                out.writeFieldName(entry.getKey());
                write(entry.getValue(), out);
            }
            out.writeEndObject();
        } else if (node instanceof YamlNode.Sequence s) {
            out.writeStartArray();
            for (var item : s.items()) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (node instanceof YamlNode.Scalar s) {
            switch (s.kind()) {
                case INTEGER, FLOAT -> out.writeNumber(s.text());
                case BOOLEAN -> out.writeBoolean(Boolean.parseBoolean(s.text()));
                case NULL -> out.writeNull();
                case STRING -> out.writeString(s.text());
            }
        }
    }
}
