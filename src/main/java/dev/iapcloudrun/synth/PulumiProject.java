package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Pulumi project as the CLI would see it: the project name from {@code Pulumi.yaml} and a stack's
 * config from {@code Pulumi.<stack>.yaml}. Secure values stay encrypted: offline, a secret is passed on
 * as its ciphertext and marked secret, which is all a plan needs to show {@code "[secret]"}.
 */
public record PulumiProject(Path root, String name) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Config of one stack: values by {@code namespace:key}, and which of them are secret. */
    public record StackConfig(Map<String, String> values, Set<String> secretKeys) {}

    public static PulumiProject load(Path root) throws IOException {
        var file = root.resolve("Pulumi.yaml");
        if (!Files.exists(file)) {
            throw new IOException("no Pulumi.yaml in " + root.toAbsolutePath() + "; run from the project's root folder");
        }
        var name = YAML.readTree(file.toFile()).path("name").asText("");
        if (name.isEmpty()) {
            throw new IOException("Pulumi.yaml: the field 'name' is missing; expected the project name");
        }
        return new PulumiProject(root, name);
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
        var file = root.resolve("Pulumi." + stack + ".yaml");
        if (!Files.exists(file)) {
            throw new IOException("no Pulumi." + stack + ".yaml: the stack '" + stack + "' has no config file; expected it beside Pulumi.yaml");
        }
        var values = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        JsonNode config = YAML.readTree(file.toFile()).path("config");
        config.fields().forEachRemaining(entry -> {
            var key = entry.getKey().contains(":") ? entry.getKey() : name + ":" + entry.getKey();
            var value = entry.getValue();
            if (value.isObject() && value.has("secure")) {
                values.put(key, value.get("secure").asText());
                secrets.add(key);
            } else {
                values.put(key, value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return new StackConfig(values, secrets);
    }
}
