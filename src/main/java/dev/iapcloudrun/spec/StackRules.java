package dev.iapcloudrun.spec;

import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.rules.WarningTexts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules that warn instead of refusing: choices that are sometimes right, always worth a second look.
 * A stack's {@link StackPolicy} turns the matching warnings into errors. Each warning names its rule id,
 * which the README's Guardrails section lists.
 */
public final class StackRules {

    /** One warning rule: its id, and the policy switch that makes it an error (if any). */
    public enum Rule {
        IMAGE_NOT_PINNED("image-not-pinned", "requireImageDigests", StackPolicy::requireImageDigests),
        DELETION_PROTECTION_OFF("deletion-protection-off", "requireDeletionProtection", StackPolicy::requireDeletionProtection),
        ADDITIVE_ACCESSORS("additive-accessors", "requireAuthoritativeAccessors", StackPolicy::requireAuthoritativeAccessors),
        ACCESSORS_TURNED_ADDITIVE("accessors-turned-additive", "requireAuthoritativeAccessors", StackPolicy::requireAuthoritativeAccessors),
        // Only a warning: it says that the policy's promise is not kept, which a stricter policy could not fix.
        CONDITIONAL_AUTHORITATIVE_ACCESSORS("conditional-authoritative-accessors", null, p -> false),
        EXTERNAL_PRINCIPAL("external-principal", null, p -> false),
        UNKNOWN_REGION("unknown-region", null, p -> false),
        /** Only reached where policy.allowDefaultServiceAccounts allows the account; elsewhere the reader refuses it. */
        DEFAULT_SERVICE_ACCOUNT("default-service-account", null, p -> false),
        INVOKER_BEHIND_IAP("invoker-behind-iap", null, p -> false),
        /** Only reached where policy.requireBinaryAuthorization asks: deploying without it is otherwise a legitimate choice. */
        BINARY_AUTHORIZATION_MISSING("binary-authorization-missing", "requireBinaryAuthorization", StackPolicy::requireBinaryAuthorization),
        // Only a warning, every time: breakglass is for emergencies, and a policy that refused it would block the emergency.
        BREAKGLASS("breakglass", null, p -> false),
        /** Only reached where policy.allowAdminRoles allows the role; elsewhere the reader refuses it. */
        ADMIN_RUNTIME_ROLE("admin-runtime-role", null, p -> false),
        CUSTOM_RUNTIME_ROLE("custom-runtime-role", null, p -> false),
        // Only a warning, every time: taking over a hand-made policy is the point of adopting, and who loses access is the review.
        ADOPTED_AUTHORITATIVE_ACCESSORS("adopted-authoritative-accessors", null, p -> false);

        public final String id;
        /** The policy switch that makes this rule an error, or null. */
        public final String policyKey;
        private final Predicate<StackPolicy> enforced;

        Rule(String id, String policyKey, Predicate<StackPolicy> enforced) {
            this.id = id;
            this.policyKey = policyKey;
            this.enforced = enforced;
        }
    }

    /**
     * Regions where Cloud Run runs today. A region missing here only warns: Google adds regions, and a
     * stale list must not block a deployment.
     */
    public static final Set<String> CLOUD_RUN_REGIONS = Set.of(
            "africa-south1", "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3",
            "asia-south1", "asia-south2", "asia-southeast1", "asia-southeast2", "australia-southeast1",
            "australia-southeast2", "europe-central2", "europe-north1", "europe-north2", "europe-southwest1",
            "europe-west1", "europe-west2", "europe-west3", "europe-west4", "europe-west6", "europe-west8",
            "europe-west9", "europe-west10", "europe-west12", "me-central1", "me-central2", "me-west1",
            "northamerica-northeast1", "northamerica-northeast2", "northamerica-south1", "southamerica-east1",
            "southamerica-west1", "us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1",
            "us-west2", "us-west3", "us-west4");

    private StackRules() {}

