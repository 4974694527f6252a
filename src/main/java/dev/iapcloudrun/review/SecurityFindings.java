package dev.iapcloudrun.review;

import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.review.Finding.Kind;
import dev.iapcloudrun.review.Finding.Side;
import dev.iapcloudrun.review.Grants.Grant;
import dev.iapcloudrun.review.Grants.ProjectRole;
import dev.iapcloudrun.review.Grants.SecretGrant;
import dev.iapcloudrun.review.Grants.ServiceSettings;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.StructJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The changes between two plans that alter who can reach a service, or how safely it is exposed. */
final class SecurityFindings {

    /** Ingress settings from the narrowest to the widest. */
    private static final List<String> INGRESS_WIDTH = List.of(
            "INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "INGRESS_TRAFFIC_ALL");

    /** Most severe kind first, then by service. */
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::kind).thenComparing(Finding::service)
            .thenComparing(Finding::message);

    private static final String NOT_PAST_IAP = "IAP checks every request first and calls the service as its own agent, "
            + "so a caller needs IAP access (an accessor) and an ID token IAP accepts";

    private SecurityFindings() {}

    static List<Finding> of(Plan base, Plan head, List<PlanDiff.ResourceChange> changes) {
        var findings = new ArrayList<Finding>();
        var servicesBefore = byName(Grants.services(base));
        var servicesAfter = byName(Grants.services(head));
        var grantsAfter = Grants.of(head);
        var owners = runtimeOwners(servicesBefore, servicesAfter);
        grants(Grants.of(base), grantsAfter, servicesBefore, servicesAfter, owners, findings);
        services(servicesBefore, servicesAfter, grantsAfter, findings);
        var project = Grants.project(head).isEmpty() ? Grants.project(base) : Grants.project(head);
        secrets(Grants.secrets(base), Grants.secrets(head), project, findings);
        projectRoles(Grants.projectRoles(base), Grants.projectRoles(head), findings);
        runtimeIdentities(servicesBefore, servicesAfter, findings);
        IamTransition.explain(IamTransition.verdict(base, head)).forEach((policy, text) ->
                findings.add(new Finding(Kind.UNSAFE_ACCESS_TRANSITION, policy.service(), "unsafe change of access " + text)));
        for (var change : changes) {
            if (change.type().equals(GcpTypes.IAP_SETTINGS)) {
                findings.add(new Finding(Kind.OAUTH_SETTINGS_CHANGED, "", oauth(change)));
            }
            if (change.protectedBefore() && change.action() == PlanDiff.Action.DELETE) {
                findings.add(new Finding(Kind.PROTECTED_RESOURCE_DELETED, serviceOf(change), change.name()
                        + " (" + change.type() + ") is deleted, but it is protected: " + protectionHint(change)));
            }
            if (change.protectedBefore() && change.action() == PlanDiff.Action.REPLACE) {
                findings.add(new Finding(Kind.PROTECTED_RESOURCE_REPLACED, serviceOf(change), change.name()
                        + " (" + change.type() + ") is replaced (" + String.join(", ", change.replacedBecause())
                        + " changed), but it is protected: " + protectionHint(change)));
            }
        }
        findings.sort(ORDER);
        return findings;
    }

