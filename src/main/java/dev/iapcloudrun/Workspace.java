package dev.iapcloudrun;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.review.GitRevision;
import dev.iapcloudrun.review.IamTransition;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Location;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.StackCheck;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackSpec;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PulumiProject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The project folder the commands work on: its stacks, checked, synthesized, or taken from a git revision. */
record Workspace(Path root) {

    List<String> stacks() throws IOException {
        return PulumiProject.load(root).stacks();
    }

    /** Runs a stack's program offline. */
    Plan synth(String stack) throws IOException {
        return synth(stack, warning -> { });
    }

    /** Runs a stack's program offline, handing on the warnings it logs. */
    Plan synth(String stack, java.util.function.Consumer<String> warnings) throws IOException {
        var program = IapCloudRunProgram.prefetching(root, stack);
        var project = PulumiProject.load(root);
        var config = project.stackConfig(stack).orThrow();
        return OfflineEngine.synth(project.name(), stack, config.values(), config.secretKeys(), config.fingerprints(), program::run, warnings);
    }

    /** The stack's plan, or an empty one when the stack does not exist (yet, or any more). */
    Plan synthOrEmpty(String stack) throws IOException {
        return hasStack(stack) ? synth(stack) : empty(stack);
    }

    /** Whether the working tree has any of the stack's two files. */
    boolean hasStack(String stack) {
        return Files.exists(root.resolve("Pulumi." + stack + ".yaml")) || Files.exists(root.resolve(IapCloudRunProgram.stackFile(stack)));
    }

