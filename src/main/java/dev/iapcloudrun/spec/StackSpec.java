package dev.iapcloudrun.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One environment as its stack file declares it, validated, with project and region resolved
 * (from the file, or else from the {@code gcp:project} and {@code gcp:region} config).
 *
 * @param projectNumber the project number when declared; otherwise the program looks it up at deploy time
 * @param oauthClient   the custom OAuth client; present exactly when the audience needs one or the file names one
 * @param organizationDomains the organization's domains, when declared: principals outside them are warned about
 *                            in a stack whose audience is internal
 * @param policy        what this stack requires beyond the defaults
 */
public record StackSpec(
        String project,
        Optional<String> projectNumber,
        String region,
        Map<String, String> labels,
        Audience audience,
        Optional<OAuthClientSpec> oauthClient,
        List<ServiceSpec> services,
        List<String> organizationDomains,
        StackPolicy policy) {

    public StackSpec {
        labels = Map.copyOf(labels);
        services = List.copyOf(services);
        organizationDomains = List.copyOf(organizationDomains);
    }

    /** Who signs in through IAP: the three cases of Google's IAP for Cloud Run documentation. */
    public enum Audience {
        /** Users of the project's organization; Google's managed OAuth client serves them. */
        INTERNAL("internal"),
        /** Users outside the organization: needs a custom OAuth client with an External consent screen. */
        EXTERNAL("external"),
        /** A project without an organization: needs a custom OAuth client. */
        NO_ORGANIZATION("no-organization");

        public final String yaml;

        Audience(String yaml) {
            this.yaml = yaml;
        }

        public boolean needsOAuthClient() {
            return this != INTERNAL;
        }
    }
}
