package dev.iapcloudrun;

import dev.iapcloudrun.bench.Bench;
import dev.iapcloudrun.program.PulumiEntryPoint;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.review.AccessReport;
import dev.iapcloudrun.review.DiffFormat;
import dev.iapcloudrun.review.GitRevision;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.review.StackDiffs;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.StackFileException;
import dev.iapcloudrun.synth.AtomicFile;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.PulumiProject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Entry point. Without arguments it is a Pulumi program, run by the Pulumi CLI's language host
 * ({@code pulumi preview}, {@code pulumi up}). With a command it runs the same program offline.
 */
public final class Main {

    static final int OK = 0;
    /** {@code diff --exit-code} found changes; otherwise a failure that is not the input's fault. */
    static final int CHANGES_OR_FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String JAR = "java -jar target/iap-cloudrun.jar";

    private static final String USAGE = """
            usage:
              java -jar target/iap-cloudrun.jar synth --stack STACK [--out FILE]
                  run the stack's program offline and print (or write) its plan as JSON
              java -jar target/iap-cloudrun.jar diff BASE.json HEAD.json [--format text|markdown|json] [--out FILE] [--exit-code]
              java -jar target/iap-cloudrun.jar diff [--stack STACK] --base GIT-REF [--format ...] [--out FILE | --out-dir DIR] [--exit-code]
                  compare two plans, or the stack (every stack without --stack) at GIT-REF with the working tree;
                  security-relevant changes first; --out-dir writes DIR/STACK.md (.txt, .json) per stack;
                  --exit-code exits with 1 when anything changes
              java -jar target/iap-cloudrun.jar validate [--stack STACK] [--strict] [--base GIT-REF]
                  check stack files and their config (all stacks unless --stack); exit 2 on errors; --strict makes
                  warnings errors; --base compares with the stacks at GIT-REF and refuses a change that loses access
              java -jar target/iap-cloudrun.jar access [--stack STACK] [--format markdown|html] [--out FILE]
                  who can reach which service, per environment (all stacks unless --stack)
              java -jar target/iap-cloudrun.jar bench [--sizes 10,100,1000] [--runs 5] [--warmups 3] [--startup-runs 11] [--deadline 120] [--no-maven]
                  synth and diff timings against the SDK's bare in-process engine (the floor), and start-up times;
                  run from the project folder; a run that takes longer than --deadline seconds ends the bench (exit 1)
              java -jar target/iap-cloudrun.jar
                  the Pulumi program itself, as run by 'pulumi preview' and 'pulumi up'
            """;

    private Main() {}

