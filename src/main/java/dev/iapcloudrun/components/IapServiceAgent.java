package dev.iapcloudrun.components;

import java.util.Optional;
import java.util.regex.Pattern;

/** The one place that knows the address of a project's IAP service agent. */
public final class IapServiceAgent {

    private static final String DOMAIN = "gcp-sa-iap.iam.gserviceaccount.com";
    // IAM compares the email without regard to case, so a policy may hold it in any case.
    private static final Pattern MEMBER = Pattern.compile("serviceAccount:service-([0-9]+)@" + Pattern.quote(DOMAIN), Pattern.CASE_INSENSITIVE);

    private IapServiceAgent() {}

    /** IAP calls Cloud Run as this identity, so it needs {@code roles/run.invoker} on every IAP service. */
    public static String member(String projectNumber) {
        return "serviceAccount:service-" + projectNumber + "@" + DOMAIN;
    }

    /** Whether {@code member} is a project's IAP service agent, and of which project number. */
    public static Optional<String> projectNumber(String member) {
        var agent = MEMBER.matcher(member);
        return agent.matches() ? Optional.of(agent.group(1)) : Optional.empty();
    }
}
