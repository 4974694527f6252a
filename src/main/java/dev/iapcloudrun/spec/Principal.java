package dev.iapcloudrun.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IAM principal as IAM writes it ({@code user:ada@example.com}). The one parser of principals:
 * public principals are refused here, because an IAP service must only ever name who may reach it.
 */
public record Principal(String value) implements Comparable<Principal> {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final String POOL = "iam\\.googleapis\\.com/(projects/[0-9]+/locations/global/workloadIdentityPools|locations/global/workforcePools)/[a-z0-9][a-z0-9-]*";
    private static final Pattern FEDERATED_PRINCIPAL = Pattern.compile("principal://" + POOL + "/subject/\\S+");
    private static final Pattern FEDERATED_SET = Pattern.compile("principalSet://" + POOL + "/(group/\\S+|attribute\\.[a-z_][a-z0-9_]*/\\S+|\\*)");
    private static final String IAP_AGENT_DOMAIN = "gcp-sa-iap.iam.gserviceaccount.com";
    /** Any principal at the IAP service agents' domain, in any case, as IAM compares emails and domains. */
    private static final Pattern IAP_AGENT = Pattern.compile("[A-Za-z]+:(\\S*@)?" + Pattern.quote(IAP_AGENT_DOMAIN), Pattern.CASE_INSENSITIVE);
    private static final java.util.List<String> PREFIXES = java.util.List.of("user", "group", "serviceAccount", "domain", "principal", "principalSet");
    private static final String EXPECTED = "expected user:EMAIL, group:EMAIL, serviceAccount:EMAIL, domain:DOMAIN, "
            + "principal://... or principalSet://...";

    /** Why {@code text} is not an acceptable principal, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text.equals("allUsers") || text.equals("allAuthenticatedUsers")) {
            return Optional.of("found the public principal '" + text + "'; an IAP-protected service only admits named "
                    + "principals (a public grant would open the service the moment IAP is switched off)");
        }
        if (text.startsWith("principalSet://goog/public:")) {
            return Optional.of("found the public principal set '" + text + "'; an IAP-protected service only admits named principals");
        }
        if (IAP_AGENT.matcher(text).matches()) {
            return Optional.of("found '" + text + "', an IAP service agent; the program grants the project's own IAP agent "
                    + "roles/run.invoker itself, and another project's agent must never be granted (it would let that project's "
                    + "IAP through to this service); expected no principal at " + IAP_AGENT_DOMAIN);
        }
        int colon = text.indexOf(':');
        if (text.startsWith("principal://")) {
            return FEDERATED_PRINCIPAL.matcher(text).matches() ? Optional.empty() : Optional.of("found '" + text
                    + "'; expected principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/subject/SUBJECT "
                    + "or principal://iam.googleapis.com/locations/global/workforcePools/POOL/subject/SUBJECT");
        }
        if (text.startsWith("principalSet://")) {
            return FEDERATED_SET.matcher(text).matches() ? Optional.empty() : Optional.of("found '" + text
                    + "'; expected principalSet://iam.googleapis.com/ followed by projects/NUMBER/locations/global/workloadIdentityPools/POOL "
                    + "or locations/global/workforcePools/POOL, then /group/GROUP, /attribute.NAME/VALUE or /*");
        }
        if (colon < 0) {
            return Optional.of("found '" + text + "' without a prefix; " + EXPECTED);
        }
        var prefix = text.substring(0, colon);
        var rest = text.substring(colon + 1);
        return switch (prefix) {
            case "user", "group", "serviceAccount" -> EMAIL.matcher(rest).matches()
                    ? Optional.empty()
                    : Optional.of("found '" + text + "'; expected a well-formed email address after '" + prefix + ":'");
            case "domain" -> DOMAIN.matcher(rest).matches()
                    ? Optional.empty()
                    : Optional.of("found '" + text + "'; expected a lower-case domain name after 'domain:', such as domain:example.com");
            // IAM's prefixes are case-sensitive: Group: and serviceaccount: are unknown to it, and close to a known one.
            default -> Optional.of("found the unknown prefix '" + prefix + ":' in '" + text + "'; "
                    + DidYouMean.closest(prefix, PREFIXES).map(k -> "did you mean '" + k + ":'? ").orElse("") + EXPECTED);
        };
    }

    /**
     * The domain a person or group principal belongs to ({@code user:ada@acme.example} → {@code acme.example},
     * {@code domain:acme.example} → itself); empty for service accounts and federated identities.
     */
    public Optional<String> domain() {
        if (value.startsWith("user:") || value.startsWith("group:")) {
            return Optional.of(value.substring(value.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT));
        }
        return value.startsWith("domain:") ? Optional.of(value.substring("domain:".length())) : Optional.empty();
    }

    /**
     * The principal as IAM compares it. IAM and the provider ignore the case of what follows the prefix of an email or
     * domain principal, but not of federated identities ({@code principal://}, {@code principalSet://}), so
     * {@code user:Ada@x} and {@code user:ada@x} are one grant. Duplicates are found, and resources named, in this form.
     */
    public String canonical() {
        if (value.startsWith("principal://") || value.startsWith("principalSet://")) {
            return value;
        }
        int colon = value.indexOf(':');
        return value.substring(0, colon + 1) + value.substring(colon + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A member as IAM compares it, whatever it holds: {@link #canonical()} for a principal, the text itself for what is
     * not one (a value known only after deployment, say).
     */
    public static String canonical(String member) {
        return member.indexOf(':') > 0 ? new Principal(member).canonical() : member;
    }

    /** Parses a principal already known to be acceptable. */
    public static Principal of(String text) {
        problem(text).ifPresent(p -> { throw new IllegalArgumentException(p); });
        return new Principal(text);
    }

    @Override
    public int compareTo(Principal other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
