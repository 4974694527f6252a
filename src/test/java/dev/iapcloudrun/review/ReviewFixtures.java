package dev.iapcloudrun.review;

import dev.iapcloudrun.spec.StackSpec;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.synth.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Small stacks and plan edits that the review tests compare. */
final class ReviewFixtures {

    /** A stack of one service, {@code hello}; {@code %s} takes extra lines of the service. */
    static final String STACK = """
            project: acme-demo
            projectNumber: "123456789012"
            region: europe-west1
            services:
              - name: hello
                image: us-docker.pkg.dev/cloudrun/container/hello:1
            %s
            """;

    static final String ADDITIVE = """
            accessors:
              mode: additive
              members: [user:ada@example.com]
            """;

    static final String AUTHORITATIVE = """
            accessors:
              mode: authoritative
              members: [user:ada@example.com, group:ops@example.com]
            """;

    private ReviewFixtures() {}

    /** The access report's view of a fixture stack: they declare no audience, so it is internal, the default. */
    static AccessReport.Environment environment(Plan plan) {
        return AccessReport.Environment.of(plan, StackSpec.Audience.INTERNAL);
    }

    /** The plan of {@link #STACK} with {@code serviceLines} added to the service. */
    static Plan stack(String serviceLines) {
        return TestPlans.runStack(stackText(serviceLines));
    }

    static String stackText(String serviceLines) {
        return STACK.formatted(serviceLines.indent(4).stripTrailing());
    }

    /** A copy of a plan with its resource list edited, as a hand-written or tampered plan file would be. */
    static Plan withResources(Plan plan, Consumer<List<Plan.PlannedResource>> edit) {
        var resources = new ArrayList<>(plan.resources());
        edit.accept(resources);
        return new Plan(plan.project(), plan.stack(), resources, plan.outputs(), plan.invokes());
    }
}
