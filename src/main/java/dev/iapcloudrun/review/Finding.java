package dev.iapcloudrun.review;

import java.util.List;

/**
 * A security-relevant change between two plans.
 *
 * @param kind    what sort of change; the order of the kinds is the order a reviewer reads them in
 * @param service the Cloud Run service concerned, or empty for the whole stack
 * @param message    one sentence, in plain text; a condition is named by its title, its expression is in {@code conditions}
 * @param conditions the conditions the message names, so that a rendering can show each expression once for all findings
 */
public record Finding(Kind kind, String service, String message, List<ConditionRef> conditions) {

    public Finding {
        conditions = List.copyOf(conditions);
    }

    public Finding(Kind kind, String service, String message) {
        this(kind, service, message, List.of());
    }

    /** The side of the change a condition was read from. */
    public enum Side { BASE, HEAD }

    /** A condition a finding names: the service whose grant carries it, the condition, and the plan it is from. */
    public record ConditionRef(String service, Grants.Condition condition, Side side) {}

    public enum Kind {
        PUBLIC_PRINCIPAL("public-principal"),
        UNSAFE_ACCESS_TRANSITION("unsafe-access-transition"),
        IAP_DISABLED("iap-disabled"),
        INVOKER_CHECK_DISABLED("invoker-check-disabled"),
        INGRESS_WIDENED("ingress-widened"),
        BINARY_AUTHORIZATION_DISABLED("binary-authorization-disabled"),
        BREAKGLASS("breakglass"),
        DEFAULT_COMPUTE_IDENTITY("default-compute-identity"),
        CROSS_PROJECT_SECRET("cross-project-secret"),
        ACCESS_GRANTED("access-granted"),
        ACCESS_REVOKED("access-revoked"),
        ACCESS_CHANGED("access-changed"),
        RUNTIME_IDENTITY_CHANGED("runtime-identity-changed"),
        INVOKER_BEHIND_IAP("invoker-behind-iap"),
        OAUTH_SETTINGS_CHANGED("oauth-settings-changed"),
        DELETION_PROTECTION_REMOVED("deletion-protection-removed"),
        PROTECTED_RESOURCE_DELETED("protected-resource-deleted"),
        PROTECTED_RESOURCE_REPLACED("protected-resource-replaced");

        /** The kind as JSON output spells it. */
        public final String id;

        Kind(String id) {
            this.id = id;
        }
    }
}
