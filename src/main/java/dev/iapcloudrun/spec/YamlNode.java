package dev.iapcloudrun.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML document that remembers where every value stood, so that errors can name the line.
 * Jackson's own tree model drops locations, hence this small tree.
 */
public sealed interface YamlNode {

    Location location();

    /** A short description of the node's shape, used in "found ..." messages. */
    String describe();

    /** The node at {@code path} below this one: a String steps into a mapping, an Integer into a list. */
    default Optional<YamlNode> at(Object... path) {
        YamlNode node = this;
        for (var step : path) {
            if (step instanceof String key && node instanceof Mapping m && m.entries().containsKey(key)) {
                node = m.entries().get(key);
            } else if (step instanceof Integer i && node instanceof Sequence s && i < s.items().size()) {
                node = s.items().get(i);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    record Mapping(Map<String, YamlNode> entries, Map<String, Location> keyLocations, Location location) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
            keyLocations = new LinkedHashMap<>(keyLocations);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar; {@code kind} tells how YAML typed it (a quoted "8080" is a string, a plain 8080 an integer). */
    record Scalar(String text, Kind kind, Location location) implements YamlNode {
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "nothing (null)";
                case STRING -> "the text \"" + text + "\"";
                case INTEGER, FLOAT -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
            };
        }
    }
}
