package dev.iapcloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.Context;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.spec.StackSpec;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PulumiProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Runs programs and components in the offline engine for tests, and reads the plans they give. */
public final class TestPlans {

    public static final String PROJECT = "iap-cloudrun";

    private TestPlans() {}

    /** Runs {@code program} in the in-process engine with no config. */
    public static Plan run(Consumer<Context> program) {
        return OfflineEngine.synth(PROJECT, "test", Map.of(), Set.of(), program);
    }

    /** Parses stack-file text (project and region must be in it) and runs the whole program on it. */
    public static Plan runStack(String yaml, Map<String, String> config, Set<String> secretKeys) {
        StackSpec spec = StackFileReader.parse("stacks/test.yaml", yaml, StackFileReader.Defaults.NONE);
        return OfflineEngine.synth(PROJECT, "test", config, secretKeys, ctx -> IapCloudRunProgram.declare(ctx, spec));
    }

    public static Plan runStack(String yaml) {
        return runStack(yaml, Map.of(), Set.of());
    }

    /**
     * A bundled stack of this repository as {@code synth} sees it: project name, config, secret keys, and the
     * fingerprints of the secrets as its config file stores them.
     */
    public record BundledStack(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                               Map<String, String> fingerprints) {

        /** Runs the real program on the stack, offline. */
        public Plan synth() {
            return OfflineEngine.synth(project, stack, config, secretKeys, fingerprints, new IapCloudRunProgram(Path.of(""))::run, warning -> { });
        }
    }

    /** A bundled stack with its config from {@code Pulumi.<stack>.yaml}. */
    public static BundledStack bundled(String stack) {
        return bundled(stack, Map.of());
    }

    /**
     * A bundled stack with some config values replaced, such as the decrypted OAuth secret that
     * {@code pulumi up} would see.
     */
    public static BundledStack bundled(String stack, Map<String, String> overrides) {
        try {
            var project = PulumiProject.load(Path.of(""));
            var config = project.stackConfig(stack);
            var values = new HashMap<>(config.values());
            values.putAll(overrides);
            return new BundledStack(project.name(), stack, values, config.secretKeys(), config.fingerprints());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The custom (cloud) resources of a plan. */
    public static List<Plan.PlannedResource> custom(Plan plan) {
        return plan.resources().stream().filter(Plan.PlannedResource::custom).toList();
    }

    public static String text(Plan.PlannedResource resource, String path) {
        JsonNode node = resource.inputs();
        for (String part : path.split("\\.")) {
            node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node.isMissingNode() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
