package dev.iapcloudrun.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The published stack-file schema ({@code stacks/stack-file.schema.json}), applied as an editor would. */
public final class StackFileSchema {

    static final Path FILE = Path.of("stacks/stack-file.schema.json");

    /** YAML 1.2, as editors' YAML language servers read a file: yes, no, on and off are text there. */
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());
    private static final JsonSchema SCHEMA = load();

    private StackFileSchema() {}

    private static JsonSchema load() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema says of a stack file's text; a file that is not YAML at all is rejected with one message. */
    public static List<String> violations(String yaml) {
        try {
            var document = YAML.readTree(yaml);
            if (document == null || document.isMissingNode()) {
                return List.of("empty document");
            }
            return SCHEMA.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not YAML: " + e.getMessage());
        }
    }
}
