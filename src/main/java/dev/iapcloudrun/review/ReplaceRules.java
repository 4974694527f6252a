package dev.iapcloudrun.review;

import dev.iapcloudrun.provider.gcp.GcpTypes;

import java.util.Map;
import java.util.Set;

/**
 * Which input changes make pulumi-gcp 9.37.0 replace a resource instead of updating it in place (the
 * provider's ForceNew properties). A replacement deletes the old resource, so for an IAM grant it is a
 * moment without access, and for a protected service a failed update.
 */
final class ReplaceRules {

    /** Every input of the resource forces a replacement. */
    private static final Set<String> ALL = Set.of("*");

    private static final Map<String, Set<String>> FORCE_NEW = Map.of(
            GcpTypes.RUN_SERVICE, Set.of("name", "location", "project", "tags"),
            GcpTypes.RUN_SERVICE_IAM_MEMBER, ALL,
            GcpTypes.IAP_WEB_RUN_IAM_MEMBER, ALL,
            GcpTypes.SECRET_IAM_MEMBER, ALL,
            GcpTypes.PROJECT_IAM_MEMBER, ALL,
            // members are updated in place: that is what makes a Binding the authoritative list.
            GcpTypes.IAP_WEB_RUN_IAM_BINDING, Set.of("cloudRunServiceName", "location", "project", "role", "condition"),
            GcpTypes.IAP_SETTINGS, Set.of("name"),
            GcpTypes.PROJECT_SERVICE, Set.of("service", "project"),
            GcpTypes.SERVICE_IDENTITY, Set.of("service", "project"),
            GcpTypes.SERVICE_ACCOUNT, Set.of("accountId", "project"));

    private ReplaceRules() {}

    /** Whether a change of the top-level input {@code property} of a resource of {@code type} replaces it. */
    static boolean forcesReplacement(String type, String property) {
        var properties = FORCE_NEW.getOrDefault(type, Set.of());
        return properties.equals(ALL) || properties.contains(property);
    }
}
