package dev.iapcloudrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.PreviewMocks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.logging.Level;

/**
 * {@code bench}: offline synth at 10, 100 and 1,000 services, a diff of two 1,000-service plans, and in the
 * same run the floor, the SDK's in-process engine registering as many plain resources with the same mocks
 * and nothing else, and the matched floor, the same with each plain resource carrying the inputs of one of the
 * program's resources. Each figure is the median of several runs after warm-up runs; synth and the floors run in
 * turn, so that JIT warm-up of the SDK code they share, and slower stretches of the machine, fall on all alike.
 * Every run, in process or as a process, has a deadline: one that misses it ends the bench with a report of where it
 * was, instead of a bench that never returns.
 */
public final class Bench {

    /** A resource with one input: what the floor registers. */
    public static final class PlainArgs extends ResourceArgs {
        @Import(name = "value")
        private final Output<String> value;

        PlainArgs(String value) {
            this.value = Output.of(value);
        }
    }

    /** A resource with one input holding another resource's inputs: what the matched floor registers. */
    public static final class CopyArgs extends ResourceArgs {
        @Import(name = "inputs")
        private final Output<Map<String, Object>> inputs;

        CopyArgs(Map<String, Object> inputs) {
            this.inputs = Output.of(inputs);
        }
    }

    private static final class Plain extends CustomResource {
        Plain(String name, ResourceArgs args) {
            super("bench:index:Plain", name, args, null);
        }
    }

    record Measure(long nanos, long peakBytes) {}

    /** A piece of measured work, named for the report of a missed deadline. */
    private record Work(String name, Supplier<Integer> run) {}

    private final PrintStream out;
    private final int runs;
    private final int warmups;
    private final int startupRuns;
    private final boolean withMaven;
    private final Duration deadline;

    /** A run that did not finish within the bench's deadline. */
    public static final class DeadlineMissed extends RuntimeException {
        DeadlineMissed(String message) {
            super(message);
        }
    }

    /**
     * @param startupRuns processes per start-up figure; 0 skips the start-up section
     * @param withMaven   also time the Maven start-up path (needs ./mvnw and a warm Maven repository)
     * @param deadline    how long any one run (a synth, a floor, a diff, a process) may take
     */
    public Bench(PrintStream out, int runs, int warmups, int startupRuns, boolean withMaven, Duration deadline) {
        this.out = out;
        this.runs = runs;
        this.warmups = warmups;
        this.startupRuns = startupRuns;
        this.withMaven = withMaven;
        this.deadline = deadline;
    }