    private static void grants(List<Grant> before, List<Grant> after, Map<String, ServiceSettings> servicesBefore,
                               Map<String, ServiceSettings> servicesAfter, Map<String, String> owners, List<Finding> findings) {
        Map<String, Grant> old = byKey(before);
        Map<String, Grant> now = byKey(after);
        for (var grant : after) {
            var previous = old.get(grant.key());
            if (grant.isPublic() && (previous == null || !previous.isPublic())) {
                findings.add(new Finding(Kind.PUBLIC_PRINCIPAL, grant.service(), grant.principal() + " gains " + grant.role()
                        + " on " + grant.service() + ": anyone could reach it"));
            } else if (previous == null && !grant.isIapAgent() && behindIap(grant, servicesAfter)) {
                findings.add(new Finding(Kind.INVOKER_BEHIND_IAP, grant.service(), who(grant.principal(), owners) + " gains "
                        + grant.role() + " on " + grant.service() + " (" + grant.describe() + "), which does not pass IAP: "
                        + NOT_PAST_IAP, refs(Side.HEAD, grant)));
            } else if (previous == null && !grant.isIapAgent()) {
                findings.add(new Finding(Kind.ACCESS_GRANTED, grant.service(), who(grant.principal(), owners) + " gains "
                        + grant.role() + " on " + grant.service() + " (" + grant.describe() + ")", refs(Side.HEAD, grant)));
            } else if (previous != null && !previous.describe().equals(grant.describe())) {
                var conditions = new ArrayList<>(refs(Side.BASE, previous));
                conditions.addAll(refs(Side.HEAD, grant));
                findings.add(new Finding(Kind.ACCESS_CHANGED, grant.service(), grant.principal() + "'s " + grant.role()
                        + " on " + grant.service() + " changes from " + previous.describe() + " to " + grant.describe(), conditions));
            } else if (previous != null && !previous.condition().equals(grant.condition())) {
                findings.add(new Finding(Kind.ACCESS_CHANGED, grant.service(), grant.principal() + "'s " + grant.role()
                        + " on " + grant.service() + " (" + grant.describe() + ") changes: the condition's expression changes",
                        List.of(refs(Side.BASE, previous).get(0), refs(Side.HEAD, grant).get(0))));
            }
        }
        for (var grant : before) {
            if (now.containsKey(grant.key())) {
                continue;
            }
            if (!grant.isIapAgent() && behindIap(grant, servicesBefore)) {
                findings.add(new Finding(Kind.INVOKER_BEHIND_IAP, grant.service(), who(grant.principal(), owners) + " loses "
                        + grant.role() + " on " + grant.service() + " (" + grant.describe() + "), which did not pass IAP: "
                        + NOT_PAST_IAP, refs(Side.BASE, grant)));
            } else if (!grant.isIapAgent()) {
                findings.add(new Finding(Kind.ACCESS_REVOKED, grant.service(), who(grant.principal(), owners) + " loses "
                        + grant.role() + " on " + grant.service() + " (" + grant.describe() + ")", refs(Side.BASE, grant)));
            } else if (servicesAfter.containsKey(grant.service())) {
                findings.add(new Finding(Kind.ACCESS_REVOKED, grant.service(), "the IAP service agent loses " + grant.role()
                        + " on " + grant.service() + ": IAP can no longer call it, and signed-in users get an error"));
            }
        }
    }

    private static void services(Map<String, ServiceSettings> before, Map<String, ServiceSettings> after,
                                 List<Grant> grantsAfter, List<Finding> findings) {
        for (var now : after.values()) {
            var name = now.service();
            var old = Optional.ofNullable(before.get(name));
            if (!now.iapEnabled() && old.map(ServiceSettings::iapEnabled).orElse(true)) {
                var invokers = grantsAfter.stream().filter(g -> g.service().equals(name) && !g.isIapAgent()
                        && g.role().equals(Roles.RUN_INVOKER)).map(Grant::principal).toList();
                findings.add(new Finding(Kind.IAP_DISABLED, name, (old.isPresent()
                        ? "IAP is switched off on " + name + ": requests no longer pass through IAP"
                        : name + " is created without IAP")
                        + (invokers.isEmpty() ? "" : "; its invokers can call it directly: " + String.join(", ", invokers))));
            }
            if (now.invokerIamDisabled() && !old.map(ServiceSettings::invokerIamDisabled).orElse(false)) {
                findings.add(new Finding(Kind.INVOKER_CHECK_DISABLED, name, "the IAM invoker check is switched off on "
                        + name + ": anyone who reaches its URL can call it"));
            }
            if (old.isPresent() && width(now.ingress()) > width(old.get().ingress())) {
                findings.add(new Finding(Kind.INGRESS_WIDENED, name, "ingress of " + name + " widens from "
                        + old.get().ingressWord() + " to " + now.ingressWord()));
            }
            // Enforcement switched off is what matters (https://cloud.google.com/binary-authorization/docs/run/enabling-binauthz-cloud-run):
            // from then on any image the runtime can pull is deployed, which no other change of the plan shows.
            if (old.isPresent() && !old.get().binaryAuthorization().isEmpty() && now.binaryAuthorization().isEmpty()) {
                findings.add(new Finding(Kind.BINARY_AUTHORIZATION_DISABLED, name, "Binary Authorization is switched off on " + name
                        + ": its images are no longer checked against " + old.get().binaryAuthorization() + " when a revision is deployed"));
            }
            if (!now.breakglass().isEmpty() && !old.map(ServiceSettings::breakglass).orElse("").equals(now.breakglass())) {
                findings.add(new Finding(Kind.BREAKGLASS, name, name + " is deployed with Binary Authorization's breakglass (\""
                        + now.breakglass() + "\"): images its policy would refuse are deployed"));
            }
            if (old.isPresent() && old.get().deletionProtection() && !now.deletionProtection()) {
                findings.add(new Finding(Kind.DELETION_PROTECTION_REMOVED, name, "deletion protection is removed from " + name));
            }
        }
    }

