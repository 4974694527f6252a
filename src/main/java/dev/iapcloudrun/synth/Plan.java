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
     * @param aliases   URNs the resource was known by before, sorted: the engine takes a resource of the old state
     *                  with one of them for this resource, and updates it instead of deleting it and creating this one
     * @param importId  the provider's ID of the existing resource the program adopts (the {@code import} option), empty
     *                  when the resource is created
     */
    public record PlannedResource(String urn, String type, String name, String parent, boolean custom,
                                  ObjectNode inputs, List<String> dependsOn, boolean protect, String version,
                                  List<String> aliases, String importId) {
        public PlannedResource {
            dependsOn = List.copyOf(dependsOn);
            aliases = List.copyOf(aliases);
        }

        /** A resource the program creates (no import ID). */
        public PlannedResource(String urn, String type, String name, String parent, boolean custom,
                               ObjectNode inputs, List<String> dependsOn, boolean protect, String version,
                               List<String> aliases) {
            this(urn, type, name, parent, custom, inputs, dependsOn, protect, version, aliases, "");
        }

        /** A resource without aliases. */
        public PlannedResource(String urn, String type, String name, String parent, boolean custom,
                               ObjectNode inputs, List<String> dependsOn, boolean protect, String version) {
            this(urn, type, name, parent, custom, inputs, dependsOn, protect, version, List.of());
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
