package dev.iapcloudrun.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.YamlNode;
import dev.iapcloudrun.spec.YamlReader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Pulumi project as the CLI would see it: the project name from {@code Pulumi.yaml} and a stack's
 * config from {@code Pulumi.<stack>.yaml}. Secure values stay encrypted: offline, a secret is passed on
 * as its ciphertext and marked secret, which is all a plan needs to show a secret and whether it changed. Both files are
 * read with the same YAML reader as stack files, so their errors are located the same way.
 */
public record PulumiProject(Path root, String name) {

    /** Config of one stack: values by {@code namespace:key}, and which of them are secret (their ciphertext). */
    public record StackConfig(Map<String, String> values, Set<String> secretKeys) {

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

    /** The project's stacks: each {@code Pulumi.<stack>.yaml} with its {@code stacks/<stack>.yaml}, sorted by name. */
    public List<String> stacks() throws IOException {
        try (var files = Files.list(root)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .filter(stack -> Files.exists(root.resolve("stacks").resolve(stack + ".yaml")))
                    .sorted().toList();
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
        if (read(file, displayName).at("config").orElse(null) instanceof YamlNode.Mapping config) {
            config.entries().forEach((key, value) -> {
                var fullKey = key.contains(":") ? key : name + ":" + key;
                if (value.at("secure").orElse(null) instanceof YamlNode.Scalar secure) {
                    values.put(fullKey, secure.text());
                    secrets.add(fullKey);
                } else {
                    values.put(fullKey, value instanceof YamlNode.Scalar scalar ? scalar.text() : json(value));
                }
            });
        }
        return new StackConfig(values, secrets);
    }

    private static YamlNode read(Path file, String displayName) throws IOException {
        var problems = new ArrayList<Problem>();
        var document = YamlReader.read(displayName, Files.readString(file), problems);
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
