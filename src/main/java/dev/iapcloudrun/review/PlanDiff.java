package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.StructJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changes between two plans of a stack: resources matched by URN, as the engine matches them, and
 * the changes that matter for access control, which a reviewer must see first.
 *
 * @param stack    the stack compared
 * @param changes  every resource added, updated, replaced or deleted, sorted by URN
 * @param findings security-relevant changes, most severe first
 */
public record PlanDiff(String stack, List<ResourceChange> changes, List<Finding> findings) {

    public PlanDiff {
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
    }

    public enum Action {
        ADD("+", "add"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete"),
        /** An existing resource the stack adopts: read, not created; {@code pulumi preview} shows {@code = import}. */
        IMPORT("=", "import");

        public final String symbol;
        public final String label;

        Action(String symbol, String label) {
            this.symbol = symbol;
            this.label = label;
        }
    }

    /**
     * One changed input, by path ({@code template.containers[0].image}). A missing side is a
     * {@link MissingNode}; secrets are {@code "[secret]"} on both sides, as in the plans.
     */
    public record PropertyChange(String path, JsonNode before, JsonNode after, boolean replaces) {}

    /**
     * @param protectedBefore the resource as it is now cannot simply be deleted: {@code protect} is set, or it is a
     *                        Cloud Run service with deletion protection on
     */
    public record ResourceChange(Action action, String urn, String type, String name, List<PropertyChange> properties,
                                 boolean protectedBefore) {
        public ResourceChange {
            properties = List.copyOf(properties);
        }

        /** The provider ID an adopted resource is imported by, empty unless the action is {@link Action#IMPORT}. */
        public String importId() {
            return properties.stream().filter(p -> p.path().equals(IMPORT_ID)).findFirst().map(p -> p.after().asText()).orElse("");
        }

        /** The inputs that force the replacement, empty unless the action is {@link Action#REPLACE}. */
        public List<String> replacedBecause() {
            return properties.stream().filter(PropertyChange::replaces).map(PropertyChange::path).toList();
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** The pseudo-input of an imported resource that holds its import ID. */
    public static final String IMPORT_ID = "(import)";

    /**
     * Compares {@code base} (what is deployed, or the target branch) with {@code head} (the proposed change). A resource
     * in both is compared by its inputs alone: its import ID appearing or going does not change it, as the engine takes a
     * resource already in the state for itself whatever the option says.
     */
    public static PlanDiff between(Plan base, Plan head) {
        Map<String, Plan.PlannedResource> before = byUrn(base);
        Map<String, Plan.PlannedResource> after = byUrn(head);
        var aliased = aliased(before, after);
        var urns = new TreeSet<>(before.keySet());
        urns.removeAll(aliased.values());
        urns.addAll(after.keySet());
        var agents = new HashSet<>(Grants.agentAddresses(base));
        agents.addAll(Grants.agentAddresses(head));
        var changes = new ArrayList<ResourceChange>();
        for (var urn : urns) {
            var b = before.get(aliased.getOrDefault(urn, urn));
            var a = after.get(urn);
            if (b == null) {
                // A resource new to the stack is either created or, with an import ID, adopted: the ID is its first property.
                var properties = inputs(a, MissingNode.getInstance(), a.inputs(), false, agents);
                boolean adopted = !a.importId().isEmpty();
                if (adopted) {
                    properties.add(0, new PropertyChange(IMPORT_ID, MissingNode.getInstance(), TextNode.valueOf(a.importId()), false));
                }
                changes.add(new ResourceChange(adopted ? Action.IMPORT : Action.ADD, urn, a.type(), a.name(), properties, false));
            } else if (a == null) {
                changes.add(new ResourceChange(Action.DELETE, urn, b.type(), b.name(), inputs(b, b.inputs(), MissingNode.getInstance(), false, agents), isProtected(b)));
            } else {
                var properties = inputs(a, b.inputs(), a.inputs(), true, agents);
                if (b.protect() != a.protect()) {
                    properties.add(new PropertyChange("(protect)", BooleanNode.valueOf(b.protect()), BooleanNode.valueOf(a.protect()), false));
                }
                if (!properties.isEmpty()) {
                    var action = properties.stream().anyMatch(PropertyChange::replaces) ? Action.REPLACE : Action.UPDATE;
                    changes.add(new ResourceChange(action, urn, a.type(), a.name(), properties, isProtected(b)));
                }
            }
        }
        var stack = head.stack().isEmpty() ? base.stack() : head.stack();
        return new PlanDiff(stack, changes, SecurityFindings.of(base, head, changes));
    }

    static Map<String, Plan.PlannedResource> byUrn(Plan plan) {
        return plan.resources().stream().collect(Collectors.toMap(Plan.PlannedResource::urn, Function.identity(),
                (x, y) -> { throw new IllegalArgumentException("the plan has two resources with the URN " + x.urn()); },
                TreeMap::new));
    }

    /**
     * Head URNs that take over a base resource through an alias, as the engine does: a head resource whose URN is
     * new and whose alias names a base resource that the head no longer has is an update of that resource.
     */
    static Map<String, String> aliased(Map<String, Plan.PlannedResource> before, Map<String, Plan.PlannedResource> after) {
        var aliased = new TreeMap<String, String>();
        var claimed = new TreeSet<String>();
        for (var a : after.values()) {
            if (before.containsKey(a.urn())) {
                continue;
            }
            a.aliases().stream()
                    .filter(alias -> before.containsKey(alias) && !after.containsKey(alias) && claimed.add(alias))
                    .findFirst()
                    .ifPresent(alias -> aliased.put(a.urn(), alias));
        }
        return aliased;
    }

    static boolean isProtected(Plan.PlannedResource r) {
        return r.protect() || r.type().equals(GcpTypes.RUN_SERVICE)
                && Grants.ServiceSettings.of(r).deletionProtection();
    }

    /**
     * @param existing the resource is in both plans, so a change of a ForceNew input replaces it
     * @param agents   the addresses of the project's own IAP agent in either plan
     */
    private static List<PropertyChange> inputs(Plan.PlannedResource r, JsonNode before, JsonNode after, boolean existing,
                                               Set<String> agents) {
        var out = new ArrayList<PropertyChange>();
        var keys = new TreeSet<String>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (var key : keys) {
            if (existing && sameToIam(r.type(), key, before.path(key), after.path(key))) {
                // The provider ignores the case of emails and domains in members, so a real preview shows nothing here.
                continue;
            }
            compare(key, before.path(key), after.path(key), existing && ReplaceRules.forcesReplacement(r.type(), key), agents, out);
        }
        return out;
    }

    /** Whether an IAM resource's member (or members) differ only in what IAM ignores: the case of an email or domain. */
    private static boolean sameToIam(String type, String key, JsonNode before, JsonNode after) {
        if (!GcpTypes.IAM_GRANTS.contains(type) || !(key.equals("member") || key.equals("members"))) {
            return false;
        }
        return canonicalMembers(before).equals(canonicalMembers(after));
    }

    private static java.util.SortedSet<String> canonicalMembers(JsonNode value) {
        var members = new TreeSet<String>();
        if (value.isArray()) {
            value.forEach(m -> members.add(Principal.canonical(m.asText())));
        } else if (value.isTextual()) {
            members.add(Principal.canonical(value.asText()));
        }
        return members;
    }

    /**
     * Objects are compared key by key and lists of objects item by item, so a change shows where it is; a list
     * of plain values (such as a Binding's members) is shown whole, which reads better than renumbered items.
     */
    private static void compare(String path, JsonNode before, JsonNode after, boolean replaces, Set<String> agents,
                                List<PropertyChange> out) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            var keys = new TreeSet<String>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (var key : keys) {
                compare(path + segment(key), before.path(key), after.path(key), replaces, agents, out);
            }
        } else if (before.isArray() && after.isArray() && (hasContainer(before) || hasContainer(after))) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", before.path(i), after.path(i), replaces, agents, out);
            }
        } else {
            out.add(new PropertyChange(path, before, after, replaces && !knownLater(before, after, agents)));
        }
    }

    /**
     * The project's own IAP agent on one side and a value known only after deployment on the other: the same
     * address, once the number is read from the project, which a real preview does; so no replacement.
     */
    private static boolean knownLater(JsonNode before, JsonNode after, Set<String> agents) {
        return before.asText().equals(StructJson.UNKNOWN) && agents.contains(after.asText())
                || after.asText().equals(StructJson.UNKNOWN) && agents.contains(before.asText());
    }

    private static boolean hasContainer(JsonNode array) {
        for (var item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static String segment(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    }

    /** The change of one resource, if it changes. */
    public Optional<ResourceChange> change(String urn) {
        return changes.stream().filter(c -> c.urn().equals(urn)).findFirst();
    }
}
