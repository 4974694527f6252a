package dev.iapcloudrun.gcloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iapcloudrun.components.IapServiceAgent;
import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.review.DiffFormat;
import dev.iapcloudrun.review.Grants;
import dev.iapcloudrun.spec.AccessorsSpec;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.spec.StackSpec;
import dev.iapcloudrun.synth.Plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Today's hand-made policies of each service compared with what the stack declares: who keeps access when the stack
 * adopts the service, who gains it, who loses it, whether the IAP agent's invoker grant exists, and any public principal.
 *
 * <p>What the stack's grants do to the live policy follows the provider: an authoritative accessor list owns the entry of
 * its role and condition (everyone else in that entry loses access), and leaves entries of other conditions alone; additive
 * accessors and invoker grants merge into the policy and remove nobody. A grant the stack leaves alone stays, "not managed
 * by the stack": it is listed, since after adoption nobody reviews it in the stack file.
 *
 * <p>An adopted service's additive grants (accessors, invokers, the IAP agent's invoker grant) are imported by an ID made
 * of the declared member: one missing from the live policy fails the import, so it is reported as blocking, never as gained.
 */
public record AdoptReport(String stack, List<ServiceReport> services) {

    /** The live policies of one service, as gcloud printed them. */
    public record LiveService(String service, IamPolicyFile run, IamPolicyFile iap) {}

    /** What the report says first: the kinds a reviewer must not miss come first, in this order. */
    public enum Kind {
        IMPORT_FAILS("import-fails"),
        PUBLIC_PRINCIPAL("public-principal"),
        ACCESS_REVOKED("access-revoked"),
        IAP_AGENT_INVOKER_MISSING("iap-agent-invoker-missing"),
        ACCESS_GRANTED("access-granted"),
        KEPT_NOT_MANAGED("kept-not-managed");

        public final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    public record Finding(Kind kind, String service, String message) {}

    /** One principal's grant of one role, with the condition that keys it (empty for none). */
    public record Access(String principal, String role, String condition) {

        String describe() {
            return principal + " (" + role + (condition.isEmpty() ? "" : ", condition '" + condition + "'") + ")";
        }
    }

    /**
     * @param accessors   how the stack declares the service's accessors: "authoritative", "additive" or "none"
     * @param agentMember the IAP agent's member found in the live policy, or empty when it holds no invoker grant there
     * @param agentNeeded whether the stack makes the agent's invoker grant (IAP on)
     * @param importFails the declared grants the stack imports that the live policy does not hold: the first pulumi up fails
     */
    public record ServiceReport(String service, String accessors, List<Access> keeps, List<Access> gains, List<Access> loses,
                                List<Access> importFails,
                                List<Access> notManaged, Optional<String> agentMember, boolean agentNeeded,
                                List<Access> publicPrincipals, List<Finding> findings) {}