    private static List<Finding.ConditionRef> refs(Side side, Grant grant) {
        return grant.condition().map(c -> List.of(new Finding.ConditionRef(grant.service(), c, side))).orElse(List.of());
    }

    /** An invoker grant on a service behind IAP: IAP checks every request first, then calls the service as its agent. */
    private static boolean behindIap(Grant grant, Map<String, ServiceSettings> services) {
        return grant.role().equals(Roles.RUN_INVOKER)
                && Optional.ofNullable(services.get(grant.service())).map(ServiceSettings::iapEnabled).orElse(false);
    }

    /**
     * Secret grants are access too: a runtime identity that can read a secret of another project (a dev service and
     * a prod secret) is the kind of change a reviewer must not have to find in the resource list.
     */
    private static void secrets(List<SecretGrant> before, List<SecretGrant> after, String project, List<Finding> findings) {
        var old = before.stream().map(SecretGrant::key).collect(Collectors.toSet());
        var now = after.stream().map(SecretGrant::key).collect(Collectors.toSet());
        for (var grant : after) {
            if (old.contains(grant.key())) {
                continue;
            }
            var foreign = !project.isEmpty() && !grant.project().isEmpty() && !grant.project().equals(project);
            findings.add(new Finding(foreign ? Kind.CROSS_PROJECT_SECRET : Kind.ACCESS_GRANTED, grant.service(),
                    holder(grant.service(), grant.principal()) + " gains " + grant.role() + " on the secret " + grant.path()
                            + (foreign ? ", a secret of another project than this stack's (" + project + ")" : "")));
        }
        for (var grant : before) {
            if (!now.contains(grant.key())) {
                findings.add(new Finding(Kind.ACCESS_REVOKED, grant.service(), holder(grant.service(), grant.principal()) + " loses " + grant.role()
                        + " on the secret " + grant.path()));
            }
        }
    }

    /**
     * A project role of a runtime identity is what the service's code may do in the project: a reviewer sees each one
     * gained or lost, whichever part of the stack declares it.
     */
    private static void projectRoles(List<ProjectRole> before, List<ProjectRole> after, List<Finding> findings) {
        var old = before.stream().map(ProjectRole::key).collect(Collectors.toSet());
        var now = after.stream().map(ProjectRole::key).collect(Collectors.toSet());
        for (var role : after) {
            if (!old.contains(role.key())) {
                findings.add(new Finding(Kind.ACCESS_GRANTED, role.service(), holder(role.service(), role.principal()) + " gains " + role.role()
                        + " on the project " + role.project()));
            }
        }
        for (var role : before) {
            if (!now.contains(role.key())) {
                findings.add(new Finding(Kind.ACCESS_REVOKED, role.service(), holder(role.service(), role.principal()) + " loses " + role.role()
                        + " on the project " + role.project()));
            }
        }
    }

