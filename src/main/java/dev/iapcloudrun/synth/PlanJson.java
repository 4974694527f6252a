package dev.iapcloudrun.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.iapcloudrun.spec.InputException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one writer of plan JSON: keys sorted at every level, two-space indentation, a final newline,
 * so that the same stack gives the same bytes on every run and diffs cleanly in review.
 *
 * <p>Plans are written with jackson-core's streaming generator rather than an {@code ObjectMapper}: building
 * a mapper costs about 160 ms in a cold JVM, a sixth of a whole {@code synth --stack dev}, for a tree that
 * needs nothing but its keys sorted.
 */
public final class PlanJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** Only reading plans back ({@code diff}) needs a mapper; {@code synth} never builds one. */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private PlanJson() {}

    public static ObjectNode toJson(Plan plan) {
        var json = JsonNodeFactory.instance;
        var root = json.objectNode();
        root.put("project", plan.project());
        root.put("stack", plan.stack());
        var resources = root.putArray("resources");
        for (var r : plan.resources()) {
            var node = resources.addObject();
            node.put("urn", r.urn());
            node.put("type", r.type());
            node.put("name", r.name());
            node.put("parent", r.parent());
            node.put("custom", r.custom());
            node.set("inputs", r.inputs());
            var dependsOn = node.putArray("dependsOn");
            r.dependsOn().forEach(dependsOn::add);
            node.put("protect", r.protect());
            // Only where there are some: most resources never had another name.
            if (!r.aliases().isEmpty()) {
                var aliases = node.putArray("aliases");
                r.aliases().forEach(aliases::add);
            }
            // Only for an adopted resource, so that plans of stacks that adopt nothing keep their bytes.
            if (!r.importId().isEmpty()) {
                node.put("importId", r.importId());
            }
        }
        root.set("outputs", plan.outputs());
        return root;
    }

    /**
     * Reads a plan written by {@link #write(Plan, Path)}; a plan written before adoption existed has no import IDs, and
     * reads as one that adopts nothing. Provider versions and invokes are not part of
     * the file, so they come back empty. A plan written before {@code synth} left the root stack's type out of its
     * URNs, as the engine does, is read with the engine's URNs ({@link Urns#withoutRootStackType}), so that it compares
     * with a newer plan resource by resource.
     */
    public static Plan read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Reader.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not a plan: " + e.getOriginalMessage());
        }
        var problems = new ArrayList<String>();
        if (!root.path("resources").isArray()) {
            problems.add("'resources' is missing; expected the list of resources of a plan written by synth");
        }
        var resources = new ArrayList<Plan.PlannedResource>();
        for (var r : root.path("resources")) {
            var urn = Urns.withoutRootStackType(r.path("urn").asText(""));
            if (urn.isEmpty() || !r.path("type").isTextual() || !r.path("inputs").isObject()) {
                problems.add("resources[" + resources.size() + "]: expected 'urn', 'type' and 'inputs'");
                continue;
            }
            var dependsOn = new ArrayList<String>();
            r.path("dependsOn").forEach(d -> dependsOn.add(Urns.withoutRootStackType(d.asText())));
            var aliases = new ArrayList<String>();
            r.path("aliases").forEach(a -> aliases.add(Urns.withoutRootStackType(a.asText())));
            dependsOn.sort(null);
            aliases.sort(null);
            resources.add(new Plan.PlannedResource(urn, r.path("type").asText(), r.path("name").asText(),
                    Urns.withoutRootStackType(r.path("parent").asText("")), r.path("custom").asBoolean(true), (ObjectNode) r.get("inputs"),
                    dependsOn, r.path("protect").asBoolean(false), "", aliases, r.path("importId").asText("")));
        }
        if (!problems.isEmpty()) {
            throw new InputException(file + ": not a plan written by synth: " + String.join("; ", problems));
        }
        // Sorted by URN, as written; the engine's URNs of an older plan may sort otherwise.
        resources.sort(Comparator.comparing(Plan.PlannedResource::urn));
        var outputs = root.path("outputs").isObject() ? (ObjectNode) root.get("outputs") : JsonNodeFactory.instance.objectNode();
        return new Plan(root.path("project").asText(""), root.path("stack").asText(""), resources, outputs, List.of());
    }

    public static String write(Plan plan) {
        var printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        var text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.setPrettyPrinter(printer);
            writeSorted(toJson(plan), generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static void writeSorted(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                var keys = new ArrayList<String>();
                node.fieldNames().forEachRemaining(keys::add);
                keys.sort(null);
                for (var key : keys) {
                    out.writeFieldName(key);
                    writeSorted(node.get(key), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (var item : node) {
                    writeSorted(item, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NUMBER -> {
                if (node.isBigInteger()) {
                    out.writeNumber(node.bigIntegerValue());
                } else if (node.isIntegralNumber()) {
                    out.writeNumber(node.longValue());
                } else if (node.isBigDecimal()) {
                    out.writeNumber(node.decimalValue());
                } else {
                    out.writeNumber(node.doubleValue());
                }
            }
            default -> out.writeNull();
        }
    }
}
