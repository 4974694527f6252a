package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.StructJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A model of the IAM policies a stack manages, and of what {@code pulumi up} does to them when the stack changes from
 * plan A to plan B. It follows the provider's semantics and the engine's order (see the README, "How access changes
 * are checked"):
 * <ul>
 *   <li>policies are those of a Cloud Run service (invokers), of IAP on it (accessors), of a secret, and of the project
 *       (the runtime identities' project roles);</li>
 *   <li>a Binding is authoritative for its role and condition: creating or updating it rewrites that entry, deleting it
 *       removes the whole entry, members added by others included;</li>
 *   <li>a Member is additive: creating it merges one principal, deleting it removes that principal;</li>
 *   <li>creates and updates run first, deletes last (also the old half of a create-before-delete replacement); a
 *       Cloud Run service replaced in place is deleted first, with its policies, because its name is set;</li>
 *   <li>IAM resources never depend on one another here, so their order within a phase is undefined, and the model
 *       takes every order into account: whatever <em>can</em> happen counts.</li>
 * </ul>
 * Principals are compared as IAM compares them ({@link Principal#canonical()}).
 */
public final class IamTransition {

    private IamTransition() {}

    /** The policy of one resource: a Cloud Run service's run policy, its IAP policy, or a secret's policy. */
    public record PolicyKey(String kind, String project, String location, String name) implements Comparable<PolicyKey> {

        public static final String RUN = "Cloud Run service";
        public static final String IAP = "IAP on Cloud Run service";
        public static final String SECRET = "secret";
        public static final String PROJECT = "project";

        /** The Cloud Run service the policy belongs to, empty for a secret or a project. */
        public String service() {
            return kind.equals(SECRET) || kind.equals(PROJECT) ? "" : name;
        }

        @Override
        public int compareTo(PolicyKey o) {
            return Comparator.comparing(PolicyKey::name).thenComparing(PolicyKey::kind).thenComparing(PolicyKey::project)
                    .thenComparing(PolicyKey::location).compare(this, o);
        }

        @Override
        public String toString() {
            return kind.equals(SECRET) ? "secret projects/" + project + "/secrets/" + name : kind + " " + name;
        }
    }

    /** One entry of a policy: a role and a condition (title, description, expression; all empty without one). */
    public record Entry(String role, String title, String description, String expression) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return role + (title.isEmpty() && expression.isEmpty() ? ", no condition" : ", condition '" + title + "'");
        }
    }

    /** Effective policies: policy, then entry, then the principals holding it, in IAM's case-folded form. */
    public record Policy(Map<PolicyKey, Map<Entry, Set<String>>> entries) {

        public Set<String> members(PolicyKey key, Entry entry) {
            return entries.getOrDefault(key, Map.of()).getOrDefault(entry, Set.of());
        }
    }

    /**
     * Where a violation comes from.
     *
     * @param urn the resource whose step it is
     */
    public record Step(String urn, String description) {}

    public enum Violation {
        /** Declared by B, but absent at the end (in at least one order the engine may choose). */
        LOST("loses access although the new stack declares it"),
        /** Declared by A and by B, but absent for a while during the update. */
        LOST_MIDWAY("loses access for part of the update although both stacks declare it"),
        /** Not declared by B, but left in the policy. */
        LEFT_OVER("keeps access although the new stack no longer declares it"),
        /** Declared by neither, but present for a while. */
        GAINED_MIDWAY("gains access for part of the update although neither stack declares it");

        public final String meaning;

        Violation(String meaning) {
            this.meaning = meaning;
        }
    }

    /** One principal whose access the transition gets wrong. */
    public record Problem(Violation kind, PolicyKey policy, Entry entry, String principal, Step step) {

        public boolean isLoss() {
            return kind == Violation.LOST || kind == Violation.LOST_MIDWAY;
        }
    }

    /**
     * What the model concludes about a transition.
     *
     * @param problems  empty when the transition is safe
     * @param stateDeletes when the transition is unsafe but becomes safe once these resources leave the state first
     *                     ({@code pulumi state delete}, which does not touch IAM), their URNs; empty when no such path exists
     */
    public record Verdict(List<Problem> problems, List<String> stateDeletes) {

        public Verdict {
            problems = List.copyOf(problems);
            stateDeletes = List.copyOf(stateDeletes);
        }
    }

    /** What one IAM resource does. A Binding has members; a Member has exactly one and {@code binding} false. */
    record IamResource(String urn, String name, boolean binding, PolicyKey policy, Entry entry, Set<String> members) {

        String what() {
            return (binding ? "binding " : "member ") + name;
        }

        /** Two resources that write the same thing: the provider sees no change. */
        boolean sameEffect(IamResource o) {
            return binding == o.binding && policy.equals(o.policy) && entry.equals(o.entry) && members.equals(o.members);
        }
    }

    /** The policies a plan declares: every grant of its IAM resources, as if each were applied once to an empty policy. */
    public static Policy declared(Plan plan) {
        return policyOf(iamResources(plan, Optional.empty()).values());
    }

    /** The verdict on changing from plan {@code a} (deployed) to plan {@code b}, and the safe path when there is one. */
    public static Verdict verdict(Plan a, Plan b) {
        var problems = check(a, b, Set.of());
        if (problems.isEmpty()) {
            return new Verdict(problems, List.of());
        }
        var aResources = iamResources(a, Optional.of(b));
        var candidates = new TreeSet<String>();
        for (var p : problems) {
            if (p.isLoss() && aResources.containsKey(p.step().urn()) && p.step().description().startsWith(DELETE_PREFIX)) {
                candidates.add(p.step().urn());
            }
        }
        if (!candidates.isEmpty() && check(a, b, candidates).isEmpty()) {
            return new Verdict(problems, List.copyOf(candidates));
        }
        return new Verdict(problems, List.of());
    }

    /**
     * Every principal whose access goes wrong between {@code a} and {@code b}.
     *
     * @param stateDeleted URNs of A's resources removed from the state before the update: their grants stay in IAM, but
     *                     the update neither changes nor deletes them
     */
    public static List<Problem> check(Plan a, Plan b, Set<String> stateDeleted) {
        var before = iamResources(a, Optional.of(b));
        var after = iamResources(b, Optional.of(a));
        var start = policyOf(before.values());
        var target = policyOf(after.values());
        var ops = new ArrayList<Op>();
        var rebuilt = replacedServices(a, b, ops);
        // A resource whose alias names an old one takes it over, as the engine matches them: an update, not a create
        // and a delete.
        var aliased = PlanDiff.aliased(PlanDiff.byUrn(a), PlanDiff.byUrn(b));
        for (var r : after.values()) {
            var oldUrn = aliased.getOrDefault(r.urn(), r.urn());
            var old = stateDeleted.contains(oldUrn) ? null : before.get(oldUrn);
            if (old == null || rebuilt.contains(r.policy())) {
                ops.add(write(r, 1, "the create of " + r.what()));
            } else if (!old.sameEffect(r)) {
                if (r.binding() && old.policy().equals(r.policy()) && old.entry().equals(r.entry())) {
                    ops.add(write(r, 1, "the update of " + r.what()));
                } else {
                    ops.add(write(r, 1, "the replacement of " + r.what() + " (new instance)"));
                    ops.add(delete(old, DELETE_PREFIX + " old " + old.what() + " (a replacement deletes the old instance last, with the other deletes)"));
                }
            }
        }
        for (var old : before.values()) {
            if (!after.containsKey(old.urn()) && !aliased.containsValue(old.urn()) && !stateDeleted.contains(old.urn())) {
                ops.add(delete(old, DELETE_PREFIX + " " + old.what() + " (pulumi up deletes last, after every create and update)"));
            }
        }
        return evaluate(start, target, ops);
    }

    static final String DELETE_PREFIX = "the delete of";

    /**
     * One step's effect on one entry (or, with a null entry, on the whole policy): it sets the given principals' access
     * to {@code grants}, and with {@code others} set, everyone else's to false.
     */
    private record Op(int phase, PolicyKey policy, Entry entry, Set<String> principals, boolean grants, boolean others,
                      Step step) {

        /** The access this step leaves {@code p} with, or empty when it does not touch {@code p}. */
        Optional<Boolean> effect(String p) {
            if (principals.contains(p)) {
                return Optional.of(grants);
            }
            return others ? Optional.of(false) : Optional.empty();
        }

        boolean touches(PolicyKey key, Entry e) {
            return policy.equals(key) && (entry == null || entry.equals(e));
        }
    }

    private static Op write(IamResource r, int phase, String description) {
        // A Binding rewrites its entry: its members in, everyone else out. A Member merges one principal.
        return new Op(phase, r.policy(), r.entry(), r.members(), true, r.binding(), new Step(r.urn(), description + (r.binding()
                ? ", which rewrites the whole role+condition entry and may run after the other grants to it (unrelated "
                + "resources have no defined order)" : "")));
    }

    private static Op delete(IamResource r, String description) {
        return new Op(2, r.policy(), r.entry(), r.binding() ? Set.of() : r.members(), false, r.binding(),
                new Step(r.urn(), description + (r.binding() ? " drops the whole role+condition entry"
                        : " removes " + String.join(", ", r.members()))));
    }

    /**
     * Cloud Run services replaced without a change of name: the provider deletes such a service before creating it
     * again, and its IAM policies go with it.
     */
    private static Set<PolicyKey> replacedServices(Plan a, Plan b, List<Op> ops) {
        var out = new TreeSet<PolicyKey>();
        var before = PlanDiff.byUrn(a);
        for (var r : b.ofType(GcpTypes.RUN_SERVICE)) {
            var old = before.get(r.urn());
            if (old == null) {
                continue;
            }
            var keys = new TreeSet<String>();
            old.inputs().fieldNames().forEachRemaining(keys::add);
            r.inputs().fieldNames().forEachRemaining(keys::add);
            boolean replaced = keys.stream().anyMatch(k -> ReplaceRules.forcesReplacement(r.type(), k)
                    && !old.inputs().path(k).equals(r.inputs().path(k)));
            var project = r.inputs().path("project").asText();
            var location = r.inputs().path("location").asText();
            var name = r.inputs().path("name").asText(r.name());
            boolean sameName = project.equals(old.inputs().path("project").asText())
                    && location.equals(old.inputs().path("location").asText()) && name.equals(old.inputs().path("name").asText(old.name()));
            if (replaced && sameName) {
                for (var kind : List.of(PolicyKey.RUN, PolicyKey.IAP)) {
                    var key = new PolicyKey(kind, project, location, name);
                    out.add(key);
                    ops.add(new Op(0, key, null, Set.of(), false, true, new Step(r.urn(), "the replacement of Cloud Run service "
                            + name + " deletes it, and its IAM policies with it, before creating it again")));
                }
            }
        }
        return out;
    }

    /**
     * Follows each principal of each entry through the phases. Within a phase any order is possible, so after it the
     * principal's access is whatever value one of the phase's steps leaves, and during it any of those values.
     */
    private static List<Problem> evaluate(Policy start, Policy target, List<Op> ops) {
        var entries = new TreeMap<PolicyKey, Set<Entry>>();
        start.entries().forEach((k, m) -> entries.computeIfAbsent(k, x -> new TreeSet<>()).addAll(m.keySet()));
        target.entries().forEach((k, m) -> entries.computeIfAbsent(k, x -> new TreeSet<>()).addAll(m.keySet()));
        ops.stream().filter(op -> op.entry() != null).forEach(op -> entries.computeIfAbsent(op.policy(), x -> new TreeSet<>()).add(op.entry()));
        var problems = new ArrayList<Problem>();
        entries.forEach((key, es) -> {
            for (var entry : es) {
                var relevant = ops.stream().filter(op -> op.touches(key, entry)).toList();
                var principals = new TreeSet<>(start.members(key, entry));
                principals.addAll(target.members(key, entry));
                relevant.forEach(op -> principals.addAll(op.principals()));
                for (var p : principals) {
                    follow(key, entry, p, start.members(key, entry).contains(p), target.members(key, entry).contains(p), relevant)
                            .ifPresent(problems::add);
                }
            }
        });
        return problems;
    }

    private static Optional<Problem> follow(PolicyKey key, Entry entry, String p, boolean inA, boolean inB, List<Op> ops) {
        // Each possible value of the principal's access, with the step that last set it (null: the starting policy).
        Map<Boolean, Step> now = new TreeMap<>();
        now.put(inA, null);
        Step lostMidway = null;
        Step gainedMidway = null;
        for (int phase = 0; phase <= 2; phase++) {
            Map<Boolean, Step> after = new TreeMap<>();
            for (var op : ops) {
                if (op.phase() != phase) {
                    continue;
                }
                var effect = op.effect(p);
                if (effect.isPresent()) {
                    after.putIfAbsent(effect.get(), op.step());
                    if (!effect.get() && inA && inB && lostMidway == null) {
                        lostMidway = op.step();
                    }
                    if (effect.get() && !inA && !inB && gainedMidway == null) {
                        gainedMidway = op.step();
                    }
                }
            }
            if (!after.isEmpty()) {
                now = after;
            }
        }
        if (inB && now.containsKey(false)) {
            return Optional.of(new Problem(Violation.LOST, key, entry, p, now.get(false) == null
                    ? new Step("", "no step of the update grants it") : now.get(false)));
        }
        if (!inB && now.containsKey(true)) {
            return Optional.of(new Problem(Violation.LEFT_OVER, key, entry, p, now.get(true) == null
                    ? new Step("", "no step of the update removes it") : now.get(true)));
        }
        if (lostMidway != null) {
            return Optional.of(new Problem(Violation.LOST_MIDWAY, key, entry, p, lostMidway));
        }
        return Optional.ofNullable(gainedMidway).map(step -> new Problem(Violation.GAINED_MIDWAY, key, entry, p, step));
    }

    private static Policy policyOf(java.util.Collection<IamResource> resources) {
        var out = new TreeMap<PolicyKey, Map<Entry, Set<String>>>();
        for (var r : resources) {
            out.computeIfAbsent(r.policy(), k -> new TreeMap<>()).computeIfAbsent(r.entry(), k -> new TreeSet<>()).addAll(r.members());
        }
        return new Policy(out);
    }

    /**
     * The IAM resources of a plan, by URN. A value known only after deployment is taken to equal the other plan's
     * value for the same resource (it is computed the same way), or else stands for itself, named by its resource.
     */
    static Map<String, IamResource> iamResources(Plan plan, Optional<Plan> other) {
        var others = other.map(PlanDiff::byUrn).orElse(Map.of());
        var out = new TreeMap<String, IamResource>();
        for (var r : plan.resources()) {
            var in = r.inputs();
            var counterpart = Optional.ofNullable(others.get(r.urn())).map(Plan.PlannedResource::inputs);
            PolicyKey key = switch (r.type()) {
                case GcpTypes.RUN_SERVICE_IAM_MEMBER -> new PolicyKey(PolicyKey.RUN, in.path("project").asText(),
                        in.path("location").asText(), in.path("name").asText());
                case GcpTypes.IAP_WEB_RUN_IAM_BINDING, GcpTypes.IAP_WEB_RUN_IAM_MEMBER -> new PolicyKey(PolicyKey.IAP,
                        in.path("project").asText(), in.path("location").asText(), in.path("cloudRunServiceName").asText());
                case GcpTypes.SECRET_IAM_MEMBER -> secret(in);
                // A project's policy, like a secret's, has no location; its name is the project.
                case GcpTypes.PROJECT_IAM_MEMBER -> new PolicyKey(PolicyKey.PROJECT, in.path("project").asText(), "",
                        in.path("project").asText());
                default -> null;
            };
            if (key == null) {
                continue;
            }
            var c = in.path("condition");
            var entry = new Entry(in.path("role").asText(), c.path("title").asText(""), c.path("description").asText(""),
                    c.path("expression").asText(""));
            boolean binding = r.type().equals(GcpTypes.IAP_WEB_RUN_IAM_BINDING);
            var members = new LinkedHashSet<String>();
            if (binding) {
                var list = in.path("members");
                for (int i = 0; i < list.size(); i++) {
                    int at = i;
                    members.add(principal(list.get(i), counterpart.map(o -> o.path("members").path(at)), r.urn() + " members[" + i + "]"));
                }
            } else {
                members.add(principal(in.path("member"), counterpart.map(o -> o.path("member")), r.urn()));
            }
            out.put(r.urn(), new IamResource(r.urn(), r.name(), binding, key, entry, new TreeSet<>(members)));
        }
        return out;
    }

    private static PolicyKey secret(JsonNode in) {
        var id = in.path("secretId").asText();
        if (id.startsWith("projects/")) {
            var parts = id.split("/");
            return new PolicyKey(PolicyKey.SECRET, parts[1], "", parts[parts.length - 1]);
        }
        return new PolicyKey(PolicyKey.SECRET, in.path("project").asText(), "", id);
    }

    private static String principal(JsonNode value, Optional<JsonNode> counterpart, String where) {
        var text = value.asText();
        if (StructJson.UNKNOWN.equals(text)) {
            var known = counterpart.map(JsonNode::asText).filter(t -> !t.isEmpty() && !StructJson.UNKNOWN.equals(t));
            if (known.isEmpty()) {
                return "[known after deployment: " + where + "]";
            }
            text = known.get();
        }
        return Principal.canonical(text);
    }

    /** The problems as a reviewer reads them: one text per policy, with what to do. */
    public static Map<PolicyKey, String> explain(Verdict verdict) {
        var byPolicy = new TreeMap<PolicyKey, List<Problem>>();
        verdict.problems().forEach(p -> byPolicy.computeIfAbsent(p.policy(), k -> new ArrayList<>()).add(p));
        var out = new TreeMap<PolicyKey, String>();
        byPolicy.forEach((key, problems) -> {
            var text = new StringBuilder("on ").append(key).append(": ");
            var byCause = new TreeMap<String, List<Problem>>();
            problems.forEach(p -> byCause.computeIfAbsent(p.kind().ordinal() + p.entry().toString() + "\u0000" + p.step().description(),
                    k -> new ArrayList<>()).add(p));
            var parts = new ArrayList<String>();
            byCause.values().forEach(ps -> {
                var first = ps.get(0);
                var who = ps.stream().map(Problem::principal).distinct().toList();
                parts.add(String.join(", ", who) + " " + (who.size() == 1 ? first.kind().meaning
                        : first.kind().meaning.replace("loses", "lose").replace("keeps", "keep").replace("gains", "gain")
                        .replace("declares it", "declares them")) + " (" + first.entry() + "): " + first.step().description());
            });
            text.append(String.join("; ", parts)).append(". ");
            text.append(remedy(verdict, problems));
            out.put(key, text.toString());
        });
        return out;
    }

    private static String remedy(Verdict verdict, List<Problem> problems) {
        if (!verdict.stateDeletes().isEmpty()) {
            var urns = problems.stream().map(p -> p.step().urn()).filter(verdict.stateDeletes()::contains).distinct().toList();
            if (urns.isEmpty()) {
                urns = verdict.stateDeletes();
            }
            var commands = urns.stream().map(urn -> "pulumi state delete '" + urn + "'").toList();
            return "Safe path: first remove " + (urns.size() == 1 ? "that resource" : "those resources")
                    + " from the state, which leaves the grants in IAM (" + String.join("; ", commands)
                    + "), then apply the change.";
        }
        return "No single update keeps access here: split the change into updates that each keep access (for example, "
                + "change the members with the accessor mode unchanged first, then switch the mode alone), and check each "
                + "with validate --base.";
    }
}
