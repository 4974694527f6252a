package dev.iapcloudrun.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses YAML with Jackson's streaming parser into {@link YamlNode}s that keep their locations. */
public final class YamlReader {

    /**
     * YAML 1.2, as editors and Pulumi's own YAML reader see a file: yes, no, on and off are text, not booleans (Jackson
     * follows YAML 1.1 by default, where {@code iap: yes} reads as a boolean and {@code Boolean.parseBoolean} as false);
     * and a key with nothing after it is a null, as it is to them, not an empty text ({@code ''} stays one).
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private final String file;
    private final List<Problem> problems;

    private YamlReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Reads one YAML document. Syntax errors and duplicate keys are added to {@code problems};
     * the result is null when the document could not be read at all.
     *
     * @param expected what the file should hold, for the problem of an empty one (stack files, config files and the
     *                 promotion order each expect something else)
     */
    public static YamlNode read(String file, String text, String expected, List<Problem> problems) {
        var reader = new YamlReader(file, problems);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(new Location(file, 1, 1), "", "the file is empty; expected " + expected));
                return null;
            }
            var root = reader.node(parser, "");
            if (parser.nextToken() != null) {
                var at = parser.currentTokenLocation();
                problems.add(new Problem(new Location(file, at.getLineNr(), at.getColumnNr()), "",
                        "a second YAML document starts here; expected one document per stack file"));
            }
            return root;
        } catch (JsonProcessingException e) {
            problems.add(reader.syntaxError(e));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(new Location(file, 1, 1), "", "could not be read: " + e.getMessage()));
            return null;
        }
    }

    /**
     * One line, at the spot the YAML parser points to: SnakeYAML's own problem and mark, rather than Jackson's
     * multi-line message with a quoted excerpt of the file.
     */
    private Problem syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            var mark = yaml.getProblemMark();
            var problem = yaml.getProblem().replace("'\\t(TAB)'", "a tab").replace("\\t(TAB)", "tabs").replace("\n", " ");
            return new Problem(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), "", "not valid YAML: " + problem);
        }
        var at = e.getLocation();
        var where = at == null ? new Location(file, 1, 1) : new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        return new Problem(where, "", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    private Location here(JsonParser parser) {
        var at = parser.currentTokenLocation();
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }

    private YamlNode node(JsonParser parser, String path) throws IOException {
        var location = here(parser);
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, path, location);
            case START_ARRAY -> sequence(parser, path, location);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.STRING, location);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.INTEGER, location);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.FLOAT, location);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.BOOLEAN, location);
            case VALUE_NULL -> new YamlNode.Scalar("", YamlNode.Scalar.Kind.NULL, location);
            default -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.STRING, location);
        };
    }

    private YamlNode mapping(JsonParser parser, String path, Location location) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var key = parser.currentName();
            var keyLocation = here(parser);
            var keyPath = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            var value = node(parser, keyPath);
            if (entries.containsKey(key)) {
                problems.add(new Problem(keyLocation, keyPath, "the key '" + key + "' appears twice in this mapping (first at line "
                        + keys.get(key).line() + "); expected each key once" + (key.equals("accessors")
                        // The one duplicate with a rule behind it: IAM forbids mixing a Binding and Members for one role.
                        ? ": a service's accessors are either authoritative or additive, never both" : "")));
                continue;
            }
            entries.put(key, value);
            keys.put(key, keyLocation);
        }
        return new YamlNode.Mapping(entries, keys, location);
    }

    private YamlNode sequence(JsonParser parser, String path, Location location) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(items, location);
    }
}