    /** Compares each service's live policies with the stack's plan; {@code spec} supplies what the plan does not hold. */
    public static AdoptReport of(Plan plan, StackSpec spec, List<LiveService> live) {
        var grants = Grants.of(plan);
        var reports = new ArrayList<ServiceReport>();
        for (var service : live) {
            var declared = spec.services().stream().filter(s -> s.name().equals(service.service())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the stack declares no service '" + service.service() + "'"));
            reports.add(compare(declared, grants.stream().filter(g -> g.service().equals(service.service())).toList(),
                    spec.projectNumber(), service, adoptedMembers(plan, service.service())));
        }
        return new AdoptReport(plan.stack(), reports);
    }

    /**
     * The service's IAM member resources the plan adopts (those with an import ID), by role and canonical member, each
     * with its resource name; an authoritative binding is not among them, since its import does not name the members.
     */
    private static Map<String, String> adoptedMembers(Plan plan, String service) {
        var adopted = new LinkedHashMap<String, String>();
        for (var r : plan.resources()) {
            var in = r.inputs();
            var of = switch (r.type()) {
                case GcpTypes.IAP_WEB_RUN_IAM_MEMBER -> in.path("cloudRunServiceName").asText();
                case GcpTypes.RUN_SERVICE_IAM_MEMBER -> in.path("name").asText();
                default -> null;
            };
            if (of != null && of.equals(service) && !r.importId().isEmpty()) {
                adopted.put(in.path("role").asText() + " " + Principal.canonical(in.path("member").asText()), r.name());
            }
        }
        return adopted;
    }

    private static ServiceReport compare(ServiceSpec declared, List<Grants.Grant> grants, Optional<String> projectNumber, LiveService live,
                                         Map<String, String> adopted) {
        var name = declared.name();
        var keeps = new ArrayList<Access>();
        var gains = new ArrayList<Access>();
        var importFails = new ArrayList<Access>();
        var loses = new ArrayList<Access>();
        var notManaged = new ArrayList<Access>();
        var publics = new ArrayList<Access>();
        var findings = new ArrayList<Finding>();

        // Accessors: the stack's entry is keyed by its condition, as IAM keys it.
        var accessors = declared.accessors().filter(a -> declared.iap());
        var declaredKey = accessors.flatMap(AccessorsSpec::condition)
                .map(c -> new IamPolicyFile.Condition(c.title(), c.expression(), c.description().orElse("")).key()).orElse("");
        var declaredTitle = accessors.flatMap(AccessorsSpec::condition).map(AccessorsSpec.ConditionSpec::title).orElse("");
        var declaredAccessors = new LinkedHashSet<String>();
        grants.stream().filter(g -> g.role().equals(Roles.IAP_ACCESSOR)).forEach(g -> declaredAccessors.add(Principal.canonical(g.principal())));
        var liveInEntry = new LinkedHashSet<String>();
        boolean authoritative = accessors.map(a -> a.mode() == AccessorsSpec.Mode.AUTHORITATIVE).orElse(false);
        for (var binding : live.iap().of(Roles.IAP_ACCESSOR)) {
            var key = binding.condition().map(IamPolicyFile.Condition::key).orElse("");
            var title = binding.condition().map(IamPolicyFile.Condition::title).orElse("");
            for (var member : binding.members()) {
                var access = new Access(member.value(), binding.role(), title);
                boolean inEntry = accessors.isPresent() && key.equals(declaredKey);
                if (inEntry) {
                    liveInEntry.add(Principal.canonical(member.value()));
                }
                if (inEntry && declaredAccessors.contains(Principal.canonical(member.value()))) {
                    keeps.add(access);
                } else if (inEntry && authoritative) {
                    loses.add(access);
                    findings.add(new Finding(Kind.ACCESS_REVOKED, name, access.describe() + " loses access to " + name
                            + ": the stack's authoritative accessor list does not name it, and owns this grant's entry"));
                } else {
                    notManaged.add(access);
                    findings.add(new Finding(Kind.KEPT_NOT_MANAGED, name, access.describe() + " keeps access to " + name
                            + ", not managed by the stack: " + (accessors.isEmpty() ? "the stack declares no accessors for it"
                            : !key.equals(declaredKey) ? "an authoritative or additive list leaves grants of another condition alone"
                            : "additive accessors leave grants made elsewhere alone")));
                }
                if (member.isPublic()) {
                    publics.add(access);
                }
            }
        }
        // A declared grant the live policy lacks: an adopted one fails its import, any other is gained.
        java.util.function.Consumer<Access> missing = access -> {
            var resource = adopted.get(access.role() + " " + access.principal());
            if (resource != null) {
                importFails.add(access);
                findings.add(importFails(access, name, resource, "or remove it from the stack"));
            } else {
                gains.add(access);
                findings.add(new Finding(Kind.ACCESS_GRANTED, name, access.describe() + " gains access to " + name));
            }
        };
        declaredAccessors.stream().filter(p -> !liveInEntry.contains(p))
                .forEach(p -> missing.accept(new Access(p, Roles.IAP_ACCESSOR, declaredTitle)));

        // Invokers: additive in this project, so nobody loses one; the IAP agent's is how IAP reaches the service.
        var declaredInvokers = new LinkedHashSet<String>();
        grants.stream().filter(g -> g.role().equals(Roles.RUN_INVOKER) && !g.isIapAgent())
                .forEach(g -> declaredInvokers.add(Principal.canonical(g.principal())));
        boolean agentNeeded = grants.stream().anyMatch(Grants.Grant::isIapAgent);
        Optional<String> agentMember = Optional.empty();
        var liveInvokers = new LinkedHashSet<String>();
        for (var binding : live.run().bindings()) {
            var title = binding.condition().map(IamPolicyFile.Condition::title).orElse("");
            for (var member : binding.members()) {
                var access = new Access(member.value(), binding.role(), title);
                boolean invoker = binding.role().equals(Roles.RUN_INVOKER) && binding.condition().isEmpty();
                var agentNumber = IapServiceAgent.projectNumber(member.value());
                if (invoker && agentNumber.isPresent() && projectNumber.map(agentNumber.get()::equals).orElse(true)) {
                    agentMember = Optional.of(member.value());
                    continue;
                }
                if (member.isPublic()) {
                    publics.add(access);
                }
                if (invoker && declaredInvokers.contains(Principal.canonical(member.value()))) {
                    liveInvokers.add(Principal.canonical(member.value()));
                    keeps.add(access);
                } else {
                    notManaged.add(access);
                    findings.add(new Finding(Kind.KEPT_NOT_MANAGED, name, access.describe() + " keeps it on " + name
                            + ", not managed by the stack: " + (binding.role().equals(Roles.RUN_INVOKER)
                            ? "invoker grants are additive, so the stack removes none" : "the stack manages no other role")));
                }
            }
        }
        for (var binding : live.iap().bindings()) {
            if (binding.role().equals(Roles.IAP_ACCESSOR)) {
                continue;
            }
            var title = binding.condition().map(IamPolicyFile.Condition::title).orElse("");
            for (var member : binding.members()) {
                var access = new Access(member.value(), binding.role(), title);
                notManaged.add(access);
                findings.add(new Finding(Kind.KEPT_NOT_MANAGED, name, access.describe() + " keeps it on " + name
                        + ", not managed by the stack: the stack manages no other IAP role"));
                if (member.isPublic()) {
                    publics.add(access);
                }
            }
        }
        declaredInvokers.stream().filter(p -> !liveInvokers.contains(p))
                .forEach(p -> missing.accept(new Access(p, Roles.RUN_INVOKER, "")));
        var agentAdopted = adopted.entrySet().stream().filter(e -> e.getKey().startsWith(Roles.RUN_INVOKER + " ")
                && IapServiceAgent.projectNumber(e.getKey().substring(e.getKey().indexOf(' ') + 1)).isPresent()).findFirst();
        if (agentNeeded && agentMember.isEmpty() && agentAdopted.isPresent()) {
            var access = new Access(agentAdopted.get().getKey().substring(agentAdopted.get().getKey().indexOf(' ') + 1), Roles.RUN_INVOKER, "");
            importFails.add(access);
            findings.add(importFails(access, name, agentAdopted.get().getValue(), "(the service needs it for IAP)"));
        } else if (agentNeeded && agentMember.isEmpty()) {
            var expected = projectNumber.map(IapServiceAgent::member).orElse("the project's IAP service agent");
            findings.add(new Finding(Kind.IAP_AGENT_INVOKER_MISSING, name, expected + " holds no " + Roles.RUN_INVOKER
                    + " on " + name + " today, so IAP cannot call it and signed-in users get an error; the stack creates the grant"));
        }
        for (var p : publics) {
            boolean removed = loses.contains(p);
            findings.add(new Finding(Kind.PUBLIC_PRINCIPAL, name, p.describe() + " is in the live policy of " + name + ": "
                    + (removed ? "the stack's authoritative accessor list removes it" : "it stays after adoption, since the stack does "
                    + "not manage that grant; remove it by hand (gcloud ... remove-iam-policy-binding)")));
        }
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::message));
        var mode = accessors.map(a -> a.mode().yaml + (a.condition().map(c -> ", condition '" + c.title() + "'").orElse(", no condition")))
                .orElse(declared.iap() ? "none declared" : "none (IAP off)");
        return new ServiceReport(name, mode, keeps, gains, loses, importFails, notManaged, agentMember, agentNeeded, publics, findings);
    }

