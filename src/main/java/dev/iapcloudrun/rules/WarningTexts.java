package dev.iapcloudrun.rules;

import dev.iapcloudrun.spec.DidYouMean;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of the warnings a stack file and a component give alike: choices that are sometimes right and always worth
 * a second look. The stack-file reader places each at its line; a component logs it on itself, naming the input.
 */
public final class WarningTexts {

    private static final Pattern DIGEST = Pattern.compile(".*@sha256:[a-f0-9]{64}");

    private WarningTexts() {}

    /** An image referenced by a tag (or by nothing, which means :latest) rather than by a digest; empty for a digest. */
    public static Optional<String> imageNotPinned(String service, String image) {
        if (DIGEST.matcher(image).matches()) {
            return Optional.empty();
        }
        return Optional.of("the image of '" + service + "' " + tagOf(image)
                .map(tag -> "is referenced by the tag '" + tag + "', not by a digest").orElse("has neither a tag nor a "
                        + "digest, which means the tag :latest") + "; a tag can point at another image after review; "
                + "expected IMAGE@sha256:DIGEST");
    }

    /** The tag of an image reference without a digest: what follows the last ':' of its last path segment (a port has a '/' after it). */
    public static Optional<String> tagOf(String image) {
        var name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(name.substring(colon + 1));
    }

    /** A region missing from {@code known}, where Cloud Run runs today; empty for a known one. */
    public static Optional<String> unknownRegion(String region, Set<String> known) {
        if (known.contains(region)) {
            return Optional.empty();
        }
        return Optional.of("the region \"" + region + "\" is not one this tool knows Cloud Run to run in; "
                + DidYouMean.hint(region, known) + "check the name (Cloud Run locations: https://cloud.google.com/run/docs/locations)");
    }

    /** @param allowedBy the switch that allowed it, as the reader knows it ({@code policy.allowDefaultServiceAccounts}) */
    public static String defaultServiceAccount(String service, String account, String allowedBy) {
        return "'" + service + "' runs as the project's default service account " + account + ", as " + allowedBy + " allows; "
                + InputRules.DEFAULT_ACCOUNT_RISK;
    }

    /** @param allowedBy the switch that allowed it, as the reader knows it ({@code policy.allowAdminRoles}) */
    public static String adminRuntimeRole(String service, String role, String allowedBy) {
        return "the runtime identity of '" + service + "' holds the admin role " + role + ", as " + allowedBy + " allows; "
                + InputRules.ADMIN_ROLE_RISK;
    }

    public static String customRuntimeRole(String service, String role) {
        return "the runtime identity of '" + service + "' holds the custom role " + role + ", whose permissions this tool cannot "
                + "see: check that it includes no IAM administration (setIamPolicy) and no iam.serviceAccounts.actAs or token creation";
    }

    // Google's "Configure IAP for Cloud Run": the IAP check happens first, then IAP calls Cloud Run as its own agent.
    public static String invokerBehindIap(String service) {
        return "'" + service + "' has IAP on, so its invokers do not reach it: every request passes IAP first, which then calls "
                + "Cloud Run as its own service agent, and roles/run.invoker gets no one past IAP; a service-to-service caller "
                + "needs IAP access (list it among the accessors) and an ID token IAP accepts (with Google's managed OAuth client, "
                + "one whose audience is an OAuth client id allow-listed in the IAP settings' programmaticClients)";
    }

    public static String breakglass(String service, String justification) {
        return "'" + service + "' is deployed with Binary Authorization's breakglass (\"" + justification + "\"): images the "
                + "policy would refuse are deployed, and only an audit log entry records it; remove breakglassJustification once "
                + "the emergency is over";
    }

    public static String deletionProtectionOff(String service) {
        return "deletion protection is off for '" + service + "': a destroy or a replacement deletes the service without a further step";
    }

    /** @param members how many members are listed, when that is known (a component may have them only at deploy time) */
    public static String adoptedAuthoritativeAccessors(String service, OptionalInt members) {
        return "'" + service + "' is adopted with authoritative accessors: the first pulumi up imports its "
                + "roles/iap.httpsResourceAccessor binding and then leaves exactly the "
                + (members.isPresent() ? members.getAsInt() + " " : "") + "listed members, removing "
                + "everyone else the live policy holds; compare with gcloud iap web get-iam-policy --resource-type=cloud-run "
                + "--service=" + service + " (the adopt report lists who loses access) and check the binding's members in pulumi preview";
    }
}
