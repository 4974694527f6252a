package dev.iapcloudrun;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.review.GitRevision;
import dev.iapcloudrun.review.IamTransition;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.spec.DidYouMean;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Location;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.StackCheck;
import dev.iapcloudrun.spec.StackFileException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The project folder the commands work on: its stacks, checked, synthesized, or taken from a git revision. */
record Workspace(Path root) {

    private static final String GCP_PROJECT = "gcp:project";
    private static final String GCP_REGION = "gcp:region";

    List<String> stacks() throws IOException {
        return PulumiProject.load(root).stacks();
    }

    /** Runs a stack's program offline. */
    Plan synth(String stack) throws IOException {
        return synthesize(stack, warning -> { }).plan();
    }

    /** A stack's plan and the stack as its file declares it, which the plan does not hold all of (its audience, say). */
    record Synthesized(Plan plan, StackSpec spec) {}

    /**
     * Runs a stack's program offline, handing on the warnings it logs. A stack that cannot be planned is refused with
     * the errors {@link #check} finds, those of its config together with those of its stack file.
     */
    Plan synth(String stack, java.util.function.Consumer<String> warnings) throws IOException {
        return synthesize(stack, warnings).plan();
    }

    /** As {@link #synth(String, java.util.function.Consumer)}, with the stack the program declared. */
    Synthesized synthesize(String stack, java.util.function.Consumer<String> warnings) throws IOException {
        var program = IapCloudRunProgram.prefetching(root, stack);
        var project = PulumiProject.load(root);
        var config = project.stackConfig(stack);
        if (!config.problems().isEmpty()) {
            throw refusal(stack, Optional.empty());
        }
        Plan plan;
        try {
            plan = OfflineEngine.synth(project.name(), stack, config.values(), config.secretKeys(), config.fingerprints(), program::run, warnings);
        } catch (InputException e) {
            // The program sees config values, not the file they stand in: the check locates its refusal there.
            throw refusal(stack, Optional.of(e));
        }
        // The program checked the stack file; only the config file's keys (a misspelt one, say) are left to check, and
        // the plan is not handed out when they are wrong.
        var spec = program.declared().orElseThrow(() -> new IllegalStateException("the program of stack '" + stack + "' declared nothing"));
        var keyProblems = configKeyProblems(stack, project.name(), config, Optional.of(spec));
        if (!keyProblems.isEmpty()) {
            throw new StackFileException(keyProblems);
        }
        return new Synthesized(plan, spec);
    }

    /** The stack's located errors, or {@code otherwise} when the check finds none. */
    private InputException refusal(String stack, Optional<InputException> otherwise) throws IOException {
        var errors = check(stack, Optional.empty()).errors();
        if (errors.isEmpty()) {
            return otherwise.orElseThrow(() -> new IllegalStateException("the stack '" + stack + "' was refused without an error"));
        }
        return new StackFileException(errors);
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
        var configFile = "Pulumi." + stack + ".yaml";
        var defaults = new StackFileReader.Defaults(Optional.ofNullable(config.values().get(GCP_PROJECT)),
                Optional.ofNullable(config.values().get(GCP_REGION)), configFile, config.keyLocations(), config.readable());
        Optional<StackSpec> base = baseRef.isEmpty() ? Optional.empty()
                : atRevision(baseRef.get(), stack, copy -> copy.isPresent() ? copy.get().check(stack, Optional.empty()).spec() : Optional.empty());
        var file = IapCloudRunProgram.stackFile(stack);
        var check = StackFileReader.check(root.resolve(file), file, defaults, base);
        var configErrors = new ArrayList<>(config.problems());
        if (config.readable()) {
            configErrors.addAll(configKeyProblems(stack, project.name(), config, check.spec()));
        }
        if (!configErrors.isEmpty()) {
            var errors = new ArrayList<>(check.errors());
            errors.addAll(configErrors);
            return new StackCheck(Optional.empty(), errors, check.warnings());
        }
        if (baseRef.isPresent() && check.errors().isEmpty()) {
            var errors = transitionProblems(StackFileReader.parse(root.resolve(file), file), check.spec().orElseThrow(),
                    synthAt(baseRef.get(), stack), synth(stack));
            check = new StackCheck(check.spec(), errors, check.warnings());
        }
        return check;
    }

    /**
     * What is wrong with the keys of a readable config: the OAuth client secret's key missing or in plain text, and a
     * key that nothing reads but that is a typo away from one the stack needs and lacks ({@code gcp:projet}). Each is
     * located at its key; a missing key at the key that looks like its misspelling, which the message suggests.
     */
    private static List<Problem> configKeyProblems(String stack, String projectName, PulumiProject.StackConfig config,
                                                   Optional<StackSpec> spec) {
        var problems = new ArrayList<Problem>();
        var configFile = "Pulumi." + stack + ".yaml";
        var top = new Location(configFile, 1, 1);
        var read = new TreeSet<>(List.of(GCP_PROJECT, GCP_REGION));
        var client = spec.flatMap(StackSpec::oauthClient);
        var suggested = new HashSet<String>();
        client.ifPresent(c -> {
            var key = IapCloudRunProgram.fullKey(projectName, c.clientSecretConfigKey());
            read.add(key);
            IapCloudRunProgram.secretConfigProblem(stack, c, key, config.values().containsKey(key), config.secretKeys().contains(key))
                    .ifPresent(problem -> {
                        var misspelt = config.values().containsKey(key) ? Optional.<String>empty() : DidYouMean.closest(key,
                                config.values().keySet().stream().filter(k -> !k.equals(GCP_PROJECT) && !k.equals(GCP_REGION)).toList());
                        misspelt.ifPresent(suggested::add);
                        problems.add(new Problem(misspelt.or(() -> Optional.of(key)).map(config.keyLocations()::get).orElse(top),
                                "config." + key, problem + misspelt.map(k -> "; or did you mean '" + k + "', which the config has? "
                                        + "then correct whichever of the two keys is misspelt").orElse("")));
                    });
        });
        var absent = read.stream().filter(k -> !config.values().containsKey(k)).toList();
        config.values().keySet().stream().filter(k -> !read.contains(k) && !suggested.contains(k)).forEach(key ->
                DidYouMean.closest(key, absent).ifPresent(meant -> problems.add(new Problem(config.keyLocations().getOrDefault(key, top),
                        "config." + key, "the config key '" + key + "' is read by nothing; did you mean '" + meant + "'? expected "
                                + meant + ", which the stack reads and the config lacks"))));
        return problems;
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
}