    private static Finding importFails(Access access, String service, String resource, String remedy) {
        return new Finding(Kind.IMPORT_FAILS, service, access.describe() + " is not in the live policy of " + service + ": the import of "
                + resource + " fails; grant it with gcloud first " + remedy);
    }

    /** How many declared grants of adopted services are missing, each failing the first pulumi up. */
    public int importFailures() {
        return services.stream().mapToInt(s -> s.importFails().size()).sum();
    }

    public List<Finding> findings() {
        return services.stream().flatMap(s -> s.findings().stream())
                .sorted(Comparator.comparing(Finding::kind).thenComparing(Finding::service).thenComparing(Finding::message)).toList();
    }

    /** How many principals lose access, over every service. */
    public int losses() {
        return services.stream().mapToInt(s -> s.loses().size()).sum();
    }

    public int publicPrincipals() {
        return services.stream().mapToInt(s -> s.publicPrincipals().size()).sum();
    }

    String summary() {
        int keeps = services.stream().mapToInt(s -> s.keeps().size()).sum();
        int gains = services.stream().mapToInt(s -> s.gains().size()).sum();
        int kept = services.stream().mapToInt(s -> s.notManaged().size()).sum();
        return services.size() + (services.size() == 1 ? " service" : " services") + ": " + keeps + " keep access, " + gains
                + " gain it, " + losses() + " lose it, " + kept + " keep a grant the stack does not manage"
                + (importFailures() == 0 ? "" : ", " + importFailures() + (importFailures() == 1 ? " grant fails" : " grants fail") + " to import");
    }

