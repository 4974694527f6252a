package dev.iapcloudrun;

import dev.iapcloudrun.adopt.ImportFile;
import dev.iapcloudrun.plugin.ComponentPlugin;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.program.PulumiEntryPoint;
import dev.iapcloudrun.review.AccessReport;
import dev.iapcloudrun.review.DiffFormat;
import dev.iapcloudrun.review.GitRevision;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.review.StackDiffs;
import dev.iapcloudrun.spec.DidYouMean;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.synth.AtomicFile;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.PulumiProject;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Entry point. Without arguments it is a Pulumi program, run by the Pulumi CLI's language host
 * ({@code pulumi preview}, {@code pulumi up}). With a command it runs the same program offline; the command line is
 * parsed by picocli, so that help, version, "did you mean" and shell completion behave as in the tools people know.
 * With an engine address alone it is the components' plugin ({@link ComponentPlugin}).
 */
@Command(name = "iap-cloudrun", mixinStandardHelpOptions = true, versionProvider = Versions.class, synopsisHeading = "usage: ",
        description = "Cloud Run services behind Identity-Aware Proxy, one Pulumi stack per environment: plans, reviews and "
                + "checks offline, with no cloud credentials.",
        subcommands = {Main.Synth.class, Main.Diff.class, Main.Validate.class, Main.Access.class, Main.NewStackCommand.class,
                AdoptCommands.Init.class, AdoptCommands.Report.class, Main.ImportFileCommand.class, Main.Bench.class, Main.Completion.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Without a command, the jar is the Pulumi program that 'pulumi preview' and 'pulumi up' run."})
public final class Main {

    static final int OK = 0;
    /** {@code diff --exit-code} found changes; otherwise a failure that is not the input's fault. */
    static final int CHANGES_OR_FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String JAR = "java -jar target/iap-cloudrun.jar";

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR (the project folder, with Pulumi.yaml), like git -C.")
    Path directory;

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;

    private Main(Path root, PrintStream out, PrintStream err) {
        this.root = root;
        this.out = out;
        this.err = err;
    }

    /** The folder relative paths are resolved against: the caller's, or {@code -C}'s. */
    Path root() {
        return directory == null ? root : root.resolve(directory);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        useAPooledAsyncExecutor();
        if (ComponentPlugin.isPluginInvocation(List.of(args))) {
            // Started by the Java language host as the components' plugin (PulumiPlugin.yaml).
            ComponentPlugin.serve(args);
            return;
        }
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") == null) {
            System.err.println("no Pulumi engine to talk to: without arguments this jar is the Pulumi program that "
                    + "'pulumi preview' and 'pulumi up' run; to see a stack's plan offline, use synth");
            commandLine(Path.of(""), System.out, System.err).usage(System.err);
            System.exit(BAD_INPUT);
        }
        if (args.length == 0) {
            // The language host names the project's folder (where Pulumi.yaml and stacks/ are).
            var root = Optional.ofNullable(System.getenv("PULUMI_ROOT_DIRECTORY")).filter(dir -> !dir.isEmpty())
                    .map(Path::of).orElse(Path.of(""));
            var stack = Optional.ofNullable(System.getenv("PULUMI_STACK")).filter(name -> !name.isEmpty());
            var program = stack.isPresent() ? IapCloudRunProgram.prefetching(root, stack.get()) : new IapCloudRunProgram(root);
            PulumiEntryPoint.run(program::run);
            return;
        }
        System.exit(run(List.of(args), Path.of(""), System.out, System.err));
    }

    /**
     * With fewer than three CPUs the JDK gives the common pool one worker, and {@code CompletableFuture} then runs
     * every async task on a new thread. The Pulumi SDK polls for finished work with an async task that reschedules
     * itself, so on a two-CPU machine a synth created a thread per poll, thousands of them for a large stack. Two
     * pooled workers keep that on two threads. Set before anything touches the pool; an explicit setting wins.
     */
    public static void useAPooledAsyncExecutor() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() < 3) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** Runs a command; returns the process exit code. */
    static int run(List<String> args, Path root, PrintStream out, PrintStream err) {
        return commandLine(root, out, err).execute(args.toArray(String[]::new));
    }

    /** The command line with every command, its streams, and the exit codes of the README. */
    static CommandLine commandLine(Path root, PrintStream out, PrintStream err) {
        var commandLine = new CommandLine(new Main(root, out, err));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd));
        commandLine.setAbbreviatedOptionsAllowed(false);
        return commandLine;
    }

    /**
     * A mistake in the command line: what is wrong, a "did you mean" where a known command or option is close, and the
     * command's usage; exit 2. An unknown option is named first, even when it left a required one missing.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        var cmd = e.getCommandLine();
        var err = cmd.getErr();
        var unknownOption = cmd.getUnmatchedArguments().stream().filter(arg -> arg.startsWith("-")).findFirst();
        if (cmd.getParent() == null && e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            var typed = unmatched.getUnmatched().get(0);
            err.println("unknown command '" + typed + "'" + DidYouMean.closest(typed, cmd.getSubcommands().keySet())
                    .map(known -> "; did you mean '" + known + "'?").orElse(""));
        } else if (unknownOption.isPresent()) {
            var typed = unknownOption.get().split("=", 2)[0];
            err.println("unknown option '" + typed + "' for " + cmd.getCommandName()
                    + DidYouMean.closest(typed, cmd.getCommandSpec().optionsMap().keySet())
                    .map(known -> "; did you mean '" + known + "'?").orElse(""));
        } else {
            err.println(e.getMessage());
        }
        cmd.usage(err);
        return BAD_INPUT;
    }

    /** What a command's failure means: the input's fault (exit 2, the message alone) or not (exit 1). */
    private static int failure(Exception e, CommandLine cmd) {
        var err = cmd.getErr();
        if (e instanceof InputException || e instanceof IOException) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof UncheckedIOException unchecked) {
            err.println(unchecked.getCause().getMessage());
            return BAD_INPUT;
        }
        if (e instanceof com.pulumi.exceptions.RunException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println(cmd.getCommandName() + " failed: " + e.getMessage());
            return CHANGES_OR_FAILED;
        }
        throw new IllegalStateException(e);
    }

    /** A mistake found after parsing, such as options that only make sense together. */
    private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Command(name = "synth", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = "Run the stack's program offline and print (or write) its plan as JSON. The stack's warnings go to stderr.")
    static final class Synth implements Callable<Integer> {
        @ParentCommand Main main;
        @Option(names = "--stack", required = true, paramLabel = "STACK", description = "The stack (stacks/STACK.yaml and Pulumi.STACK.yaml).")
        String stack;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the plan to FILE, whole or not at all, instead of printing it.")
        String out;

        @Override
        public Integer call() throws IOException {
            var plan = main.synthesize(stack);
            main.emit(PlanJson.write(plan), out, () -> "wrote the plan of stack '" + stack + "' (" + plan.resources().size()
                    + " resources) to " + out);
            return OK;
        }
    }

    @Command(name = "import-file", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Write Pulumi's bulk import file (pulumi import --file) of what the stack adopts (adopt: true).",
                    "Each resource's type, import ID, parent and provider version, named as the program names it."})
    static final class ImportFileCommand implements Callable<Integer> {
        @ParentCommand Main main;
        @Option(names = "--stack", required = true, paramLabel = "STACK", description = "The stack (stacks/STACK.yaml and Pulumi.STACK.yaml).")
        String stack;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the file to FILE, whole or not at all, instead of printing it.")
        String out;

        @Override
        public Integer call() throws IOException {
            var plan = main.synthesize(stack);
            var file = ImportFile.of(plan, IapCloudRunProgram.stackFile(stack));
            main.emit(ImportFile.write(file), out, () -> "wrote the import file of stack '" + stack + "' (" + file.path("resources").size()
                    + " entries) to " + out + "; import with: pulumi import --file " + out + " --stack " + stack
                    + " --protect=false --generate-code=false");
            return OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, synopsisHeading = "",
            customSynopsis = {"usage: iap-cloudrun diff [OPTIONS] BASE.json HEAD.json",
                    "   or: iap-cloudrun diff [OPTIONS] [--stack=STACK] --base=GIT-REF"},
            description = {"Compare two plans, or the stack at GIT-REF with the working tree; security-relevant changes first.",
                    "Without --stack, every stack of GIT-REF or the working tree, in one process."})
    static final class Diff implements Callable<Integer> {
        @ParentCommand Main main;
        @Spec CommandSpec spec;
        @Parameters(arity = "0..2", paramLabel = "PLAN", description = "Two plan files written by synth: the base, then the head.")
        List<String> plans = new ArrayList<>();
        @Option(names = "--stack", paramLabel = "STACK", description = "The stack to compare with its files at --base (default: every stack).")
        String stack;
        @Option(names = "--base", paramLabel = "GIT-REF", description = "The git revision (branch, tag or commit) to compare with.")
        String base;
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), markdown or json.")
        String format;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the diff to FILE instead of printing it.")
        String out;
        @Option(names = "--out-dir", paramLabel = "DIR", description = "Write each stack's diff to DIR/STACK.md (.txt, .json) instead of printing it.")
        String outDir;
        @Option(names = "--exit-code", description = "Exit with 1 when anything changes (0 when nothing does, 2 for bad input).")
        boolean exitCode;

        @Override
        public Integer call() throws IOException {
            DiffFormat diffFormat;
            try {
                diffFormat = DiffFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw usage(spec, e.getMessage());
            }
            if (out != null && outDir != null) {
                throw usage(spec, "diff writes one file (--out FILE) or one file per stack (--out-dir DIR), not both");
            }
            var root = main.root();
            var diffs = new ArrayList<StackDiffs.StackDiff>();
            if (base != null) {
                if (!plans.isEmpty()) {
                    throw usage(spec, "diff takes two plan files or --base GIT-REF, not both");
                }
                new Workspace(root).diffsAgainst(base, Optional.ofNullable(stack)).values().forEach(diff ->
                        diffs.add(new StackDiffs.StackDiff(diff, JAR + " diff --stack " + diff.stack() + " --base " + base)));
            } else {
                if (stack != null) {
                    throw usage(spec, "diff compares a stack with a git revision: it needs both --stack STACK and --base GIT-REF");
                }
                if (plans.size() != 2) {
                    throw usage(spec, "diff needs two plan files (BASE.json HEAD.json), or --base GIT-REF (with --stack STACK for one stack)");
                }
                diffs.add(new StackDiffs.StackDiff(PlanDiff.between(PlanJson.read(root.resolve(plans.get(0))),
                        PlanJson.read(root.resolve(plans.get(1)))), JAR + " diff " + plans.get(0) + " " + plans.get(1)));
            }
            var all = new StackDiffs(diffs);
            if (outDir != null) {
                all.write(diffFormat, root, outDir).forEach(file -> main.err().println("wrote " + file));
            } else {
                // One stack asked for, or two plans: what they always printed, for JSON one object rather than an array.
                main.emit(stack != null || base == null ? diffFormat.render(diffs.get(0).diff(), diffs.get(0).rerun())
                        : all.render(diffFormat), out);
            }
            return exitCode && all.anyChanges() ? CHANGES_OR_FAILED : OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Check stack files and their config (every stack unless --stack). Exit 2 when a stack has an error.",
                    "--format github prints workflow annotations, so that problems show on the pull request's lines."})
    static final class Validate implements Callable<Integer> {
        @ParentCommand Main main;
        @Spec CommandSpec spec;
        @Option(names = "--stack", paramLabel = "STACK", description = "Check only this stack.")
        String stack;
        @Option(names = "--strict", description = "Warnings count as errors.")
        boolean strict;
        @Option(names = "--base", paramLabel = "GIT-REF", description = "Also compare with the stacks at GIT-REF: refuse a change that loses access.")
        String base;
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or github.")
        String format;

        @Override
        public Integer call() throws IOException {
            var report = ValidationReport.Format.parse(format).orElseThrow(() ->
                    usage(spec, "unknown format '" + format + "' for validate; expected text, json or github"));
            var workspace = new Workspace(main.root());
            var project = PulumiProject.load(main.root());
            // Validate reports a malformed promotion order with the stacks' problems instead of stopping at it.
            var order = project.promotionOrder();
            var unordered = project.unordered();
            var stacks = stack != null ? List.of(stack) : order.sort(unordered);
            var results = new ArrayList<ValidationReport.Result>();
            for (var s : stacks) {
                var check = workspace.check(s, Optional.ofNullable(base));
                results.add(new ValidationReport.Result(IapCloudRunProgram.stackFile(s), strict ? check.strict() : check));
            }
            var result = new ValidationReport(results, stack != null ? List.of() : order.check(unordered), strict);
            main.out().print(result.render(report));
            main.out().flush();
            return result.passed() ? OK : BAD_INPUT;
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = "Who can reach which service, per environment (every stack unless --stack).")
    static final class Access implements Callable<Integer> {
        @ParentCommand Main main;
        @Spec CommandSpec spec;
        @Option(names = "--stack", paramLabel = "STACK", description = "Report only this stack.")
        String stack;
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", description = "markdown (default) or html.")
        String format;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of printing it.")
        String out;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("markdown") && !format.equals("html")) {
                throw usage(spec, "unknown format '" + format + "' for access; expected markdown or html");
            }
            var workspace = new Workspace(main.root());
            var stacks = stack != null ? List.of(stack) : workspace.stacks();
            var environments = new ArrayList<AccessReport.Environment>();
            for (var s : stacks) {
                // The plan does not hold the audience; the stack file, which synth has just accepted, does.
                var synthesized = workspace.synthesize(s, warning -> { });
                environments.add(AccessReport.Environment.of(synthesized.plan(), synthesized.spec().audience()));
            }
            var report = new AccessReport(environments);
            main.emit(format.equals("html") ? report.html(GitRevision.provenance(main.root())) : report.markdown(), out);
            return OK;
        }
    }

    @Command(name = "new-stack", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Write a new environment: stacks/NAME.yaml and Pulumi.NAME.yaml, checked like validate, never over an "
                    + "existing file.",
                    "Without --from, one service behind IAP that admits nobody yet; with --from, that stack's services moved to "
                    + "PROJECT. Writes no secret: it prints the command that stores one."})
    static final class NewStackCommand implements Callable<Integer> {
        @ParentCommand Main main;
        @Parameters(paramLabel = "NAME", description = "The new stack: lower-case letters, digits and hyphens.")
        String name;
        @Option(names = "--project", required = true, paramLabel = "PROJECT_ID", description = "The stack's Google Cloud project (gcp:project).")
        String project;
        @Option(names = "--region", required = true, paramLabel = "REGION", description = "Where its services run (gcp:region).")
        String region;
        @Option(names = "--from", paramLabel = "STACK", description = "Copy this stack's services, moved to PROJECT.")
        String from;

        @Override
        public Integer call() throws IOException {
            var created = NewStack.create(main.root(), name, project, region, Optional.ofNullable(from));
            var out = main.out();
            out.println("wrote " + String.join(" and ", created.files()));
            created.warnings().forEach(warning -> out.println("warning: " + warning));
            out.println("next:");
            created.next().forEach(step -> out.println("  " + step));
            out.flush();
            return OK;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Synth and diff timings against the SDK's bare in-process engine (the floor), and start-up times.",
                    "Run from the project folder. A run that takes longer than --deadline seconds ends the bench (exit 1)."})
    static final class Bench implements Callable<Integer> {
        @ParentCommand Main main;
        @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "10,100,1000", description = "Stack sizes in services (default: 10,100,1000).")
        List<Integer> sizes;
        @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Measured rounds (default: 5).")
        int runs;
        @Option(names = "--warmups", paramLabel = "N", defaultValue = "3", description = "Warm-up rounds (default: 3).")
        int warmups;
        @Option(names = "--startup-runs", paramLabel = "N", defaultValue = "11", description = "Processes per start-up figure; 0 skips them (default: 11).")
        int startupRuns;
        @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "120", description = "How long any one run may take (default: 120).")
        int deadline;
        @Option(names = "--no-maven", description = "Skip the start-up through Maven.")
        boolean noMaven;

        @Override
        public Integer call() {
            try {
                new dev.iapcloudrun.bench.Bench(main.out(), runs, warmups, startupRuns, !noMaven, Duration.ofSeconds(deadline)).run(sizes);
            } catch (dev.iapcloudrun.bench.Bench.DeadlineMissed e) {
                main.err().println("bench: " + e.getMessage());
                return CHANGES_OR_FAILED;
            }
            return OK;
        }
    }

    @Command(name = "completion", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Print a completion script for bash and zsh.",
                    "Install it with: source <(java -jar target/iap-cloudrun.jar completion)"})
    static final class Completion implements Callable<Integer> {
        @ParentCommand Main main;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            main.out().print(AutoComplete.bash("iap-cloudrun", spec.parent().commandLine()));
            main.out().flush();
            return OK;
        }
    }

    PrintStream out() {
        return out;
    }

    /** The stack's plan as the program makes it; the program validates the stack file itself, and its warnings go to stderr, as under pulumi up. */
    Plan synthesize(String stack) throws IOException {
        var warnings = new ArrayList<String>();
        var plan = new Workspace(root()).synth(stack, warnings::add);
        warnings.forEach(warning -> err().println("warning: " + warning));
        return plan;
    }

    /** Prints {@code text}, or writes it to {@code file} whole or not at all and says so on stderr. */
    void emit(String text, String file, Supplier<String> written) throws IOException {
        if (file != null) {
            writeOut(root(), file, text);
            err().println(written.get());
        } else {
            out().print(text);
            out().flush();
        }
    }

    PrintStream err() {
        return err;
    }

    /** Prints {@code text}, or writes it to {@code file} whole or not at all and says "wrote FILE" on stderr. */
    void emit(String text, String file) throws IOException {
        emit(text, file, () -> "wrote " + file);
    }

    /** Writes the file {@code --out} names, whole or not at all; a failure names the option, the path and the reason. */
    private static void writeOut(Path root, String outFile, String text) throws IOException {
        try {
            AtomicFile.write(root.resolve(outFile), text);
        } catch (AtomicFile.WriteFailed e) {
            throw new IOException("--out " + outFile + ": " + e.why(), e);
        }
    }
}