    /**
     * Each stack's plan at a git revision compared with the working tree's: {@code only} that stack, or every stack of
     * either side, those of {@link #stacks()} first in its order, then the others (removed since, or missing a file) by
     * name. A stack on one side only is all added or all deleted. The revision is read once, whatever the number of
     * stacks, and a bad stack does not hide the others: every one is reported, at once.
     */
    Map<String, PlanDiff> diffsAgainst(String ref, Optional<String> only) throws IOException {
        var copy = Files.createTempDirectory("iap-cloudrun-base-");
        try {
            var base = new Workspace(copy);
            var before = GitRevision.copyStacks(root, ref, copy);
            if (only.isPresent() && !hasStack(only.get()) && !before.contains(only.get())) {
                // A mistyped stack would otherwise read as "no changes", and a CI job would hide every real diff.
                throw new InputException("diff --stack " + only.get() + ": there is no stack '" + only.get()
                        + "' in the working tree or at " + ref + "; the stacks here are " + String.join(", ", stacks()));
            }
            var names = new LinkedHashSet<String>(only.map(List::of).orElseGet(() -> new ArrayList<>()));
            if (only.isEmpty()) {
                names.addAll(stacks());
                var others = new TreeSet<>(before);
                others.addAll(namedIn(root, "Pulumi.", ".yaml"));
                others.addAll(namedIn(root.resolve("stacks"), "", ".yaml"));
                names.addAll(others);
                if (names.isEmpty()) {
                    // Run from the wrong folder, a CI job would otherwise post nothing and pass.
                    throw new InputException("diff --base " + ref + ": there is no stack in " + root.toAbsolutePath().normalize()
                            + " or at " + ref + "; a stack is stacks/STACK.yaml with Pulumi.STACK.yaml beside Pulumi.yaml");
                }
            }
            var diffs = new LinkedHashMap<String, PlanDiff>();
            var problems = new ArrayList<String>();
            for (var stack : names) {
                try {
                    diffs.put(stack, PlanDiff.between(before.contains(stack) ? base.synth(stack) : empty(stack), synthOrEmpty(stack)));
                } catch (InputException | IOException e) {
                    if (only.isPresent()) {
                        throw e;
                    }
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new InputException(String.join("\n", problems));
            }
            return diffs;
        } finally {
            delete(copy);
        }
    }

    /** The middle part of the names of the files in {@code dir} that start with {@code prefix} and end with {@code suffix}. */
    private static List<String> namedIn(Path dir, String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.length() > prefix.length() + suffix.length() && n.startsWith(prefix) && n.endsWith(suffix))
                    .map(n -> n.substring(prefix.length(), n.length() - suffix.length())).toList();
        }
    }

    /** The stack as of a git revision, run by this program; empty when the stack did not exist then. */
    Plan synthAt(String ref, String stack) throws IOException {
        return atRevision(ref, stack, copy -> copy.isPresent() ? copy.get().synth(stack) : empty(stack));
    }

    /**
     * Checks a stack file and the config it relies on.
     *
     * @param baseRef a git revision whose version of the stack the warnings compare with
     */
    StackCheck check(String stack, Optional<String> baseRef) throws IOException {
        var project = PulumiProject.load(root);
        var config = project.stackConfig(stack);
        var defaults = new StackFileReader.Defaults(Optional.ofNullable(config.values().get("gcp:project")),
                Optional.ofNullable(config.values().get("gcp:region")), "Pulumi." + stack + ".yaml");
        Optional<StackSpec> base = baseRef.isEmpty() ? Optional.empty()
                : atRevision(baseRef.get(), stack, copy -> copy.isPresent() ? copy.get().check(stack, Optional.empty()).spec() : Optional.empty());
        var file = IapCloudRunProgram.stackFile(stack);
        var check = StackFileReader.check(root.resolve(file), file, defaults, base);
        if (!config.problems().isEmpty()) {
            var errors = new ArrayList<>(check.errors());
            errors.addAll(config.problems());
            check = new StackCheck(Optional.empty(), errors, check.warnings());
        }
        if (baseRef.isPresent() && check.errors().isEmpty()) {
            var errors = transitionProblems(StackFileReader.parse(root.resolve(file), file), check.spec().orElseThrow(),
                    synthAt(baseRef.get(), stack), synth(stack));
            check = new StackCheck(check.spec(), errors, check.warnings());
        }
        var client = check.spec().flatMap(StackSpec::oauthClient);
        if (client.isEmpty()) {
            return check;
        }
        var key = IapCloudRunProgram.fullKey(project.name(), client.get().clientSecretConfigKey());
        var problem = IapCloudRunProgram.secretConfigProblem(stack, client.get(), key, config.values().containsKey(key),
                config.secretKeys().contains(key));
        if (problem.isEmpty()) {
            return check;
        }
        var configFile = "Pulumi." + stack + ".yaml";
        var errors = new ArrayList<>(check.errors());
        errors.add(new Problem(new Location(configFile, lineOf(root.resolve(configFile), client.get().clientSecretConfigKey()), 1),
                "config." + key, problem.get()));
        return new StackCheck(Optional.empty(), errors, check.warnings());
    }

    /**
     * Refuses a change from {@code base} to {@code head} that the IAM model finds unsafe: someone loses access the new
     * stack declares (for a moment or for good), or keeps or gains access neither declares. Each problem is located at the
     * service's accessors, invokers or secrets, and says what to do instead.
     */
    static List<Problem> transitionProblems(StackFileReader.Parsed parsed, StackSpec spec, Plan base, Plan head) {
        var problems = new ArrayList<Problem>();
        var yaml = parsed.root().orElseThrow();
        IamTransition.explain(IamTransition.verdict(base, head)).forEach((policy, text) -> {
            var services = spec.services();
            int i = 0;
            while (i < services.size() && !services.get(i).name().equals(policy.service())) {
                i++;
            }
            Object[] path = i == services.size() ? new Object[] {"services"}
                    : new Object[] {"services", i, policy.kind().equals(IamTransition.PolicyKey.RUN) ? "invokers"
                            : policy.kind().equals(IamTransition.PolicyKey.SECRET) ? "secrets" : "accessors"};
            var node = yaml.at(path).or(() -> yaml.at(Arrays.copyOf(path, Math.min(2, path.length)))).orElse(yaml);
            var where = path.length == 1 ? "services" : "services[" + i + "]." + path[2];
            problems.add(new Problem(node.location(), where, "refused: this change is unsafe for access against the base "
                    + "revision, " + text));
        });
        return problems;
    }

    private Plan empty(String stack) throws IOException {
        return new Plan(PulumiProject.load(root).name(), stack, List.of(), JsonNodeFactory.instance.objectNode(), List.of());
    }

    private interface AtRevision<T> {
        T apply(Optional<Workspace> copy) throws IOException;
    }

    /** Runs {@code action} on a temporary copy of the stack's files at {@code ref}, or on nothing when it did not exist. */
    private <T> T atRevision(String ref, String stack, AtRevision<T> action) throws IOException {
        var copy = Files.createTempDirectory("iap-cloudrun-base-");
        try {
            return action.apply(GitRevision.copyStack(root, ref, stack, copy) ? Optional.of(new Workspace(copy)) : Optional.empty());
        } finally {
            delete(copy);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (var f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The line of a config file that names {@code key}, so an error about it can point there; 1 when not found. */
    private static int lineOf(Path file, String key) throws IOException {
        if (!Files.exists(file)) {
            return 1;
        }
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