    public void run(List<Integer> sizes) {
        var runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "iap-cloudrun bench: Java %s, %d CPUs, max heap %d MiB, median of %d rounds after %d warm-up rounds%n",
                System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20, runs, warmups);
        out.printf(Locale.ROOT, "%-9s %10s %12s %14s %12s %12s %8s %14s %8s%n", "services", "resources", "synth ms", "resources/s",
                "peak MiB", "floor ms", "ratio", "matched ms", "ratio");
        double lastRatio = Double.NaN;
        Runnable tasksLine = () -> { };
        for (int size : sizes) {
            var yaml = BenchStacks.stack(size, 0);
            var plan = withDeadline("synth at " + size + " services", deadline, () -> synth(yaml));
            int resources = plan.resources().size();
            var inputs = plan.resources().stream().map(r -> plain(r.inputs())).toList();
            var measures = measure(List.of(
                    new Work("synth at " + size + " services", () -> PlanJson.write(synth(yaml)).length()),
                    new Work("the floor at " + size + " services", () -> floor(resources)),
                    new Work("the matched floor at " + size + " services", () -> matchedFloor(inputs))));
            var synth = measures.get(0);
            var floor = measures.get(1);
            var matched = measures.get(2);
            lastRatio = (double) synth.nanos() / floor.nanos();
            tasksLine = () -> out.printf(Locale.ROOT, "SDK tasks per resource at %d services: synth %.1f, floor %.1f, matched %.1f%n", size,
                    tasksPerResource(resources, () -> PlanJson.write(synth(yaml)).length()), tasksPerResource(resources, () -> floor(resources)),
                    tasksPerResource(resources, () -> matchedFloor(inputs)));
            out.printf(Locale.ROOT, "%-9d %10d %12.1f %14.0f %12.1f %12.1f %8.2f %14.1f %8.2f%n", size, resources, synth.nanos() / 1e6,
                    resources / (synth.nanos() / 1e9), synth.peakBytes() / 1048576.0, floor.nanos() / 1e6, lastRatio,
                    matched.nanos() / 1e6, (double) synth.nanos() / matched.nanos());
        }
        int largest = sizes.get(sizes.size() - 1);
        var base = withDeadline("synth at " + largest + " services", deadline, () -> synth(BenchStacks.stack(largest, 0)));
        var head = withDeadline("synth at " + largest + " services", deadline, () -> synth(BenchStacks.stack(largest, 1)));
        int[] changed = new int[1];
        var diff = measure(List.of(new Work("the diff of two " + largest + "-service plans", () -> {
            var d = PlanDiff.between(base, head);
            changed[0] = d.changes().size();
            return changed[0];
        }))).get(0);
        out.printf(Locale.ROOT, "diff of two %d-service plans (%d resources changed): %.1f ms, peak %.1f MiB%n", largest, changed[0],
                diff.nanos() / 1e6, diff.peakBytes() / 1048576.0);
        tasksLine.run();
        if (startupRuns > 0) {
            startup(sizes.stream().min(Integer::compare).orElseThrow());
        }
        out.printf(Locale.ROOT, "synth/floor at %d services: %.2f%n", largest, lastRatio);
    }

    /**
     * Whole processes, JVM start included, run from the project folder: {@code synth --stack dev} against the
     * same jar only starting the SDK, the pull-request check (see {@link #pullRequestCheck}) on stacks of
     * {@code services} services, and the two ways {@code pulumi up} can start the program: the prebuilt jar
     * ({@code runtime.options.binary}) or Maven ({@code mvn compile exec:java}).
     */
    private void startup(int services) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var jar = jarPath();
        if (jar.isEmpty()) {
            out.println("start-up: skipped, bench is not running from the packaged jar");
            return;
        }
        long synth = medianMillis(List.of(java, "-jar", jar.get(), "synth", "--stack", "dev"));
        long sdk = medianMillis(List.of(java, "-cp", jar.get(), SdkStartup.class.getName()));
        out.printf(Locale.ROOT, "start-up (median of %d processes): synth --stack dev %d ms, SDK start only %d ms, ratio %.2f%n",
                startupRuns, synth, sdk, (double) synth / sdk);
        pullRequestCheck(java, jar.get(), services);
        var mvnw = Path.of("mvnw");
        if (!withMaven || !Files.isExecutable(mvnw)) {
            out.println("pulumi up start-up through Maven: skipped" + (withMaven ? " (no ./mvnw here)" : ""));
            return;
        }
        var maven = new ArrayList<>(List.of(mvnw.toAbsolutePath().toString(), "-B", "-q", "compile", "exec:java",
                "-Dexec.args=synth --stack dev"));
        try {
            // The first run resolves what Maven needs: on a fresh machine exec-maven-plugin has never been downloaded,
            // since no build step uses it. The timed runs are offline, so that they measure start-up and nothing else.
            run(maven, deadline);
        } catch (IllegalStateException | DeadlineMissed e) {
            out.println("pulumi up start-up through Maven: skipped, Maven could not run the program: "
                    + e.getMessage().replace("\n", "\n    "));
            return;
        }
        maven.add(3, "-o");
        long mavenMillis = medianMillis(maven);
        out.printf(Locale.ROOT, "pulumi up start-up: prebuilt jar %d ms, mvn compile exec:java %d ms, ratio %.2f%n",
                synth, mavenMillis, (double) mavenMillis / synth);
    }

    /** How many stacks the pull-request check diffs. */
    static final int PULL_REQUEST_STACKS = 20;

    /**
     * The JVM options the preview workflow runs its commands with. A command that lives a few seconds spent more CPU in
     * the C2 compiler than in its own work (JFR: 3.2 s of 5.4 s for 20 stacks, on 2 CPUs), on code C2 finished compiling
     * when the process was nearly over; with the C1 compiler alone one stack takes a third less time, 20 stacks nearly half.
     */
    public static final List<String> WORKFLOW_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * The preview workflow's diff step, run as the workflow runs it, on a generated project of {@value #PULL_REQUEST_STACKS}
     * stacks, each changed in 5% of its services since the base commit: {@code diff --base} for every stack in one
     * process, against one {@code diff --stack} process per stack (timed once: it is already the sum of many) and a single
     * one of them.
     */
    private void pullRequestCheck(String java, String jar, int services) {
        try (var project = BenchProject.create(PULL_REQUEST_STACKS, services, deadline)) {
            var diff = new ArrayList<>(List.of(java));
            diff.addAll(WORKFLOW_JVM_OPTIONS);
            diff.addAll(List.of("-jar", jar, "diff", "--base", "HEAD", "--format", "markdown"));
            var all = new ArrayList<>(diff);
            all.addAll(List.of("--out-dir", "diffs"));
            long one = medianMillis(stackDiff(diff, project.stacks().get(0)), project.root());
            long together = medianMillis(all, project.root());
            long start = System.nanoTime();
            for (var stack : project.stacks()) {
                run(stackDiff(diff, stack), project.root(), deadline);
            }
            long separate = (System.nanoTime() - start) / 1_000_000;
            out.printf(Locale.ROOT, "pull-request check of %d stacks of %d services (java %s): one process %d ms, %d processes %d ms, "
                            + "one stack %d ms, ratio %.2f%n", PULL_REQUEST_STACKS, services, String.join(" ", WORKFLOW_JVM_OPTIONS),
                    together, PULL_REQUEST_STACKS, separate, one, (double) together / one);
        }
    }

    private static List<String> stackDiff(List<String> diff, String stack) {
        var command = new ArrayList<>(diff);
        command.addAll(List.of("--stack", stack, "--out", "diffs/" + stack + ".md"));
        return command;
    }

    private long medianMillis(List<String> command) {
        return medianMillis(command, null);
    }

    /** @param directory where the processes run; null for this process's own */
    private long medianMillis(List<String> command, Path directory) {
        long[] times = new long[startupRuns];
        for (int i = 0; i < startupRuns; i++) {
            long start = System.nanoTime();
            run(command, directory, deadline);
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[startupRuns / 2];
    }

    /**
     * Runs a process to its end, within {@code deadline}. One that misses it is killed, with whatever it started; one
     * that fails is reported with the end of its stderr, which says why.
     */
    static void run(List<String> command, Duration deadline) {
        run(command, null, deadline);
    }

    /** @param directory where the process runs; null for this process's own */
    static void run(List<String> command, Path directory, Duration deadline) {
        Path stderr = null;
        try {
            stderr = Files.createTempFile("iap-cloudrun-bench", ".stderr");
            var process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile()).start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new DeadlineMissed(String.join(" ", command) + " missed its deadline of " + format(deadline)
                        + " and was stopped" + tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + tail(stderr));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (stderr != null) {
                stderr.toFile().delete();
            }
        }
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String tail(Path stderr) throws java.io.IOException {
        var lines = Files.readAllLines(stderr);
        if (lines.isEmpty()) {
            return "; its stderr was empty";
        }
        return "; the end of its stderr:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /**
     * Runs in-process work on a thread of its own and waits at most {@code deadline} for it. Work that misses it cannot
     * be stopped from outside, so the bench ends with a report of where the work was; the thread is a daemon and does
     * not keep the process alive.
     */
    static <T> T withDeadline(String what, Duration deadline, Supplier<T> work) {
        var result = new CompletableFuture<T>();
        var thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable thrown) {
                result.completeExceptionally(thrown);
            }
        }, "bench: " + what);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            var where = Arrays.stream(thread.getStackTrace()).limit(15).map(frame -> "\n  at " + frame).collect(Collectors.joining());
            thread.interrupt();
            throw new DeadlineMissed(what + " missed its deadline of " + format(deadline) + "; it was" + where);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static java.util.Optional<String> jarPath() {
        try {
            var location = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? java.util.Optional.of(location.toString()) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }

    /** Reads the stack file text and runs the program, as {@code synth} does. */
    static Plan synth(String yaml) {
        var spec = StackFileReader.parse("stacks/bench.yaml", yaml, StackFileReader.Defaults.NONE);
        return OfflineEngine.synth("iap-cloudrun", "bench", Map.of(), Set.of(), ctx -> IapCloudRunProgram.declare(ctx, spec));
    }

    /**
     * The SDK's in-process engine, the same mocks and task runner as the program, {@code resources} plain resources,
     * nothing else.
     */
    static int floor(int resources) {
        return bare(() -> {
            for (int i = 0; i < resources; i++) {
                new Plain("plain-" + i, new PlainArgs("value-" + i));
            }
        });
    }

    /**
     * The floor with the program's inputs: as many plain resources, each with one input holding the inputs of one
     * resource of the program's plan. The SDK's work per input value is in it; the program's is not.
     */
    static int matchedFloor(List<Map<String, Object>> inputs) {
        return bare(() -> {
            for (int i = 0; i < inputs.size(); i++) {
                new Plain("plain-" + i, new CopyArgs(inputs.get(i)));
            }
        });
    }

    private static int bare(Runnable program) {
        var logger = PulumiTestInternal.logger(Level.OFF);
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("iap-cloudrun").stackName("bench").preview(true).build())
                    .standardLogger(logger)
                    .mocks(new PreviewMocks())
                    .deploymentFactory(OfflineEngine::countingDeployment)
                    .build()
                    .runTest(ctx -> program.run());
            if (result.exitCode() != 0) {
                throw new IllegalStateException("the floor program failed: " + result.errors());
            }
            return result.resources().size();
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /**
     * The tasks the SDK registers per resource for one run of {@code work}: one per {@code Output} and per step of each
     * registration, so it counts the SDK's work, where the time also holds the machine's noise.
     */
    private double tasksPerResource(int resources, Supplier<Integer> work) {
        long before = dev.iapcloudrun.synth.CountingRunner.tasksRegistered();
        withDeadline("counting tasks", deadline, work);
        return (double) (dev.iapcloudrun.synth.CountingRunner.tasksRegistered() - before) / resources;
    }

    /** Medians of each piece of work, run in turn: all warm-up runs first, then the measured rounds. */
    private List<Measure> measure(List<Work> works) {
        for (int i = 0; i < warmups; i++) {
            works.forEach(work -> withDeadline(work.name(), deadline, work.run()));
        }
        long[][] times = new long[works.size()][runs];
        long[] peaks = new long[works.size()];
        for (int i = 0; i < runs; i++) {
            for (int w = 0; w < works.size(); w++) {
                System.gc();
                heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
                var work = works.get(w);
                times[w][i] = withDeadline(work.name(), deadline, () -> {
                    long start = System.nanoTime();
                    work.run().get();
                    return System.nanoTime() - start;
                });
                peaks[w] = Math.max(peaks[w], heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            }
        }
        var measures = new ArrayList<Measure>();
        for (int w = 0; w < works.size(); w++) {
            Arrays.sort(times[w]);
            measures.add(new Measure(times[w][runs / 2], peaks[w]));
        }
        return measures;
    }

    /** A plan's inputs as the plain Java values a program would pass. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode inputs) {
        return (Map<String, Object>) plainValue(inputs);
    }

    private static Object plainValue(JsonNode node) {
        if (node.isObject()) {
            var map = new TreeMap<String, Object>();
            node.fields().forEachRemaining(e -> {
                var value = plainValue(e.getValue());
                if (value != null) {
                    map.put(e.getKey(), value);
                }
            });
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(item -> list.add(plainValue(item)));
            return list;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
