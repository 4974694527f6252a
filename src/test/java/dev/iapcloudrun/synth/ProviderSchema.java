package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pulumi-gcp 9.37.0 input schema of every type the program emits (extracted from the provider's declarations by
 * scripts/extract-gcp-schema.mjs), and the check of a resource's inputs against it: every input must exist there with
 * its shape, and every required input must be there.
 */
public final class ProviderSchema {

    private static final JsonNode SCHEMA = load();

    private ProviderSchema() {}

    private static JsonNode load() {
        try (var in = ProviderSchema.class.getResourceAsStream("/pulumi-gcp-schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code token} is a resource or function of the schema. */
    public static boolean has(String token) {
        return SCHEMA.path("resources").has(token);
    }

    /** What is wrong with {@code inputs} of a resource of {@code type}, one line each, each naming the input's path. */
    public static List<String> violations(String type, JsonNode inputs) {
        var problems = new ArrayList<String>();
        var resource = SCHEMA.path("resources").path(type);
        if (resource.isMissingNode()) {
            problems.add(type + ": not a resource type of the schema");
            return problems;
        }
        checkObject(type, resource, inputs, problems);
        return problems;
    }

    private static void checkObject(String path, JsonNode objectSchema, JsonNode value, List<String> problems) {
        if (isMarker(value)) {
            return;
        }
        if (!value.isObject()) {
            problems.add(path + ": expected an object, found " + value);
            return;
        }
        var properties = objectSchema.path("properties");
        value.fieldNames().forEachRemaining(name -> {
            var property = properties.path(name);
            if (property.isMissingNode()) {
                problems.add(path + "." + name + ": no such input in pulumi-gcp 9.37.0");
            } else {
                checkValue(path + "." + name, property, value.get(name), problems);
            }
        });
        properties.fields().forEachRemaining(entry -> {
            if (entry.getValue().path("required").asBoolean() && !value.has(entry.getKey())) {
                problems.add(path + "." + entry.getKey() + ": required by pulumi-gcp 9.37.0 but missing");
            }
        });
    }

    private static void checkValue(String path, JsonNode property, JsonNode value, List<String> problems) {
        if (isMarker(value)) {
            return;
        }
        switch (property.path("kind").asText()) {
            case "object" -> checkObject(path, SCHEMA.path("types").path(property.path("ref").asText()), value, problems);
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected a map, found " + value);
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkValue(path + "[" + i + "]", property.path("items"), value.get(i), problems);
                }
            }
            default -> {
                if (!value.isValueNode()) {
                    problems.add(path + ": expected a single value, found " + value);
                }
            }
        }
    }

    private static boolean isMarker(JsonNode value) {
        return value.isTextual() && (value.asText().equals("[secret]") || value.asText().equals("[unknown]"));
    }
}
