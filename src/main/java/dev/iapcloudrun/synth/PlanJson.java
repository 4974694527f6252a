package dev.iapcloudrun.synth;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one writer of plan JSON: keys sorted at every level, two-space indentation, a final newline,
 * so that the same stack gives the same bytes on every run and diffs cleanly in review.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

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
        }
        root.set("outputs", plan.outputs());
        return root;
    }

    public static String write(Plan plan) {
        try {
            var printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(toJson(plan)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically: readers see the old file or the whole new one, never a part. */
    public static void write(Plan plan, Path file) throws IOException {
        var text = write(plan);
        var dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        var temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