    public static void main(String[] args) {
        useAPooledAsyncExecutor();
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") == null) {
            System.err.println("no Pulumi engine to talk to: without arguments this jar is the Pulumi program that "
                    + "'pulumi preview' and 'pulumi up' run; to see a stack's plan offline, use synth");
            System.err.print(USAGE);
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

    /** A mistake in the command line. */
    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Runs a command; returns the process exit code. */
    static int run(List<String> args, Path root, PrintStream out, PrintStream err) {
        try {
            var rest = new ArrayList<>(args.subList(1, args.size()));
            return switch (args.get(0)) {
                case "synth" -> synth(rest, root, out, err);
                case "diff" -> diff(rest, root, out, err);
                case "access" -> access(rest, root, out, err);
                case "validate" -> validate(rest, root, out);
                case "bench" -> bench(rest, out, err);
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return BAD_INPUT;
        } catch (InputException | IOException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.println(e.getCause().getMessage());
            return BAD_INPUT;
        } catch (com.pulumi.exceptions.RunException | IllegalArgumentException | IllegalStateException e) {
            err.println(args.get(0) + " failed: " + e.getMessage());
            return CHANGES_OR_FAILED;
        }
    }

    private static int synth(List<String> args, Path root, PrintStream out, PrintStream err) throws IOException {
        var stack = option(args, "--stack").orElseThrow(() -> new UsageException("synth needs --stack STACK"));
        var outFile = option(args, "--out");
        noneLeft(args);
        // The program validates the stack file itself and logs its warnings, as under pulumi up; they go to stderr.
        var warnings = new ArrayList<String>();
        var plan = new Workspace(root).synth(stack, warnings::add);
        warnings.forEach(warning -> err.println("warning: " + warning));
        if (outFile.isPresent()) {
            writeOut(root, outFile.get(), PlanJson.write(plan));
            err.println("wrote the plan of stack '" + stack + "' (" + plan.resources().size() + " resources) to " + outFile.get());
        } else {
            out.print(PlanJson.write(plan));
        }
        return OK;
    }

    private static int diff(List<String> args, Path root, PrintStream out, PrintStream err) throws IOException {
        var stack = option(args, "--stack");
        var base = option(args, "--base");
        var format = diffFormat(option(args, "--format").orElse("text"));
        var outFile = option(args, "--out");
        var outDir = option(args, "--out-dir");
        boolean exitCode = flag(args, "--exit-code");
        if (outFile.isPresent() && outDir.isPresent()) {
            throw new UsageException("diff writes one file (--out FILE) or one file per stack (--out-dir DIR), not both");
        }
        var diffs = new ArrayList<StackDiffs.StackDiff>();
        if (base.isPresent()) {
            noneLeft(args);
            new Workspace(root).diffsAgainst(base.get(), stack).values().forEach(diff -> diffs.add(new StackDiffs.StackDiff(diff,
                    JAR + " diff --stack " + diff.stack() + " --base " + base.get())));
        } else {
            if (stack.isPresent()) {
                throw new UsageException("diff compares a stack with a git revision: it needs both --stack STACK and --base GIT-REF");
            }
            if (args.size() != 2 || args.stream().anyMatch(a -> a.startsWith("--"))) {
                throw new UsageException("diff needs two plan files (BASE.json HEAD.json), or --base GIT-REF (with --stack STACK for one stack)");
            }
            diffs.add(new StackDiffs.StackDiff(PlanDiff.between(PlanJson.read(root.resolve(args.get(0))), PlanJson.read(root.resolve(args.get(1)))),
                    JAR + " diff " + args.get(0) + " " + args.get(1)));
        }
        var all = new StackDiffs(diffs);
        if (outDir.isPresent()) {
            all.write(format, root, outDir.get()).forEach(file -> err.println("wrote " + file));
        } else {
            // One stack asked for, or two plans, print what they always printed: for JSON one object, not an array.
            emit(stack.isPresent() || base.isEmpty() ? format.render(diffs.get(0).diff(), diffs.get(0).rerun()) : all.render(format),
                    outFile, root, out, err);
        }
        return exitCode && all.anyChanges() ? CHANGES_OR_FAILED : OK;
    }

    private static int bench(List<String> args, PrintStream out, PrintStream err) {
        var sizes = option(args, "--sizes").orElse("10,100,1000");
        var runs = option(args, "--runs").orElse("5");
        var warmups = option(args, "--warmups").orElse("3");
        var startupRuns = option(args, "--startup-runs").orElse("11");
        var deadline = option(args, "--deadline").orElse("120");
        boolean withMaven = !flag(args, "--no-maven");
        noneLeft(args);
        Bench bench;
        List<Integer> sizeList;
        try {
            bench = new Bench(out, Integer.parseInt(runs), Integer.parseInt(warmups), Integer.parseInt(startupRuns), withMaven,
                    java.time.Duration.ofSeconds(Integer.parseInt(deadline)));
            sizeList = java.util.Arrays.stream(sizes.split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new UsageException("bench takes whole numbers: --sizes 10,100,1000 --runs 5 --warmups 3 --startup-runs 11 --deadline 120");
        }
        try {
            bench.run(sizeList);
        } catch (Bench.DeadlineMissed e) {
            err.println("bench: " + e.getMessage());
            return CHANGES_OR_FAILED;
        }
        return OK;
    }

    private static int validate(List<String> args, Path root, PrintStream out) throws IOException {
        var stack = option(args, "--stack");
        var base = option(args, "--base");
        boolean strict = flag(args, "--strict");
        noneLeft(args);
        var workspace = new Workspace(root);
        var stacks = stack.isPresent() ? List.of(stack.get()) : workspace.stacks();
        int failed = 0;
        int warnings = 0;
        for (var s : stacks) {
            var check = workspace.check(s, base);
            if (strict) {
                check = check.strict();
            }
            warnings += check.warnings().size();
            var file = IapCloudRunProgram.stackFile(s);
            if (!check.errors().isEmpty()) {
                failed++;
                out.println(file + ": " + new StackFileException(check.errors()).getMessage());
            } else {
                out.println(file + ": ok" + (check.warnings().isEmpty() ? "" : ", " + check.warningText().stripTrailing()));
            }
        }
        out.println("validated " + stacks.size() + (stacks.size() == 1 ? " stack" : " stacks") + ": " + failed + " with errors, "
                + warnings + (warnings == 1 ? " warning" : " warnings") + (strict ? " (--strict: warnings count as errors)" : ""));
        return failed == 0 ? OK : BAD_INPUT;
    }

    private static int access(List<String> args, Path root, PrintStream out, PrintStream err) throws IOException {
        var stack = option(args, "--stack");
        var format = option(args, "--format").orElse("markdown");
        var outFile = option(args, "--out");
        noneLeft(args);
        if (!format.equals("markdown") && !format.equals("html")) {
            throw new UsageException("unknown format '" + format + "' for access; expected markdown or html");
        }
        var workspace = new Workspace(root);
        var stacks = stack.isPresent() ? List.of(stack.get()) : workspace.stacks();
        var environments = new ArrayList<AccessReport.Environment>();
        for (var s : stacks) {
            environments.add(AccessReport.Environment.of(workspace.synth(s)));
        }
        var report = new AccessReport(environments);
        emit(format.equals("html") ? report.html() : report.markdown(), outFile, root, out, err);
        return OK;
    }

    private static DiffFormat diffFormat(String name) {
        try {
            return DiffFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void emit(String text, Optional<String> outFile, Path root, PrintStream out, PrintStream err) throws IOException {
        if (outFile.isPresent()) {
            writeOut(root, outFile.get(), text);
            err.println("wrote " + outFile.get());
        } else {
            out.print(text);
        }
    }

    /** Writes the file {@code --out} names, whole or not at all; a failure names the option, the path and the reason. */
    private static void writeOut(Path root, String outFile, String text) throws IOException {
        try {
            AtomicFile.write(root.resolve(outFile), text);
        } catch (AtomicFile.WriteFailed e) {
            throw new IOException("--out " + outFile + ": " + e.why(), e);
        }
    }

    private static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        var value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return Optional.of(value);
    }

    private static boolean flag(List<String> args, String name) {
        return args.remove(name);
    }

    private static void noneLeft(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("unexpected arguments: " + String.join(" ", args));
        }
    }
}
