package dev.iapcloudrun;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.StackCheck;
import dev.iapcloudrun.spec.FileSection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code validate} found in each stack, in three forms: text for a terminal, JSON for tools, and GitHub
 * workflow commands, which GitHub shows as annotations on the pull request's changed lines.
 *
 * @param results         one per stack, in the order checked
 * @param projectProblems errors in the project's files that belong to no one stack (the promotion order)
 * @param strict          warnings were counted as errors
 */
record ValidationReport(List<Result> results, List<Problem> projectProblems, boolean strict) {

    ValidationReport {
        results = List.copyOf(results);
        projectProblems = List.copyOf(projectProblems);
    }

    /** One stack's file and what its check found. */
    record Result(String file, StackCheck check) {}

    enum Format {
        TEXT, JSON, GITHUB;

        static Optional<Format> parse(String name) {
            try {
                return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    long failed() {
        return results.stream().filter(r -> !r.check().errors().isEmpty()).count();
    }

    /** No stack has an error, and neither have the project's own files. */
    boolean passed() {
        return failed() == 0 && projectProblems.isEmpty();
    }

    int warnings() {
        return results.stream().mapToInt(r -> r.check().warnings().size()).sum();
    }

    String render(Format format) {
        return switch (format) {
            case TEXT -> text();
            case JSON -> json();
            case GITHUB -> github();
        };
    }

    /**
     * A line per stack, its problems below it, and a summary line. A stack with errors has a heading per file (its stack
     * file, its config), errors first, then its warnings: every warning the summary counts is printed.
     */
    private String text() {
        var text = new StringBuilder();
        projectProblems.stream().collect(Collectors.groupingBy(p -> p.location().file(), LinkedHashMap::new, Collectors.toList()))
                .forEach((file, problems) -> text.append(file).append(": ").append(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:")
                        .append(problems.stream().map(p -> "\n  " + p).collect(Collectors.joining())).append('\n'));
        for (var result : results) {
            var check = result.check();
            if (!check.errors().isEmpty()) {
                java.util.stream.Stream.concat(FileSection.of(check.errors(), "problem").stream(), FileSection.of(check.warnings(), "warning").stream())
                        .forEach(section -> text.append(section.file()).append(": ").append(section.text()).append('\n'));
            } else {
                text.append(result.file()).append(": ok")
                        .append(check.warnings().isEmpty() ? "" : ", " + check.warningText().stripTrailing()).append('\n');
            }
        }
        return text.append(summary()).append('\n').toString();
    }

    private String summary() {
        int stacks = results.size();
        int warnings = warnings();
        return "validated " + stacks + (stacks == 1 ? " stack" : " stacks") + ": " + failed() + " with errors, "
                + warnings + (warnings == 1 ? " warning" : " warnings") + (strict ? " (--strict: warnings count as errors)" : "")
                + (projectProblems.isEmpty() ? "" : ", " + projectProblems.size() + (projectProblems.size() == 1 ? " problem" : " problems")
                        + " in " + projectProblems.stream().map(p -> p.location().file()).distinct().collect(Collectors.joining(", ")));
    }

    /**
     * One workflow command per problem ({@code ::error file=…,line=…,col=…,title=…::message}), then the summary as a
     * notice. GitHub shows each as an annotation on that line of the pull request.
     */
    private String github() {
        var text = new StringBuilder();
        projectProblems.forEach(p -> text.append(annotation("error", p)));
        for (var result : results) {
            result.check().errors().forEach(p -> text.append(annotation("error", p)));
            result.check().warnings().forEach(p -> text.append(annotation("warning", p)));
        }
        return text.append("::notice title=iap-cloudrun validate::").append(escapeData(summary())).append('\n').toString();
    }

    private static String annotation(String level, Problem problem) {
        var location = problem.location();
        var title = "iap-cloudrun" + (problem.path().isEmpty() ? "" : ": " + problem.path());
        return "::" + level + " file=" + escapeProperty(location.file()) + ",line=" + location.line() + ",col=" + location.column()
                + ",title=" + escapeProperty(title) + "::" + escapeData(problem.message()) + "\n";
    }

    /** GitHub's escaping of a workflow command's message. */
    private static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a workflow command's property, where ':' and ',' separate. */
    private static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    private String json() {
        var writer = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(writer).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeArrayFieldStart("stacks");
            for (var result : results) {
                json.writeStartObject();
                json.writeStringField("file", result.file());
                json.writeBooleanField("ok", result.check().errors().isEmpty());
                problems(json, "errors", result.check().errors());
                problems(json, "warnings", result.check().warnings());
                json.writeEndObject();
            }
            json.writeEndArray();
            problems(json, "projectErrors", projectProblems);
            json.writeNumberField("failed", failed());
            json.writeNumberField("warnings", warnings());
            json.writeBooleanField("strict", strict);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer + "\n";
    }

    private static void problems(JsonGenerator json, String name, List<Problem> problems) throws IOException {
        json.writeArrayFieldStart(name);
        for (var problem : problems) {
            json.writeStartObject();
            json.writeStringField("file", problem.location().file());
            json.writeNumberField("line", problem.location().line());
            json.writeNumberField("column", problem.location().column());
            json.writeStringField("path", problem.path());
            json.writeStringField("message", problem.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
