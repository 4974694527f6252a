package dev.iapcloudrun.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.Urns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pulumi's bulk import file ({@code pulumi import --file}) of the resources a stack adopts: each with its type, its
 * name as the program names it, its import ID, its parent and its provider version, so that {@code pulumi import}
 * puts each resource at the URN the program registers it under, and the next {@code pulumi up} finds it there.
 *
 * <p>The file's {@code name} is only a key within the file (parents refer to it, and {@code pulumi import} names the
 * code it generates after it), so it is made unique from the type and the name; {@code logicalName} is the program's
 * name, which makes the URN. The components the resources sit in do not exist before the first {@code pulumi up}: the
 * file declares them as empty components ({@code "component": true}), which {@code pulumi import} creates first.
 */
public final class ImportFile {

    private ImportFile() {}

    /**
     * The import file of {@code plan}'s adopted resources, each ID computed again by {@link ImportIds} from the inputs
     * the plan records, so that the file and the program's {@code import} option agree by construction.
     *
     * @throws InputException when the stack adopts nothing
     */
    public static ObjectNode of(Plan plan, String stackFile) {
        var byUrn = new HashMap<String, Plan.PlannedResource>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        var adopted = plan.resources().stream().filter(r -> !r.importId().isEmpty()).toList();
        if (adopted.isEmpty()) {
            throw new InputException(stackFile + ": the stack adopts nothing, so there is nothing to import; expected adopt: true at the "
                    + "top of the stack file or on each service that already runs");
        }
        var keys = new HashMap<String, String>();
        var components = new TreeMap<String, Plan.PlannedResource>();
        for (var r : adopted) {
            for (var parent = byUrn.get(r.parent()); parent != null && !parent.parent().isEmpty(); parent = byUrn.get(parent.parent())) {
                components.put(parent.urn(), parent);
            }
        }
        var json = JsonNodeFactory.instance;
        var root = json.objectNode();
        root.putObject("nameTable");
        var resources = root.putArray("resources");
        var ordered = new ArrayList<Plan.PlannedResource>(components.values());
        ordered.addAll(adopted);
        for (var r : ordered) {
            var key = key(r, keys);
            var entry = resources.addObject();
            entry.put("type", r.type());
            entry.put("name", key);
            entry.put("logicalName", r.name());
            var parent = byUrn.get(r.parent());
            if (parent != null && !parent.type().equals(Urns.ROOT_STACK_TYPE)) {
                entry.put("parent", keys.get(parent.urn()));
            }
            if (r.custom()) {
                entry.put("id", importId(r));
                entry.put("version", r.version().isEmpty() ? dev.iapcloudrun.provider.gcp.GcpProvider.VERSION : r.version());
            } else {
                entry.put("component", true);
            }
        }
        return root;
    }

    public static String write(ObjectNode file) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(file) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ID {@link ImportIds} gives the resource's recorded inputs, which must be the one the program registered it with. */
    private static String importId(Plan.PlannedResource r) {
        var id = ImportIds.of(r.type(), inputs(r.inputs())).orElseThrow(() ->
                new IllegalStateException(r.name() + " (" + r.type() + ") carries an import ID, but it is no type the program adopts"));
        if (!id.equals(r.importId())) {
            throw new IllegalStateException(r.name() + " was registered with the import ID '" + r.importId() + "', but its inputs give '" + id + "'");
        }
        return id;
    }

    /** The plain text inputs by their wire names, and a condition's title as {@code condition.title}. */
    private static Map<String, String> inputs(JsonNode inputs) {
        var flat = new LinkedHashMap<String, String>();
        inputs.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                flat.put(e.getKey(), e.getValue().asText());
            }
        });
        var title = inputs.path("condition").path("title");
        if (title.isTextual()) {
            flat.put("condition.title", title.asText());
        }
        return flat;
    }

    /** A key unique in the file, from the type's last part and the name (and the URN's hash when that is taken): never a position. */
    private static String key(Plan.PlannedResource r, Map<String, String> keys) {
        var type = r.type().substring(r.type().lastIndexOf(':') + 1);
        var key = type + "_" + r.name().replaceAll("[^A-Za-z0-9]+", "_");
        if (keys.containsValue(key)) {
            // Names differing only in punctuation (user:a.b@ and user:a-b@) clean alike; the URN tells them apart, stably.
            key = key + "_" + dev.iapcloudrun.components.Sha256.hex(r.urn()).substring(0, 8);
        }
        if (keys.containsValue(key)) {
            throw new IllegalStateException("two resources of the stack would share the import file's name " + key);
        }
        keys.put(r.urn(), key);
        return key;
    }
}
