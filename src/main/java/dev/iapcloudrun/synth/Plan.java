package dev.iapcloudrun.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a stack would deploy: every resource the program registers, as the engine receives it.
 *
 * @param resources sorted by URN
 * @param outputs   the stack's exports
 * @param invokes   provider functions called while planning, in call order
 */
public record Plan(String project, String stack, List<PlannedResource> resources, ObjectNode outputs, List<PlannedInvoke> invokes) {

    public Plan {
        resources = List.copyOf(resources);
        invokes = List.copyOf(invokes);
    }

    /** A provider function the program called, such as {@code gcp:organizations/getProject:getProject}. */
    public record PlannedInvoke(String token, String version) {}

    /**
     * One registered resource.
     *
     * @param parent    the parent's URN, empty for the stack itself
     * @param custom    false for components and the stack
     * @param inputs    every input property; secrets {@code "[secret]"}, values known after deployment {@code "[unknown]"}
     * @param dependsOn URNs the resource waits for, sorted
     * @param version   the provider plugin version the resource asks for, empty for components
     */
    public record PlannedResource(String urn, String type, String name, String parent, boolean custom,
                                  ObjectNode inputs, List<String> dependsOn, boolean protect, String version) {
        public PlannedResource {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public PlannedResource named(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name + " in the plan"));
    }
}
