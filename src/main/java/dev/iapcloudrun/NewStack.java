package dev.iapcloudrun;

import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackSpec;
import dev.iapcloudrun.spec.YamlNode;
import dev.iapcloudrun.synth.AtomicFile;
import dev.iapcloudrun.synth.PulumiProject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new environment: {@code stacks/NAME.yaml} and {@code Pulumi.NAME.yaml}, either with one minimal service or with the
 * services of an existing stack moved to the new project. Both files are checked by the one validator before either is
 * written, so the new stack validates and synthesizes as it stands; an existing file is never overwritten. No secret is
 * ever written: a stack whose OAuth client needs one gets the command that stores it encrypted.
 */
final class NewStack {

    static final String SCHEMA_MODELINE = "# yaml-language-server: $schema=./stack-file.schema.json";
    /**
     * Stricter than Pulumi's own rule: the name is also part of file names, of every URN, and the value of a copied
     * {@code env} label, which GCP's label rules limit to lower-case letters, digits, hyphens and underscores.
     */
    private static final Pattern STACK_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    /**
     * What was written and what is left to do.
     *
     * @param warnings the new stack file's warnings, as {@code validate} reports them
     * @param next     the commands that complete the environment, in order
     */
    record Created(List<String> files, List<Problem> warnings, List<String> next) {}

    private NewStack() {}

    static Created create(Path root, String name, String project, String region, Optional<String> from) throws IOException {
        var workspace = new Workspace(root);
        var pulumiProject = PulumiProject.load(root);
        var problems = new ArrayList<String>();
        var stackFile = IapCloudRunProgram.stackFile(name);
        var configFile = "Pulumi." + name + ".yaml";
        boolean nameOk = STACK_NAME.matcher(name).matches();
        if (!nameOk) {
            problems.add("stack name \"" + name + "\": expected 1 to 63 lower-case letters, digits or hyphens, starting with a "
                    + "letter (the name is part of the stack's file names and URNs, and its env label)");
        } else {
            for (var file : List.of(stackFile, configFile)) {
                if (Files.exists(root.resolve(file))) {
                    problems.add(file + " already exists; new-stack never overwrites a file: choose another name, or edit the "
                            + "stack that is there");
                }
            }
        }
        Optional<Source> source = Optional.empty();
        if (from.isPresent()) {
            source = source(workspace, from.get(), project, problems);
        }
        var text = source.map(s -> s.copy(name, project, region)).orElseGet(() -> minimal(name, project, region));
        var check = StackFileReader.check(stackFile, text, new StackFileReader.Defaults(Optional.of(project), Optional.of(region),
                configFile), Optional.empty());
        for (var error : check.errors()) {
            if (!nameOk && error.path().startsWith("labels.")) {
                continue; // the env label is the stack's name, which is already reported
            }
            // The file is not written yet, so a problem of the values given on the command line names the option.
            problems.add(switch (error.path()) {
                case "project" -> "--project " + project + ": " + error.message();
                case "region" -> "--region " + region + ": " + error.message();
                default -> error.toString();
            });
        }
        if (!problems.isEmpty()) {
            throw new InputException("new-stack " + name + ": " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                    + ", nothing written:\n  " + String.join("\n  ", problems));
        }
        var config = "config:\n  gcp:project: " + project + "\n  gcp:region: " + region + "\n";
        AtomicFile.write(root.resolve(stackFile), text);
        try {
            AtomicFile.write(root.resolve(configFile), config);
        } catch (IOException e) {
            // Both files or neither: a stack file without its config is not a stack any command lists.
            Files.deleteIfExists(root.resolve(stackFile));
            throw e;
        }
        var next = new ArrayList<String>();
        next.add("pulumi stack init " + name + "   (keeps " + configFile + ")");
        check.spec().flatMap(StackSpec::oauthClient).ifPresent(client -> next.add(IapCloudRunProgram.secretConfigProblem(name, client,
                IapCloudRunProgram.fullKey(pulumiProject.name(), client.clientSecretConfigKey()), false, false).orElseThrow()));
        next.add("java -jar target/iap-cloudrun.jar validate --stack " + name);
        next.add("./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true   (then review src/test/resources/plans/" + name + ".json)");
        return new Created(List.of(stackFile, configFile), check.warnings(), next);
    }

    /** One service, Google's sample image, behind IAP with nobody admitted yet: the safe start. */
    private static String minimal(String name, String project, String region) {
        return SCHEMA_MODELINE + "\n"
                + "# Stack " + name + ", written by new-stack. Every field: README.md, \"Stack files\".\n"
                + "project: " + project + "\n"
                + "region: " + region + "\n"
                + "labels:\n"
                + "  env: " + name + "\n"
                + "\n"
                + "services:\n"
                + "  - name: hello\n"
                + "    # Google's sample; replace it with your image, pinned by digest (IMAGE@sha256:DIGEST).\n"
                + "    image: us-docker.pkg.dev/cloudrun/container/hello\n"
                + "    # IAP is on and admits nobody yet: name who may reach the service.\n"
                + "    # accessors:\n"
                + "    #   mode: authoritative\n"
                + "    #   members:\n"
                + "    #     - group:TEAM@example.com\n";
    }

