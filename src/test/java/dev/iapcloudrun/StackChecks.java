package dev.iapcloudrun;

import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.spec.StackCheck;
import dev.iapcloudrun.spec.StackFileSchema;
import dev.iapcloudrun.spec.StackSpec;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.ProviderSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * The checks every stack of a project must pass, callable on any project folder, so that a stack a team adds is held
 * to what its own stack file declares, whatever documented feature it uses ({@code iap: false} with invokers,
 * {@code public: true}, an OAuth client...). Each problem is one line naming the stack, the resource's type and name,
 * and what is wrong; never a dump of records.
 */
public final class StackChecks {

    /** Where a project keeps its golden plans, and the one command that writes them. */
    public static final Path GOLDEN = Path.of("src/test/resources/plans");
    public static final String UPDATE_GOLDEN = "./mvnw -B test -Dtest=GoldenPlansTest -Dgolden.update=true";

    private static final String SCHEMA_MODELINE = "# yaml-language-server: $schema=./stack-file.schema.json\n";
    private static final String SERVICE = "gcp:cloudrunv2/service:Service";
    private static final String INVOKER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";

    private StackChecks() {}

    /** Every stack file of the project ({@code stacks/*.yaml}), by name; each must have its config beside it. */
    public static List<String> stacks(Path root) throws IOException {
        try (var files = Files.list(root.resolve("stacks"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }

    /**
     * Copies what the stack checks read of the project at {@code from} into {@code to}: {@code Pulumi.yaml}, each
     * stack's two files, the published schema and the golden plans; except the files of the stacks {@code leftOut}, so
     * that a test can add a stack of that name whatever stacks the project has by then.
     */
    public static void copyProject(Path from, Path to, String... leftOut) throws IOException {
        var skipped = new java.util.HashSet<String>();
        for (var stack : leftOut) {
            skipped.addAll(List.of("Pulumi." + stack + ".yaml", stack + ".yaml", stack + ".json"));
        }
        try (var files = Files.list(from)) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("Pulumi(\\..+)?\\.yaml")).toList()) {
                if (!skipped.contains(file.getFileName().toString())) {
                    Files.copy(file, to.resolve(file.getFileName().toString()));
                }
            }
        }
        for (var folder : List.of(Path.of("stacks"), GOLDEN)) {
            Files.createDirectories(to.resolve(folder));
            try (var files = Files.list(from.resolve(folder))) {
                for (var file : files.filter(f -> !skipped.contains(f.getFileName().toString())).toList()) {
                    Files.copy(file, to.resolve(folder).resolve(file.getFileName().toString()));
                }
            }
        }
    }