    /** The same reading order as {@code diff}: what matters for security first, then each service. */
    public String text() {
        var findings = findings();
        var out = new StringBuilder("Stack " + stack + ", adopting " + summary() + ".\n\nSecurity-relevant findings:\n");
        if (findings.isEmpty()) {
            out.append("  none\n");
        }
        findings.forEach(f -> out.append("  ! ").append(f.kind().id).append(": ").append(f.message()).append('\n'));
        for (var s : services) {
            out.append("\nService ").append(s.service()).append(" (accessors: ").append(s.accessors()).append("):\n");
            lines(s).forEach((label, items) -> {
                out.append("  ").append(label).append(":");
                if (items.isEmpty()) {
                    out.append(" none\n");
                } else {
                    out.append('\n');
                    items.forEach(i -> out.append("    ").append(i).append('\n'));
                }
            });
        }
        return out.toString();
    }

    public String markdown() {
        var out = new StringBuilder("### iap-cloudrun: adopting into stack `" + DiffFormat.code(stack) + "`\n\n**" + summary() + "**\n\n");
        var findings = findings();
        out.append("#### Security-relevant findings (").append(findings.size()).append(")\n\n");
        if (findings.isEmpty()) {
            out.append("None: nobody gains or loses access, no public principal, and the IAP agent can call every service.\n");
        }
        findings.forEach(f -> out.append("- **").append(f.kind().id).append("**: ").append(DiffFormat.escape(f.message())).append('\n'));
        for (var s : services) {
            out.append("\n#### `").append(DiffFormat.code(s.service())).append("` (accessors: ").append(DiffFormat.escape(s.accessors())).append(")\n\n");
            lines(s).forEach((label, items) -> out.append("- ").append(label).append(": ").append(items.isEmpty() ? "none"
                    : items.stream().map(i -> "`" + DiffFormat.code(i) + "`").collect(Collectors.joining(", "))).append('\n'));
        }
        return out.toString();
    }

    public String json() {
        var json = JsonNodeFactory.instance;
        var root = json.objectNode().put("stack", stack);
        var findings = root.putArray("security");
        findings().forEach(f -> findings.addObject().put("kind", f.kind().id).put("service", f.service()).put("message", f.message()));
        var services = root.putArray("services");
        for (var s : this.services) {
            var node = services.addObject().put("service", s.service()).put("accessors", s.accessors());
            Map.of("keeps", s.keeps(), "gains", s.gains(), "loses", s.loses(), "importFails", s.importFails(), "notManaged", s.notManaged(),
                    "publicPrincipals", s.publicPrincipals()).forEach((key, list) -> {
                var array = node.putArray(key);
                list.forEach(a -> array.addObject().put("principal", a.principal()).put("role", a.role()).put("condition", a.condition()));
            });
            node.put("iapAgentInvoker", s.agentMember().orElse(null));
            node.put("iapAgentInvokerNeeded", s.agentNeeded());
        }
        return DiffFormat.write(root);
    }

    /** One service's lists, labelled, in the order they are read: losses first. */
    private static Map<String, List<String>> lines(ServiceReport s) {
        var lines = new LinkedHashMap<String, List<String>>();
        if (!s.importFails().isEmpty()) {
            lines.put("fails to import (not in the live policy)", s.importFails().stream().map(Access::describe).toList());
        }
        lines.put("loses access", s.loses().stream().map(Access::describe).toList());
        lines.put("gains access", s.gains().stream().map(Access::describe).toList());
        lines.put("keeps access", s.keeps().stream().map(Access::describe).toList());
        lines.put("kept, not managed by the stack", s.notManaged().stream().map(Access::describe).toList());
        boolean agentImportFails = s.importFails().stream().anyMatch(a -> IapServiceAgent.projectNumber(a.principal()).isPresent());
        lines.put("IAP agent's invoker grant", List.of(s.agentMember().map(m -> "exists: " + m)
                .orElse(agentImportFails ? "missing (the stack adopts it, so its import fails: grant it with gcloud first)"
                        : s.agentNeeded() ? "missing (the stack creates it)" : "none (the stack does not need it: IAP is off)")));
        lines.put("public principals", s.publicPrincipals().stream().map(Access::describe).toList());
        return lines;
    }

    /** The formats of the report, as {@code diff} names them. */
    public String render(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> text();
            case "markdown" -> markdown();
            case "json" -> json();
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected text, markdown or json");
        };
    }
}
