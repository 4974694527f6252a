package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.spec.Location;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.TextFiles;
import dev.iapcloudrun.spec.YamlNode;
import dev.iapcloudrun.spec.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A file gcloud printed with {@code --format=json}, read with the project's one YAML reader (JSON is YAML), so that every
 * problem names the file, line and column.
 */
final class GcloudJson {

    /** gcloud's policies and descriptions are a few kilobytes; anything this large is not one of them. */
    static final int MAX_BYTES = 1 << 20;

    private GcloudJson() {}

    /** The document of {@code file}, or empty with the reason in {@code problems}. */
    static Optional<YamlNode.Mapping> read(Path file, String displayName, String expected, List<Problem> problems) {
        try {
            return parse(displayName, TextFiles.read(file, MAX_BYTES), expected, problems);
        } catch (TextFiles.Refused refused) {
            var failure = refused.failure();
            problems.add(new Problem(new Location(displayName, 1, 1), "", failure instanceof TextFiles.Failure.Unreadable u
                    ? "cannot read the file (" + u.describe() + "); expected " + expected
                    : failure instanceof TextFiles.Failure.TooLarge t ? "the file is " + t.bytes() + " bytes; expected " + expected
                    + ", a few kilobytes"
                    : "the file is not UTF-8 text; expected " + expected));
            return Optional.empty();
        }
    }

    static Optional<YamlNode.Mapping> parse(String displayName, String text, String expected, List<Problem> problems) {
        int before = problems.size();
        var root = YamlReader.read(displayName, text, expected, problems);
        if (problems.size() > before) {
            // The reader speaks of YAML; these files are JSON, which YAML reads, so its words fit all the same.
            problems.replaceAll(p -> p.message().startsWith("not valid YAML: ") ? new Problem(p.location(), p.path(),
                    "not valid JSON: " + p.message().substring("not valid YAML: ".length()) + "; expected " + expected) : p);
            return Optional.empty();
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(root == null ? new Location(displayName, 1, 1) : root.location(), "", "found "
                    + (root == null ? "nothing" : root.describe()) + " at the top of the file; expected " + expected));
            return Optional.empty();
        }
        return Optional.of(mapping);
    }

    /**
     * What {@code of} makes of the document {@code source} reads, when neither found a problem.
     *
     * @throws GcloudInputException with every problem of the file
     */
    static <T> T checked(Function<List<Problem>, Optional<YamlNode.Mapping>> source, BiFunction<YamlNode.Mapping, List<Problem>, T> of) {
        var problems = new ArrayList<Problem>();
        var value = source.apply(problems).map(root -> of.apply(root, problems));
        if (!problems.isEmpty() || value.isEmpty()) {
            throw new GcloudInputException(problems);
        }
        return value.get();
    }

    /** The text at {@code path}, or empty when absent; a value that is not text is a problem. */
    static Optional<String> text(YamlNode node, String path, List<Problem> problems, Object... steps) {
        var found = node.at(steps);
        if (found.isEmpty() || found.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL) {
            return Optional.empty();
        }
        if (found.get() instanceof YamlNode.Scalar s) {
            return Optional.of(s.text());
        }
        problems.add(new Problem(found.get().location(), path, "found " + found.get().describe() + "; expected a text"));
        return Optional.empty();
    }

    /** The list at {@code steps}, or empty when absent; anything else is a problem. */
    static List<YamlNode> list(YamlNode node, String path, List<Problem> problems, Object... steps) {
        var found = node.at(steps);
        if (found.isEmpty() || found.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL) {
            return List.of();
        }
        if (found.get() instanceof YamlNode.Sequence seq) {
            return seq.items();
        }
        problems.add(new Problem(found.get().location(), path, "found " + found.get().describe() + "; expected a list"));
        return List.of();
    }

    /** Where {@code steps} stands, or the top of {@code node} when it is absent. */
    static Location where(YamlNode node, Object... steps) {
        return node.at(steps).map(YamlNode::location).orElse(node.location());
    }
}