    /** Fails with the problems, one line each, or passes when there are none. */
    public static void assertNone(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + (problems.size() == 1 ? " problem:\n  " : " problems:\n  ") + String.join("\n  ", problems));
        }
    }

    /** Everything a stack must satisfy, except its golden plan (see {@link #goldenPlanProblem}). */
    public static List<String> problems(Path root, String stack) throws IOException {
        var spec = validated(root, stack);
        if (spec.isEmpty()) {
            return List.of(problemOfValidation(root, stack));
        }
        var plan = new Workspace(root).synth(stack);
        var problems = new ArrayList<String>();
        problems.addAll(determinismProblems(root, stack, plan));
        problems.addAll(accessProblems(stack, spec.get(), plan));
        problems.addAll(providerProblems(stack, plan));
        problems.addAll(schemaProblems(plan));
        problems.addAll(stackFileSchemaProblems(root, stack));
        return problems;
    }

    /** The stack's plan against the pulumi-gcp 9.37.0 input schema. */
    public static List<String> providerSchemaProblems(Path root, String stack) throws IOException {
        var spec = validated(root, stack);
        if (spec.isEmpty()) {
            return List.of(problemOfValidation(root, stack));
        }
        return schemaProblems(new Workspace(root).synth(stack));
    }

    private static Optional<StackSpec> validated(Path root, String stack) throws IOException {
        if (!Files.exists(root.resolve("Pulumi." + stack + ".yaml"))) {
            return Optional.empty();
        }
        return new Workspace(root).check(stack, Optional.empty()).spec();
    }

    private static String problemOfValidation(Path root, String stack) throws IOException {
        if (!Files.exists(root.resolve("Pulumi." + stack + ".yaml"))) {
            return "stack " + stack + ": " + IapCloudRunProgram.stackFile(stack) + " has no Pulumi." + stack
                    + ".yaml beside Pulumi.yaml: create it with gcp:project and gcp:region (new-stack writes both files)";
        }
        StackCheck check = new Workspace(root).check(stack, Optional.empty());
        return "stack " + stack + " does not validate (java -jar target/iap-cloudrun.jar validate --stack " + stack + "): "
                + String.join("; ", check.errors().stream().map(Object::toString).toList());
    }

    /** The same plan, byte for byte, on every run, and the stack's own. */
    static List<String> determinismProblems(Path root, String stack, Plan plan) throws IOException {
        var first = PlanJson.write(plan);
        var problems = new ArrayList<String>();
        if (!first.equals(PlanJson.write(new Workspace(root).synth(stack)))) {
            problems.add("stack " + stack + ": two runs gave different plans; a plan must not depend on time, order or chance");
        }
        if (!plan.stack().equals(stack)) {
            problems.add("stack " + stack + ": the plan names the stack '" + plan.stack() + "'");
        }
        return problems;
    }

    /**
     * Each service as its stack file declares it: IAP on or off, the invoker check on unless {@code public: true}, the
     * IAP agent's invoker grant exactly where IAP is on; and no public principal anywhere.
     */
    public static List<String> accessProblems(String stack, StackSpec spec, Plan plan) {
        var problems = new ArrayList<String>();
        var declared = spec.services().stream().map(ServiceSpec::name).toList();
        plan.ofType(SERVICE).stream().filter(r -> !declared.contains(r.name())).forEach(r ->
                problems.add(where(stack, r) + "not declared in the stack file"));
        for (var service : spec.services()) {
            var resource = plan.ofType(SERVICE).stream().filter(r -> r.name().equals(service.name())).findFirst();
            if (resource.isEmpty()) {
                problems.add("stack " + stack + ": " + SERVICE + " " + service.name() + ": declared in the stack file, missing from the plan");
                continue;
            }
            var inputs = resource.get().inputs();
            if (inputs.path("iapEnabled").asBoolean(false) != service.iap()) {
                problems.add(where(stack, resource.get()) + "iapEnabled is " + inputs.path("iapEnabled")
                        + ", but the stack file declares iap: " + service.iap());
            }
            if (inputs.path("invokerIamDisabled").asBoolean(false) != service.publicAccess()) {
                problems.add(where(stack, resource.get()) + "invokerIamDisabled is " + inputs.path("invokerIamDisabled")
                        + ", but the stack file declares public: " + service.publicAccess());
            }
            var agentGrant = service.name() + "-invoker-iap-agent";
            boolean granted = plan.ofType(INVOKER).stream().anyMatch(r -> r.name().equals(agentGrant));
            if (granted != service.iap()) {
                problems.add("stack " + stack + ": " + INVOKER + " " + agentGrant + ": " + (granted
                        ? "the IAP agent may invoke a service without IAP" : "missing: IAP cannot call the service without it"));
            }
        }
        for (var r : plan.resources()) {
            var inputs = r.inputs().toString();
            for (var publicPrincipal : List.of("allUsers", "allAuthenticatedUsers")) {
                if (inputs.contains("\"" + publicPrincipal + "\"")) {
                    problems.add(where(stack, r) + "grants " + publicPrincipal);
                }
            }
        }
        return problems;
    }

    /** Every cloud resource asks for the pinned plugin and sits in a component; resources are sorted by URN. */
    static List<String> providerProblems(String stack, Plan plan) {
        var problems = new ArrayList<String>();
        for (var r : plan.resources()) {
            if (!r.custom()) {
                continue;
            }
            if (!GcpProvider.VERSION.equals(r.version())) {
                problems.add(where(stack, r) + "asks for provider plugin " + r.version() + "; expected " + GcpProvider.VERSION);
            }
            if (r.parent().endsWith("pulumi:pulumi:Stack::" + plan.project() + "-" + stack)) {
                problems.add(where(stack, r) + "is parented to the stack; expected its component");
            }
        }
        var urns = plan.resources().stream().map(Plan.PlannedResource::urn).toList();
        if (!urns.equals(urns.stream().sorted().toList())) {
            problems.add("stack " + stack + ": the plan's resources are not sorted by URN");
        }
        return problems;
    }

    /** A plan against the pulumi-gcp 9.37.0 input schema: every input of every cloud resource, and every invoke. */
    public static List<String> schemaProblems(Plan plan) {
        var problems = new ArrayList<String>();
        for (var r : plan.resources()) {
            if (r.custom()) {
                for (var violation : ProviderSchema.violations(r.type(), r.inputs())) {
                    var rest = violation.substring(r.type().length()).replaceFirst("^[.:] ?", "");
                    problems.add(where(plan.stack(), r) + rest);
                }
            }
        }
        plan.invokes().stream().filter(i -> !ProviderSchema.has(i.token())).forEach(i ->
                problems.add("stack " + plan.stack() + ": invoke " + i.token() + ": not in the pulumi-gcp 9.37.0 schema"));
        return problems;
    }

    /** Editors check the file against the published schema it names on its first line. */
    static List<String> stackFileSchemaProblems(Path root, String stack) throws IOException {
        var file = IapCloudRunProgram.stackFile(stack);
        var text = Files.readString(root.resolve(file));
        var problems = new ArrayList<String>();
        if (!text.startsWith(SCHEMA_MODELINE)) {
            problems.add(file + ": the first line is not " + SCHEMA_MODELINE.strip() + ", so editors do not check the file");
        }
        StackFileSchema.violations(text).forEach(v -> problems.add(file + ": the published schema says " + v));
        return problems;
    }

    /**
     * The stack's plan against its golden plan under {@link #GOLDEN}: nothing when they are equal, else one line that
     * says what to run. With {@code update}, the golden plan is written first. A new golden plan is never written
     * silently: it is written only on request, so that it is reviewed like the code that produced it.
     */
    public static Optional<String> goldenPlanProblem(Path root, String stack, boolean update) throws IOException {
        return goldenPlanProblem("stack " + stack, new Workspace(root).synth(stack), root, GOLDEN.resolve(stack + ".json"), update);
    }

    /**
     * As {@link #goldenPlanProblem(Path, String, boolean)} for any plan the tests make, such as an example program's.
     *
     * @param what   what the plan is of, as the problem names it
     * @param golden the golden plan's path below {@code root}, as the problem shows it
     */
    public static Optional<String> goldenPlanProblem(String what, Plan plan, Path root, Path golden, boolean update) throws IOException {
        var actual = PlanJson.write(plan);
        var file = root.resolve(golden);
        if (update) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        if (!Files.exists(file)) {
            return Optional.of(what + " has no golden plan: run " + UPDATE_GOLDEN + " and review the new file " + golden);
        }
        var expected = Files.readString(file);
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(what + "'s plan differs from " + golden + " " + firstDifference(expected, actual)
                + ": if the change is intended, run " + UPDATE_GOLDEN + " and review the diff");
    }

    /**
     * Where a checked-in file and what it should now hold first differ, for a one-line problem:
     * {@code from line N (checked in -> now)}.
     */
    public static String firstDifference(String expected, String actual) {
        var expectedLines = expected.lines().toList();
        var actualLines = actual.lines().toList();
        int line = 0;
        while (line < Math.min(expectedLines.size(), actualLines.size()) && expectedLines.get(line).equals(actualLines.get(line))) {
            line++;
        }
        return "from line " + (line + 1) + " ("
                + (line < expectedLines.size() ? expectedLines.get(line).strip() : "end of file") + " -> "
                + (line < actualLines.size() ? actualLines.get(line).strip() : "end of file") + ")";
    }

    private static String where(String stack, Plan.PlannedResource r) {
        return "stack " + stack + ": " + r.type() + " " + r.name() + ": ";
    }
}
