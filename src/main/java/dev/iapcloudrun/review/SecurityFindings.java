package dev.iapcloudrun.review;

import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.review.Finding.Kind;
import dev.iapcloudrun.review.Grants.Grant;
import dev.iapcloudrun.review.Grants.ServiceSettings;
import dev.iapcloudrun.synth.Plan;

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

    private SecurityFindings() {}

    static List<Finding> of(Plan base, Plan head, List<PlanDiff.ResourceChange> changes) {
        var findings = new ArrayList<Finding>();
        var servicesBefore = byName(Grants.services(base));
        var servicesAfter = byName(Grants.services(head));
        grants(Grants.of(base), Grants.of(head), servicesAfter, findings);
        services(servicesBefore, servicesAfter, findings);
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

    private static void grants(List<Grant> before, List<Grant> after, Map<String, ServiceSettings> servicesAfter,
                               List<Finding> findings) {
        Map<String, Grant> old = byKey(before);
        Map<String, Grant> now = byKey(after);
        for (var grant : after) {
            var previous = old.get(grant.key());
            if (grant.isPublic() && (previous == null || !previous.isPublic())) {
                findings.add(new Finding(Kind.PUBLIC_PRINCIPAL, grant.service(), grant.principal() + " gains " + grant.role()
                        + " on " + grant.service() + ": anyone could reach it"));
            } else if (previous == null && !grant.isIapAgent()) {
                findings.add(new Finding(Kind.ACCESS_GRANTED, grant.service(),
                        grant.principal() + " gains " + grant.role() + " on " + grant.service() + " (" + describe(grant) + ")"));
            } else if (previous != null && !describe(previous).equals(describe(grant))) {
                findings.add(new Finding(Kind.ACCESS_CHANGED, grant.service(), grant.principal() + "'s " + grant.role()
                        + " on " + grant.service() + " changes from " + describe(previous) + " to " + describe(grant)));
            }
        }
        for (var grant : before) {
            if (now.containsKey(grant.key())) {
                continue;
            }
            if (!grant.isIapAgent()) {
                findings.add(new Finding(Kind.ACCESS_REVOKED, grant.service(),
                        grant.principal() + " loses " + grant.role() + " on " + grant.service() + " (" + describe(grant) + ")"));
            } else if (servicesAfter.containsKey(grant.service())) {
                findings.add(new Finding(Kind.ACCESS_REVOKED, grant.service(), "the IAP service agent loses " + grant.role()
                        + " on " + grant.service() + ": IAP can no longer call it, and signed-in users get an error"));
            }
        }
    }

    private static void services(Map<String, ServiceSettings> before, Map<String, ServiceSettings> after, List<Finding> findings) {
        for (var now : after.values()) {
            var name = now.service();
            var old = Optional.ofNullable(before.get(name));
            if (!now.iapEnabled() && old.map(ServiceSettings::iapEnabled).orElse(true)) {
                findings.add(new Finding(Kind.IAP_DISABLED, name, old.isPresent()
                        ? "IAP is switched off on " + name + ": requests no longer pass through IAP"
                        : name + " is created without IAP"));
            }
            if (now.invokerIamDisabled() && !old.map(ServiceSettings::invokerIamDisabled).orElse(false)) {
                findings.add(new Finding(Kind.INVOKER_CHECK_DISABLED, name, "the IAM invoker check is switched off on "
                        + name + ": anyone who reaches its URL can call it"));
            }
            if (old.isPresent() && width(now.ingress()) > width(old.get().ingress())) {
                findings.add(new Finding(Kind.INGRESS_WIDENED, name, "ingress of " + name + " widens from "
                        + old.get().ingress() + " to " + now.ingress()));
            }
            if (old.isPresent() && old.get().deletionProtection() && !now.deletionProtection()) {
                findings.add(new Finding(Kind.DELETION_PROTECTION_REMOVED, name, "deletion protection is removed from " + name));
            }
        }
    }

    private static String describe(Grant grant) {
        return grant.kind().label + grant.condition().map(c -> ", condition '" + c.title() + "': " + c.expression())
                .orElse(", no condition");
    }

    private static String oauth(PlanDiff.ResourceChange change) {
        return switch (change.action()) {
            case ADD -> "IAP settings " + change.name() + " are created: sign-in goes through the custom OAuth client";
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
