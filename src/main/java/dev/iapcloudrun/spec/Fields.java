package dev.iapcloudrun.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Strict, located access to the keys of one YAML mapping. Every read records the key as known;
 * {@link #finish()} reports the keys nobody asked for, with a "did you mean" when one is close.
 * Problems are collected, never thrown, so that a file's every mistake is reported at once.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final List<Problem> problems;
    private final Set<String> known = new LinkedHashSet<>();
    /** Required keys whose explicit null {@link #required} has reported. */
    private final Set<String> reportedNulls = new LinkedHashSet<>();

    /** The node was not a mapping at all: its one problem says so, and no field of it is reported missing. */
    private final boolean wrongType;

    private Fields(YamlNode.Mapping mapping, String path, List<Problem> problems, boolean wrongType) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        this.wrongType = wrongType;
    }

    /** Fields of {@code node}, or empty fields (after a problem) when it is not a mapping. */
    static Fields of(YamlNode node, String path, List<Problem> problems, String expected) {
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, path, problems, false);
        }
        problems.add(new Problem(node.location(), path, "found " + node.describe() + "; expected " + expected));
        return new Fields(new YamlNode.Mapping(Map.of(), Map.of(), node.location()), path, problems, true);
    }

    List<Problem> problems() {
        return problems;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        return mapping.entries().containsKey(key);
    }

    /** Whether {@code key} is written, without making it a key of this level (as {@link #has} does). */
    boolean written(String key) {
        return mapping.entries().containsKey(key);
    }

    Optional<YamlNode> node(String key) {
        known.add(key);
        // An explicit null (a key with nothing after it, or ~) is a value of the wrong type like any other, as the
        // schema has it: taken as "not set", a list emptied by mistake would silently read as "none".
        return reportedNulls.contains(key) ? Optional.empty() : Optional.ofNullable(mapping.entries().get(key));
    }

    void problem(YamlNode at, String key, String message) {
        problems.add(new Problem(at.location(), child(key), message));
    }

    /** A problem about a key itself, located at the key. */
    void problemAtKey(String key, String message) {
        problems.add(new Problem(mapping.keyLocations().getOrDefault(key, mapping.location()), child(key), message));
    }

    /** A problem about the mapping as a whole, such as a missing field; nothing when the mapping was not one. */
    void problemHere(String message) {
        if (!wrongType) {
            problems.add(new Problem(mapping.location(), path, message));
        }
    }

    Optional<String> string(String key, String expected) {
        return node(key).flatMap(n -> text(n, child(key), expected));
    }

    /**
     * The value of a key that must have one. A missing key is reported at the mapping; an explicit null ({@code key:}
     * with nothing after it, or {@code ~}) at the null, like any other wrong type: taken as absent, a required list
     * left empty by mistake would read as "nobody", and a service nobody can reach would deploy without a word.
     * The null is reported here, with what this field expects, and then read as absent, so that it is reported once.
     */
    Optional<YamlNode> required(String key, String expected) {
        known.add(key);
        var node = mapping.entries().get(key);
        if (node == null) {
            problemHere("the required field '" + key + "' is missing; expected " + expected);
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL) {
            reportedNulls.add(key);
            problem(node, key, "found " + node.describe() + "; expected " + expected);
            return Optional.empty();
        }
        return Optional.of(node);
    }

    String requiredString(String key, String expected) {
        return required(key, expected).flatMap(n -> text(n, child(key), expected)).orElse(null);
    }

    Optional<Integer> integer(String key, int min, int max) {
        return node(key).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER) {
                try {
                    int value = Integer.parseInt(s.text());
                    if (value >= min && value <= max) {
                        return Optional.of(value);
                    }
                } catch (NumberFormatException tooLarge) {
                    // reported below like any other out-of-range number
                }
            }
            problem(n, key, "found " + n.describe() + "; expected a whole number from " + min + " to " + max);
            return Optional.empty();
        });
    }

    /** Words that YAML 1.1 reads as booleans, each with the boolean meant. */
    private static final Map<String, Boolean> YAML_11_BOOLEANS = Map.of(
            "yes", true, "y", true, "on", true, "true", true, "no", false, "n", false, "off", false, "false", false);

    /**
     * Only {@code true} and {@code false}: YAML 1.1 readers take {@code yes}, {@code on}, {@code y} (and {@code True})
     * as booleans, YAML 1.2 readers take some of them as text, so any other spelling would mean different things to
     * different readers of the same file.
     */
    boolean bool(String key, boolean defaultValue) {
        return node(key).map(n -> {
            if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.BOOLEAN
                    && (s.text().equals("true") || s.text().equals("false"))) {
                return Boolean.parseBoolean(s.text());
            }
            var meant = n instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL
                    ? Optional.ofNullable(YAML_11_BOOLEANS.get(s.text().toLowerCase(java.util.Locale.ROOT))) : Optional.<Boolean>empty();
            problem(n, key, meant.map(b -> "found '" + ((YamlNode.Scalar) n).text() + "'; did you mean " + b
                    + "? expected true or false (YAML 1.1 reads yes, no, on, off, y and n as booleans, YAML 1.2 as text)")
                    .orElse("found " + n.describe() + "; expected true or false"));
            return defaultValue;
        }).orElse(defaultValue);
    }

    <E extends Enum<E>> E choice(String key, Map<String, E> allowed, E defaultValue) {
        var expected = "one of " + String.join(", ", allowed.keySet());
        return node(key).flatMap(n -> text(n, child(key), expected).flatMap(value -> {
            var chosen = allowed.get(value);
            if (chosen == null) {
                problem(n, key, "found \"" + value + "\"; " + DidYouMean.hint(value, allowed.keySet()) + "expected " + expected);
            }
            return Optional.ofNullable(chosen);
        })).orElse(defaultValue);
    }

    /** A list whose items are read by {@code item(node, path)}; items that fail yield nothing. */
    <T> List<T> list(String key, BiFunction<YamlNode, String, Optional<T>> item) {
        var result = new ArrayList<T>();
        node(key).ifPresent(n -> {
            if (!(n instanceof YamlNode.Sequence seq)) {
                problem(n, key, "found " + n.describe() + "; expected a list");
                return;
            }
            for (int i = 0; i < seq.items().size(); i++) {
                item.apply(seq.items().get(i), child(key) + "[" + i + "]").ifPresent(result::add);
            }
        });
        return result;
    }

    List<String> strings(String key, String expected) {
        return list(key, (n, p) -> text(n, p, expected));
    }

    /** Reads one entry of a mapping: its key, its value and the value's path. */
    interface EntryReader<T> {
        Optional<T> read(String key, YamlNode value, String path);
    }

    /** A mapping of names to values, each entry read by {@code entry}. */
    <T> Map<String, T> map(String key, EntryReader<T> entry) {
        var result = new LinkedHashMap<String, T>();
        node(key).ifPresent(n -> {
            if (!(n instanceof YamlNode.Mapping m)) {
                problem(n, key, "found " + n.describe() + "; expected a mapping");
                return;
            }
            m.entries().forEach((k, v) -> entry.read(k, v, child(key) + "." + k).ifPresent(x -> result.put(k, x)));
        });
        return result;
    }

    Optional<Fields> object(String key, String expected) {
        return node(key).map(n -> of(n, child(key), problems, expected));
    }

    /** Text of a scalar; numbers are accepted as their text, since YAML reads {@code 8} and {@code "8"} differently. */
    Optional<String> text(YamlNode n, String at, String expected) {
        if (n instanceof YamlNode.Scalar s && (s.kind() == YamlNode.Scalar.Kind.STRING
                || s.kind() == YamlNode.Scalar.Kind.INTEGER || s.kind() == YamlNode.Scalar.Kind.FLOAT)) {
            return Optional.of(s.text());
        }
        problems.add(new Problem(n.location(), at, "found " + n.describe() + "; expected " + expected));
        return Optional.empty();
    }

    void addProblem(YamlNode at, String atPath, String message) {
        problems.add(new Problem(at.location(), atPath, message));
    }

    /** Reports every key of the mapping that no reader asked for. */
    void finish() {
        mapping.keyLocations().forEach((key, location) -> {
            if (!known.contains(key)) {
                var expected = "expected one of " + known.stream().sorted().collect(Collectors.joining(", "));
                // A key known at another level was written at the wrong one, most often by an indentation mistake.
                problems.add(new Problem(location, child(key), StackFileModel.belongsElsewhere(key, path)
                        .map(where -> "the field '" + key + "' does not belong here: " + where + "; " + expected)
                        .orElse("unknown field '" + key + "'; " + DidYouMean.hint(key, known) + expected)));
            }
        });
    }
}