    /** Warnings and policy errors of a valid stack, located through its YAML tree. */
    static void apply(YamlNode root, StackSpec spec, Optional<StackSpec> base, List<Problem> errors, List<Problem> warnings) {
        var found = new Found(root, spec.policy(), errors, warnings);
        WarningTexts.unknownRegion(spec.region(), CLOUD_RUN_REGIONS).ifPresent(m -> found.add(Rule.UNKNOWN_REGION, "region", m, "region"));
        var services = spec.services();
        for (int i = 0; i < services.size(); i++) {
            var s = services.get(i);
            var at = "services[" + i + "]";
            var unpinned = WarningTexts.imageNotPinned(s.name(), s.image());
            if (unpinned.isPresent()) {
                found.add(Rule.IMAGE_NOT_PINNED, at + ".image", unpinned.get(), "services", i, "image");
            }
            var account = s.serviceAccount().filter(sa -> InputRules.isDefaultServiceAccount(sa));
            if (account.isPresent()) {
                found.add(Rule.DEFAULT_SERVICE_ACCOUNT, at + ".serviceAccount", WarningTexts.defaultServiceAccount(s.name(),
                        account.get(), "policy.allowDefaultServiceAccounts"), "services", i, "serviceAccount");
            }
            for (int j = 0; j < s.runtimeRoles().size(); j++) {
                var role = s.runtimeRoles().get(j);
                if (InputRules.isAdminRole(role)) {
                    found.add(Rule.ADMIN_RUNTIME_ROLE, at + ".runtimeRoles[" + j + "]",
                            WarningTexts.adminRuntimeRole(s.name(), role, "policy.allowAdminRoles"), "services", i, "runtimeRoles", j);
                } else if (InputRules.isCustomRole(role)) {
                    found.add(Rule.CUSTOM_RUNTIME_ROLE, at + ".runtimeRoles[" + j + "]", WarningTexts.customRuntimeRole(s.name(), role),
                            "services", i, "runtimeRoles", j);
                }
            }
            if (s.iap() && !s.invokers().isEmpty()) {
                found.add(Rule.INVOKER_BEHIND_IAP, at + ".invokers", WarningTexts.invokerBehindIap(s.name()), "services", i, "invokers");
            }
            if (s.binaryAuthorization().isEmpty() && spec.policy().requireBinaryAuthorization()) {
                found.add(Rule.BINARY_AUTHORIZATION_MISSING, at + ".binaryAuthorization", "'" + s.name() + "' has no "
                        + "binaryAuthorization: its images are deployed without being checked against a Binary Authorization "
                        + "policy; expected binaryAuthorization with policy: default or a named policy", "services", i, "binaryAuthorization");
            }
            var breakglass = s.binaryAuthorization().flatMap(b -> b.breakglassJustification());
            if (breakglass.isPresent()) {
                found.add(Rule.BREAKGLASS, at + ".binaryAuthorization.breakglassJustification",
                        WarningTexts.breakglass(s.name(), breakglass.get()), "services", i, "binaryAuthorization", "breakglassJustification");
            }
            if (!s.deletionProtection()) {
                found.add(Rule.DELETION_PROTECTION_OFF, at + ".deletionProtection", WarningTexts.deletionProtectionOff(s.name()),
                        "services", i, "deletionProtection");
            }
            var mode = s.accessors().map(AccessorsSpec::mode);
            if (s.adopt() && mode.filter(m -> m == AccessorsSpec.Mode.AUTHORITATIVE).isPresent()) {
                found.add(Rule.ADOPTED_AUTHORITATIVE_ACCESSORS, at + ".accessors.mode", WarningTexts.adoptedAuthoritativeAccessors(s.name(),
                        java.util.OptionalInt.of(s.accessors().get().members().size())), "services", i, "accessors", "mode");
            }
            if (mode.filter(m -> m == AccessorsSpec.Mode.ADDITIVE).isPresent()) {
                var before = base.flatMap(b -> b.services().stream().filter(o -> o.name().equals(s.name())).findFirst())
                        .flatMap(ServiceSpec::accessors).map(AccessorsSpec::mode);
                if (before.filter(m -> m == AccessorsSpec.Mode.AUTHORITATIVE).isPresent()) {
                    found.add(Rule.ACCESSORS_TURNED_ADDITIVE, at + ".accessors.mode", "the accessors of '" + s.name()
                            + "' were authoritative at the base revision and are now additive: grants made outside the stack "
                            + "will no longer be removed", "services", i, "accessors", "mode");
                } else if (spec.policy().requireAuthoritativeAccessors()) {
                    found.add(Rule.ADDITIVE_ACCESSORS, at + ".accessors.mode", "the accessors of '" + s.name()
                            + "' are additive; expected authoritative", "services", i, "accessors", "mode");
                }
            }
            var condition = s.accessors().filter(a -> a.mode() == AccessorsSpec.Mode.AUTHORITATIVE).flatMap(AccessorsSpec::condition);
            if (spec.policy().requireAuthoritativeAccessors() && condition.isPresent()) {
                found.add(Rule.CONDITIONAL_AUTHORITATIVE_ACCESSORS, at + ".accessors.condition", "the accessors of '" + s.name()
                        + "' are authoritative for the condition '" + condition.get().title() + "' only: a grant of "
                        + "roles/iap.httpsResourceAccessor without it, made outside the stack, survives every update, so "
                        + "policy.requireAuthoritativeAccessors is not kept for '" + s.name() + "'; drop the condition, or "
                        + "check the service's IAP policy for such grants yourself", "services", i, "accessors", "condition");
            }
            if (spec.audience() == StackSpec.Audience.INTERNAL && !spec.organizationDomains().isEmpty()) {
                var members = s.accessors().map(AccessorsSpec::members).orElse(List.of());
                for (var member : members) {
                    var domain = member.domain();
                    if (domain.isPresent() && !spec.organizationDomains().contains(domain.get())) {
                        int j = indexOf(root, i, member.value());
                        found.add(Rule.EXTERNAL_PRINCIPAL, at + ".accessors.members[" + j + "]", "'" + member.value()
                                + "' is outside the organization's domains (" + String.join(", ", spec.organizationDomains())
                                + "), but the stack's audience is internal: Google's managed OAuth client will not sign them in",
                                "services", i, "accessors", "members", j);
                    }
                }
            }
        }
    }

    private static int indexOf(YamlNode root, int service, String member) {
        var members = root.at("services", service, "accessors", "members");
        if (members.isPresent() && members.get() instanceof YamlNode.Sequence seq) {
            for (int j = 0; j < seq.items().size(); j++) {
                if (seq.items().get(j) instanceof YamlNode.Scalar scalar && scalar.text().equals(member)) {
                    return j;
                }
            }
        }
        return 0;
    }

    /** Adds each finding where it belongs: a warning, or an error when the stack's policy requires it. */
    private record Found(YamlNode root, StackPolicy policy, List<Problem> errors, List<Problem> warnings) {

        void add(Rule rule, String path, String message, Object... yamlPath) {
            // A default left unwritten (deletion protection off cannot be, a mode can) is reported at its parent.
            var node = root.at(yamlPath).or(() -> root.at(Arrays.copyOf(yamlPath, yamlPath.length - 1))).orElse(root);
            if (rule.enforced.test(policy)) {
                errors.add(new Problem(node.location(), path, message + " (required by policy." + rule.policyKey + ")"));
            } else {
                warnings.add(new Problem(node.location(), path, message + " [" + rule.id + "]"));
            }
        }
    }
}
