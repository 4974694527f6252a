package dev.iapcloudrun.components;

/** The one place that knows the address of a project's IAP service agent. */
public final class IapServiceAgent {

    private static final String DOMAIN = "gcp-sa-iap.iam.gserviceaccount.com";

    private IapServiceAgent() {}

    /** IAP calls Cloud Run as this identity, so it needs {@code roles/run.invoker} on every IAP service. */
    public static String member(String projectNumber) {
        return "serviceAccount:service-" + projectNumber + "@" + DOMAIN;
    }
}
