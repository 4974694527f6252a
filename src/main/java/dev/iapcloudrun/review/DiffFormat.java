package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.review.PlanDiff.Action;
import dev.iapcloudrun.synth.StructJson;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three ways a diff is shown: text for a terminal, Markdown for a pull-request comment, JSON for tools. */
public enum DiffFormat {
    TEXT, MARKDOWN, JSON;

    /** GitHub refuses comments longer than this many characters. */
    public static final int GITHUB_COMMENT_LIMIT = 65_536;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public static DiffFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "'; expected text, markdown or json");
        }
    }

    /** The hidden line that identifies a stack's comment, so the workflow updates it instead of adding another. */
    public static String marker(String stack) {
        return "<!-- iap-cloudrun:diff stack=" + stack + " -->";
    }

    /**
     * @param rerun the command that shows the whole diff, named in the note of a truncated Markdown comment
     */
    public String render(PlanDiff diff, String rerun) {
        return switch (this) {
            case TEXT -> text(diff);
            case MARKDOWN -> markdown(diff, GITHUB_COMMENT_LIMIT, rerun);
            case JSON -> json(diff);
        };
    }

    static String summary(PlanDiff diff) {
        if (diff.isEmpty()) {
            return "no changes";
        }
        // Imports are named only when there are some, so that the summary of a stack that adopts nothing stays as it was.
        return diff.count(Action.ADD) + " to add, " + diff.count(Action.UPDATE) + " to update, "
                + diff.count(Action.REPLACE) + " to replace, " + diff.count(Action.DELETE) + " to delete"
                + (diff.count(Action.IMPORT) > 0 ? ", " + diff.count(Action.IMPORT) + " to import" : "");
    }

    static String text(PlanDiff diff) {
        var out = new StringBuilder("Stack " + diff.stack() + ": " + summary(diff) + ".\n");
        if (diff.isEmpty()) {
            return out.toString();
        }
        out.append("\nSecurity-relevant changes:\n");
        if (diff.findings().isEmpty()) {
            out.append("  none\n");
        }
        diff.findings().forEach(f -> out.append("  ! ").append(f.kind().id).append(": ").append(f.message()).append('\n'));
        var conditions = conditions(diff.findings());
        if (!conditions.isEmpty()) {
            out.append("  Conditions named above:\n");
            conditions.forEach(c -> out.append("    '").append(c.title()).append("' on ").append(c.service()).append(": ")
                    .append(c.before().map(b -> b + " → ").orElse("")).append(c.expression()).append('\n'));
        }
        out.append("\nResource changes:\n");
        diff.changes().forEach(c -> resourceLines(c).forEach(line -> out.append("  ").append(line).append('\n')));
        return out.toString();
    }

    /** Lines of one resource change: a heading line, then one line per changed input of an update or replacement. */
    private static List<String> resourceLines(PlanDiff.ResourceChange change) {
        var lines = new ArrayList<String>();
        var heading = change.action().symbol + " " + change.type() + " " + change.name();
        if (change.action() == Action.REPLACE) {
            heading += " (replaced: " + String.join(", ", change.replacedBecause()) + " changed)";
        }
        if (change.action() == Action.IMPORT) {
            heading += " (adopted: import " + change.importId() + ")";
        }
        lines.add(heading);
        if (change.action() == Action.UPDATE || change.action() == Action.REPLACE) {
            for (var p : change.properties()) {
                // Two secrets differ only in their fingerprints: the reviewer learns that it changed, never what it is.
                lines.add("    " + p.path() + ": " + (StructJson.isSecret(p.before()) && StructJson.isSecret(p.after())
                        ? "changed (secret)"
                        : change.type().equals(GcpTypes.RUN_SERVICE) && p.path().equals("ingress") ? ingress(p)
                        : value(p.before()) + " → " + value(p.after())));
            }
        }
        return lines;
    }

    /** In the stack file's words, which the reviewer wrote, then in the API's, which {@code pulumi preview} shows. */
    private static String ingress(PlanDiff.PropertyChange p) {
        return ingressWord(p.before()) + " → " + ingressWord(p.after()) + " (" + wire(p.before()) + " → " + wire(p.after()) + ")";
    }

    private static String ingressWord(JsonNode node) {
        return node.isTextual() && !node.asText().equals(StructJson.UNKNOWN) ? Grants.ServiceSettings.ingressWord(node.asText()) : value(node);
    }

    private static String wire(JsonNode node) {
        return node.isTextual() && !node.asText().equals(StructJson.UNKNOWN) ? node.asText() : value(node);
    }

    /**
     * A condition the findings name by title, shown once for all of them.
     *
     * @param before the base's expression, when the change alters it
     */
    record ConditionNote(String title, String service, Optional<String> before, String expression) {}

    /** Each condition the findings name, once: a stack has one condition per service and side, found by its title. */
    static List<ConditionNote> conditions(List<Finding> findings) {
        var bySide = new LinkedHashMap<List<String>, Map<Finding.Side, String>>();
        for (var f : findings) {
            for (var ref : f.conditions()) {
                bySide.computeIfAbsent(List.of(ref.condition().title(), ref.service()), k -> new EnumMap<>(Finding.Side.class))
                        .putIfAbsent(ref.side(), ref.condition().expression());
            }
        }
        var notes = new ArrayList<ConditionNote>();
        bySide.forEach((key, sides) -> {
            var head = sides.getOrDefault(Finding.Side.HEAD, sides.get(Finding.Side.BASE));
            var base = Optional.ofNullable(sides.get(Finding.Side.BASE)).filter(b -> !b.equals(head));
            notes.add(new ConditionNote(key.get(0), key.get(1), base, head));
        });
        return notes;
    }

    private static String value(JsonNode node) {
        if (node.isMissingNode()) {
            return "(none)";
        }
        return node.asText().equals(StructJson.UNKNOWN) ? "(known after deployment)" : node.toString();
    }

    static String markdown(PlanDiff diff, int limit, String rerun) {
        var head = new StringBuilder(marker(diff.stack())).append('\n')
                .append("### iap-cloudrun: stack `").append(code(diff.stack())).append("`\n\n")
                .append("**").append(summary(diff)).append("**\n");
        if (diff.isEmpty()) {
            return head.toString();
        }
        var open = "\n#### Resource changes (" + diff.changes().size() + ")\n\n<details><summary>Show resource changes</summary>\n\n```diff\n";
        var close = "```\n\n</details>\n";
        var out = head.append("\n#### Security-relevant changes (").append(diff.findings().size()).append(")\n\n");
        if (diff.findings().isEmpty()) {
            out.append("None: no grant, secret grant, runtime identity, IAP, invoker, ingress, OAuth or protection setting changes.\n");
        }
        var conditions = markdownConditions(diff.findings());
        // Security lines come first and are cut last: they are what a reviewer must not miss.
        int budget = limit - out.length() - open.length() - close.length() - conditions.length()
                - truncatedNote(diff.findings().size(), diff.findings().size(), diff.changes().size(), diff.changes().size(), rerun).length();
        int shownFindings = 0;
        for (var f : diff.findings()) {
            var line = "- **" + f.kind().id + "**: " + escape(f.message()) + "\n";
            if (line.length() > budget) {
                break;
            }
            out.append(line);
            budget -= line.length();
            shownFindings++;
        }
        out.append(conditions);
        var block = new StringBuilder();
        int shownResources = 0;
        for (var change : diff.changes()) {
            var lines = String.join("\n", resourceLines(change)) + "\n";
            if (lines.length() > budget) {
                break;
            }
            block.append(lines);
            budget -= lines.length();
            shownResources++;
        }
        if (shownResources > 0) {
            out.append(open).append(block).append(close);
        }
        if (shownFindings < diff.findings().size() || shownResources < diff.changes().size()) {
            out.append(truncatedNote(shownFindings, diff.findings().size(), shownResources, diff.changes().size(), rerun));
        }
        return out.toString();
    }

    /** The conditions the findings name, each with its expression once. */
    private static String markdownConditions(List<Finding> findings) {
        var notes = conditions(findings);
        if (notes.isEmpty()) {
            return "";
        }
        return notes.stream().map(c -> "- `" + code(c.title()) + "` on " + escape(c.service()) + ": "
                        + c.before().map(b -> "`" + code(b) + "` → ").orElse("") + "`" + code(c.expression()) + "`\n")
                .collect(Collectors.joining("", "\nConditions named above:\n\n", ""));
    }

    private static String truncatedNote(int shownFindings, int findings, int shownResources, int resources, String rerun) {
        return "\n> **Truncated**: showing " + shownFindings + " of " + findings + " security-relevant changes and "
                + shownResources + " of " + resources + " resource changes (GitHub comments are limited to "
                + GITHUB_COMMENT_LIMIT + " characters). For the whole diff, run `" + code(rerun) + "`.\n";
    }

    /** The file extension of a diff written in this format. */
    public String extension() {
        return switch (this) {
            case TEXT -> "txt";
            case MARKDOWN -> "md";
            case JSON -> "json";
        };
    }

    static String json(PlanDiff diff) {
        return write(jsonNode(diff));
    }

    /** Several stacks' diffs as one JSON array of the documents {@link #json(PlanDiff)} writes, in the same order. */
    static String json(List<PlanDiff> diffs) {
        var array = JsonNodeFactory.instance.arrayNode();
        diffs.forEach(diff -> array.add(jsonNode(diff)));
        return write(array);
    }

    private static ObjectNode jsonNode(PlanDiff diff) {
        var json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("stack", diff.stack());
        var summary = root.putObject("summary");
        for (var action : Action.values()) {
            if (action != Action.IMPORT || diff.count(action) > 0) {
                summary.put(action.label, diff.count(action));
            }
        }
        var findings = root.putArray("security");
        for (var f : diff.findings()) {
            var finding = findings.addObject().put("kind", f.kind().id).put("service", f.service()).put("message", f.message());
            var conditions = finding.putArray("conditions");
            f.conditions().forEach(c -> conditions.addObject().put("side", c.side().name().toLowerCase(Locale.ROOT))
                    .put("title", c.condition().title()).put("expression", c.condition().expression()));
        }
        var changes = root.putArray("changes");
        for (var c : diff.changes()) {
            var node = changes.addObject().put("action", c.action().label).put("urn", c.urn()).put("type", c.type()).put("name", c.name());
            var because = node.putArray("replacedBecause");
            c.replacedBecause().forEach(because::add);
            var properties = node.putArray("properties");
            for (var p : c.properties()) {
                var property = properties.addObject().put("path", p.path()).put("replaces", p.replaces());
                if (!p.before().isMissingNode()) {
                    property.set("before", p.before());
                }
                if (!p.after().isMissingNode()) {
                    property.set("after", p.after());
                }
            }
        }
        return root;
    }

    /** JSON as every report writes it: keys sorted, indented, a newline at the end. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Markdown-escapes plain text, so a principal or a CEL expression cannot turn into markup. */
    public static String escape(String text) {
        return text.chars().mapToObj(c -> "\\`*_[]<>|#~".indexOf(c) >= 0 ? "\\" + (char) c : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    /** Text inside a code span: a backtick would end it. */
    public static String code(String text) {
        return text.replace('`', '\'');
    }
}
