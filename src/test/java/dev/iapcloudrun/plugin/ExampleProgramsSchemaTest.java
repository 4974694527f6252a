package dev.iapcloudrun.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML and TypeScript examples use the component package through the SDK {@code pulumi package add} generates
 * from the checked-in schema: every input they set, every output they read and every required input must be the
 * schema's, so that a renamed input breaks this test instead of a user's program.
 */
class ExampleProgramsSchemaTest {

    private static final Path SCHEMA = ComponentSchemaTest.SCHEMA;
    private static final String TOKEN_PREFIX = "iap-cloudrun:index:";

    private final JsonNode schema = read(SCHEMA);

    private static JsonNode read(Path path) {
        try {
            return new ObjectMapper().readTree(Files.readString(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void yamlProgramUsesOnlyTheSchemasInputsAndOutputs() throws IOException {
        var program = new YAMLMapper().readTree(Path.of("examples/yaml-program/Pulumi.yaml").toFile());
        var problems = new ArrayList<String>();
        var types = new HashMap<String, String>();
        var used = new ArrayList<String>();
        program.path("resources").fields().forEachRemaining(entry -> {
            var type = entry.getValue().path("type").asText();
            if (!type.startsWith(TOKEN_PREFIX)) {
                return;
            }
            used.add(type);
            types.put(entry.getKey(), type);
            var properties = new HashMap<String, Object>();
            entry.getValue().path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), yamlValue(p.getValue())));
            checkInputs(entry.getKey(), type, properties, problems);
        });
        // ${resource.output} references
        var reference = Pattern.compile("\\$\\{([A-Za-z][\\w-]*)\\.(\\w+)}");
        var matcher = reference.matcher(Files.readString(Path.of("examples/yaml-program/Pulumi.yaml")));
        while (matcher.find()) {
            var type = types.get(matcher.group(1));
            if (type != null) {
                checkOutput(matcher.group(1), type, matcher.group(2), problems);
            }
        }

        assertThat(problems).isEmpty();
        assertThat(used).as("the example shows every component").containsAll(components());
    }

    @Test
    void typescriptProgramUsesOnlyTheSchemasInputsAndOutputs() throws IOException {
        var source = Files.readString(Path.of("examples/typescript-program/index.ts"));
        var problems = new ArrayList<String>();
        var types = new HashMap<String, String>();
        var used = new ArrayList<String>();
        var construct = Pattern.compile("(?:const (\\w+) = )?new iapCloudrun\\.(\\w+)\\(\"([^\"]+)\",\\s*\\{");
        var matcher = construct.matcher(source);
        while (matcher.find()) {
            var type = TOKEN_PREFIX + matcher.group(2);
            used.add(type);
            if (matcher.group(1) != null) {
                types.put(matcher.group(1), type);
            }
            int open = matcher.end() - 1;
            checkInputs(matcher.group(3), type, Literal.object(source, open), problems);
        }
        // Outputs read: variable.name outside string literals (a client id such as "...-portal.apps..." reads none).
        var code = source.replaceAll("\"[^\"\n]*\"", "\"\"");
        types.forEach((variable, type) -> {
            var access = Pattern.compile("\\b" + variable + "\\.(\\w+)").matcher(code);
            while (access.find()) {
                checkOutput(variable, type, access.group(1), problems);
            }
        });

        assertThat(problems).isEmpty();
        assertThat(used).as("the example shows every component").containsAll(components());
    }

    @Test
    void findsAnInputTheSchemaDoesNotHave() {
        var problems = new ArrayList<String>();
        checkInputs("web", TOKEN_PREFIX + "IapCloudRunService", Map.of("project", "p", "region", "r", "image", "i",
                "env", List.of(Map.of("name", "A", "valu", "b")), "publicAcess", true), problems);
        assertThat(problems).containsExactlyInAnyOrder(
                "web: iap-cloudrun:index:IapCloudRunService has no input 'publicAcess'",
                "web: iap-cloudrun:index:EnvVar has no input 'valu'",
                "web: iap-cloudrun:index:EnvVar is missing its required input 'value'");
    }

    private List<String> components() {
        var names = new ArrayList<String>();
        schema.path("resources").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void checkInputs(String name, String type, Map<String, Object> properties, List<String> problems) {
        var resource = schema.path("resources").path(type);
        if (resource.isMissingNode()) {
            problems.add(name + ": the schema has no component " + type);
            return;
        }
        checkObject(name, type, resource.path("inputProperties"), resource.path("requiredInputs"), properties, problems);
    }

    private void checkObject(String name, String type, JsonNode spec, JsonNode required, Map<String, Object> properties, List<String> problems) {
        properties.forEach((key, value) -> {
            var property = spec.path(key);
            if (property.isMissingNode()) {
                problems.add(name + ": " + type + " has no input '" + key + "'");
                return;
            }
            var items = property.path("type").asText().equals("array") ? property.path("items") : null;
            var ref = (items != null ? items : property).path("$ref").asText();
            if (ref.isEmpty()) {
                return;
            }
            var typeName = ref.substring(ref.lastIndexOf('/') + 1);
            var object = schema.path("types").path(typeName);
            List<?> values = items != null && value instanceof List<?> list ? list : List.of(value);
            for (var element : values) {
                if (element instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    var fields = (Map<String, Object>) map;
                    checkObject(name, typeName, object.path("properties"), object.path("required"), fields, problems);
                }
            }
        });
        required.forEach(r -> {
            if (!properties.containsKey(r.asText())) {
                problems.add(name + ": " + type + " is missing its required input '" + r.asText() + "'");
            }
        });
    }

    private void checkOutput(String name, String type, String output, List<String> problems) {
        if (schema.path("resources").path(type).path("properties").path(output).isMissingNode()) {
            problems.add(name + ": " + type + " has no output '" + output + "'");
        }
    }

    private static Object yamlValue(JsonNode node) {
        if (node.isObject()) {
            var map = new HashMap<String, Object>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), yamlValue(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(n -> list.add(yamlValue(n)));
            return list;
        }
        return node.asText();
    }

    /**
     * The keys of a TypeScript object literal, as the example writes them (one {@code key: value} per entry, values
     * that are literals, expressions, arrays or nested object literals); nested literals become maps, arrays lists,
     * anything else the text of the expression.
     */
    static final class Literal {

        /** The object literal whose '{' is at {@code open}. */
        static Map<String, Object> object(String source, int open) {
            var body = source.substring(open + 1, close(source, open));
            var result = new HashMap<String, Object>();
            for (var entry : split(body)) {
                int colon = entry.indexOf(':');
                var key = entry.substring(0, colon).trim();
                result.put(key, value(entry.substring(colon + 1).trim()));
            }
            return result;
        }

        private static Object value(String text) {
            if (text.startsWith("{")) {
                return object(text, 0);
            }
            if (text.startsWith("[")) {
                var items = new ArrayList<Object>();
                split(text.substring(1, close(text, 0))).forEach(item -> items.add(value(item.trim())));
                return items;
            }
            return text;
        }

        /** Entries separated by commas outside brackets and strings; blank ones (a trailing comma) dropped. */
        private static List<String> split(String body) {
            var parts = new ArrayList<String>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    i = body.indexOf(c, i + 1);
                } else if (c == '{' || c == '[' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ']' || c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(body.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(body.substring(start));
            return parts.stream().map(String::trim).filter(p -> !p.isEmpty() && !p.startsWith("//")).toList();
        }

        private static int close(String text, int open) {
            int depth = 0;
            for (int i = open; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    i = text.indexOf(c, i + 1);
                } else if (c == '{' || c == '[' || c == '(') {
                    depth++;
                } else if ((c == '}' || c == ']' || c == ')') && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced literal at " + open);
        }
    }
}