    /** Who holds a grant: a service's runtime identity by its service, anyone else by the principal. */
    private static String holder(String service, String principal) {
        return service.isEmpty() ? principal : "the runtime identity of " + service + " (" + principal + ")";
    }

    /** What a service can reach besides its callers is what its runtime identity holds. */
    private static void runtimeIdentities(Map<String, ServiceSettings> before, Map<String, ServiceSettings> after,
                                          List<Finding> findings) {
        for (var now : after.values()) {
            var name = now.service();
            var old = Optional.ofNullable(before.get(name));
            if (now.runtimeIdentity().equals(StructJson.UNKNOWN)
                    || old.filter(o -> o.runtimeIdentity().equals(now.runtimeIdentity())
                            || o.runtimeIdentity().equals(StructJson.UNKNOWN)).isPresent()) {
                continue;
            }
            var was = old.map(o -> "; it ran as " + o.runtimeLabel()).orElse("");
            if (now.runsAsDefaultComputeAccount()) {
                findings.add(new Finding(Kind.DEFAULT_COMPUTE_IDENTITY, name, (old.isPresent() ? name + " now runs as "
                        : name + " is created to run as ") + now.runtimeLabel()
                        + ", which may hold Editor on the project" + was));
            } else if (old.isPresent()) {
                findings.add(new Finding(Kind.RUNTIME_IDENTITY_CHANGED, name, "the runtime identity of " + name
                        + " changes from " + old.get().runtimeLabel() + " to " + now.runtimeLabel()
                        + ": what it can reach is now what the new identity holds"));
            }
        }
    }

    /** Runtime identities by member, so that a grant to one says whose it is. */
    private static Map<String, String> runtimeOwners(Map<String, ServiceSettings> before, Map<String, ServiceSettings> after) {
        var owners = new LinkedHashMap<String, String>();
        for (var services : List.of(after, before)) {
            services.values().stream().filter(s -> !s.runtimeIdentity().isEmpty())
                    .forEach(s -> owners.putIfAbsent(s.runtimeMember(), s.service()));
        }
        return owners;
    }

    private static String who(String principal, Map<String, String> owners) {
        return owners.containsKey(principal) ? principal + " (runtime identity of " + owners.get(principal) + ")" : principal;
    }

    private static String oauth(PlanDiff.ResourceChange change) {
        return switch (change.action()) {
            case ADD, IMPORT -> "IAP settings " + change.name() + " are created: sign-in goes through the custom OAuth client";
            case DELETE -> "IAP settings " + change.name() + " are deleted: every IAP setting of their scope is reset, "
                    + "and sign-in falls back to Google's managed OAuth client";
            case UPDATE, REPLACE -> "IAP settings " + change.name() + " change: " + change.properties().stream()
                    .map(PlanDiff.PropertyChange::path).collect(Collectors.joining(", "));
        };
    }

    private static String protectionHint(PlanDiff.ResourceChange change) {
        return change.type().equals(GcpTypes.RUN_SERVICE)
                ? "the update fails until deletionProtection: false has been applied"
                : "Pulumi refuses until protect is removed";
    }

    /** The service a change belongs to, for grouping; empty when it is not a Cloud Run service. */
    private static String serviceOf(PlanDiff.ResourceChange change) {
        return change.type().equals(GcpTypes.RUN_SERVICE) ? change.name() : "";
    }

    private static int width(String ingress) {
        return INGRESS_WIDTH.indexOf(ingress);
    }

    private static Map<String, Grant> byKey(List<Grant> grants) {
        return grants.stream().collect(Collectors.toMap(Grant::key, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }

    private static Map<String, ServiceSettings> byName(List<ServiceSettings> services) {
        return services.stream().collect(Collectors.toMap(ServiceSettings::service, Function.identity(), (x, y) -> x,
                LinkedHashMap::new));
    }
}
