package dev.iapcloudrun.bench;

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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * {@code bench}: offline synth at 10, 100 and 1,000 services, a diff of two 1,000-service plans, and in the
 * same run the floor, the SDK's in-process engine registering as many plain resources with the same mocks
 * and nothing else. Each figure is the median of several runs after warm-up runs.
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

    private static final class Plain extends CustomResource {
        Plain(String name, PlainArgs args) {
            super("bench:index:Plain", name, args, null);
        }
    }

    record Measure(long nanos, long peakBytes) {}

    private final PrintStream out;
    private final int runs;
    private final int warmups;

    public Bench(PrintStream out, int runs, int warmups) {
        this.out = out;
        this.runs = runs;
        this.warmups = warmups;
    }

    public void run(List<Integer> sizes) {
        var runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "iap-cloudrun bench: Java %s, %d CPUs, max heap %d MiB, median of %d runs after %d warm-up runs%n",
                System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20, runs, warmups);
        out.printf(Locale.ROOT, "%-9s %10s %12s %14s %12s %12s %8s%n", "services", "resources", "synth ms", "resources/s",
                "peak MiB", "floor ms", "ratio");
        double lastRatio = Double.NaN;
        for (int size : sizes) {
            var yaml = BenchStacks.stack(size, 0);
            Plan[] plan = new Plan[1];
            var synth = measure(() -> {
                plan[0] = synth(yaml);
                return PlanJson.write(plan[0]).length();
            });
            int resources = plan[0].resources().size();
            var floor = measure(() -> floor(resources));
            lastRatio = (double) synth.nanos() / floor.nanos();
            out.printf(Locale.ROOT, "%-9d %10d %12.1f %14.0f %12.1f %12.1f %8.2f%n", size, resources, synth.nanos() / 1e6,
                    resources / (synth.nanos() / 1e9), synth.peakBytes() / 1048576.0, floor.nanos() / 1e6, lastRatio);
        }
        int largest = sizes.get(sizes.size() - 1);
        var base = synth(BenchStacks.stack(largest, 0));
        var head = synth(BenchStacks.stack(largest, 1));
        int[] changed = new int[1];
        var diff = measure(() -> {
            var d = PlanDiff.between(base, head);
            changed[0] = d.changes().size();
            return changed[0];
        });
        out.printf(Locale.ROOT, "diff of two %d-service plans (%d resources changed): %.1f ms, peak %.1f MiB%n", largest, changed[0],
                diff.nanos() / 1e6, diff.peakBytes() / 1048576.0);
        out.printf(Locale.ROOT, "synth/floor at %d services: %.2f%n", largest, lastRatio);
    }

    /** Reads the stack file text and runs the program, as {@code synth} does. */
    static Plan synth(String yaml) {
        var spec = StackFileReader.parse("stacks/bench.yaml", yaml, StackFileReader.Defaults.NONE);
        return OfflineEngine.synth("iap-cloudrun", "bench", Map.of(), Set.of(), ctx -> IapCloudRunProgram.declare(ctx, spec));
    }

    /** The SDK's in-process engine, the same mocks, {@code resources} plain resources, nothing else. */
    static int floor(int resources) {
        var logger = PulumiTestInternal.logger(Level.OFF);
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("iap-cloudrun").stackName("bench").preview(true).build())
                    .standardLogger(logger)
                    .mocks(new PreviewMocks())
                    .build()
                    .runTest(ctx -> {
                        for (int i = 0; i < resources; i++) {
                            new Plain("plain-" + i, new PlainArgs("value-" + i));
                        }
                    });
            if (result.exitCode() != 0) {
                throw new IllegalStateException("the floor program failed: " + result.errors());
            }
            return result.resources().size();
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private Measure measure(Supplier<Integer> work) {
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        long[] times = new long[runs];
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            work.get();
            times[i] = System.nanoTime() - start;
            peak = Math.max(peak, heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        }
        java.util.Arrays.sort(times);
        return new Measure(times[runs / 2], peak);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