    /** The stack a new one is copied from: its name, its file's text and tree, and its validated spec. */
    private record Source(String stack, String text, YamlNode.Mapping root, StackSpec spec) {

        /**
         * The source's file for another environment: the new project and region in place of the old ones, no project
         * number (it names the old project, and a wrong one would grant another project's IAP agent), an {@code env}
         * label naming the source renamed, and every other mention of the old project (runtime identities, secrets,
         * images in its registry) moved to the new one, so that the copy reaches into no other environment's project.
         */
        String copy(String name, String project, String region) {
            var lines = new ArrayList<>(text.lines().toList());
            var edits = new ArrayList<Edit>();
            root.at("project").ifPresent(node -> edits.add(Edit.replace(node, project)));
            root.at("region").ifPresent(node -> edits.add(Edit.replace(node, region)));
            if (root.at("labels").orElse(null) instanceof YamlNode.Mapping labels) {
                labels.entries().values().stream().filter(v -> v instanceof YamlNode.Scalar s && s.text().equals(stack))
                        .forEach(v -> edits.add(Edit.replace(v, name)));
            }
            if (root.entries().get("projectNumber") instanceof YamlNode.Scalar number
                    && number.location().line() == root.keyLocations().get("projectNumber").line()) {
                edits.add(new Edit(number.location().line(), 0, null));
            }
            edits.sort(Comparator.comparingInt(Edit::line).thenComparingInt(Edit::column).reversed());
            for (var edit : edits) {
                edit.apply(lines);
            }
            // The comment at the top describes the source environment; the rest of the comments explain the services.
            int first = lines.isEmpty() || !lines.get(0).equals(SCHEMA_MODELINE) ? 0 : 1;
            while (first < lines.size() && lines.get(first).startsWith("#")) {
                lines.remove(first);
            }
            lines.add(first, "# Stack " + name + ", copied from " + IapCloudRunProgram.stackFile(stack)
                    + " by new-stack: review each service, its accessors and secrets before the first pulumi up.");
            if (first == 0) {
                lines.add(0, SCHEMA_MODELINE);
            }
            var copied = String.join("\n", lines) + "\n";
            return Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(spec.project()) + "(?![a-z0-9-])").matcher(copied)
                    .replaceAll(Matcher.quoteReplacement(project));
        }
    }

    /** A change to one line: a scalar replaced by another value, or (with a null value) the whole line removed. */
    private record Edit(int line, int column, String value) {

        static Edit replace(YamlNode node, String value) {
            return new Edit(node.location().line(), node.location().column(), value);
        }

        void apply(List<String> lines) {
            if (value == null) {
                lines.remove(line - 1);
                return;
            }
            var text = lines.get(line - 1);
            int start = column - 1;
            int end;
            char quote = text.charAt(start);
            if (quote == '"' || quote == '\'') {
                end = text.indexOf(quote, start + 1) + 1;
            } else {
                end = start;
                while (end < text.length() && " ,}]#".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
            }
            lines.set(line - 1, text.substring(0, start) + value + text.substring(end));
        }
    }

    /** The stack to copy, or a problem saying why it cannot be copied. */
    private static Optional<Source> source(Workspace workspace, String from, String project, List<String> problems) throws IOException {
        var stacks = workspace.stacks();
        if (!stacks.contains(from)) {
            problems.add("--from " + from + ": there is no stack '" + from + "' (with stacks/" + from + ".yaml and Pulumi." + from
                    + ".yaml); the stacks here are " + String.join(", ", stacks));
            return Optional.empty();
        }
        var check = workspace.check(from, Optional.empty());
        if (check.spec().isEmpty()) {
            problems.add("--from " + from + ": the stack has " + check.errors().size() + " error(s) and cannot be copied; see "
                    + "java -jar target/iap-cloudrun.jar validate --stack " + from);
            return Optional.empty();
        }
        var spec = check.spec().get();
        if (spec.project().equals(project)) {
            problems.add("--project " + project + ": the project of stack '" + from + "'; two stacks would manage the same "
                    + "services, runtime identities and grants: expected the new environment's own project");
            return Optional.empty();
        }
        var file = workspace.root().resolve(IapCloudRunProgram.stackFile(from));
        var parsed = StackFileReader.parse(file, IapCloudRunProgram.stackFile(from));
        return Optional.of(new Source(from, Files.readString(file), (YamlNode.Mapping) parsed.root().orElseThrow(), spec));
    }
}
