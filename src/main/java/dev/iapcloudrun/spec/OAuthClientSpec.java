package dev.iapcloudrun.spec;

import java.util.List;

/**
 * A custom OAuth client created by hand in the Cloud console. The secret itself never sits in a stack
 * file: {@code clientSecretConfigKey} names the Pulumi config key holding it as a secret.
 *
 * @param allowedRequestHosts the host names requests may use (IAP's {@code allowedDomainsSettings}, which IAP checks
 *                            against the request's host); empty leaves them unrestricted. It says nothing of who may sign in.
 * @param scope where the client applies: every IAP resource of the project, or each service of the stack
 */
public record OAuthClientSpec(
        String clientId,
        String clientSecretConfigKey,
        String loginHint,
        List<String> programmaticClients,
        List<String> allowedRequestHosts,
        Scope scope) {

    public OAuthClientSpec {
        programmaticClients = List.copyOf(programmaticClients);
        allowedRequestHosts = List.copyOf(allowedRequestHosts);
    }

    public enum Scope {
        PROJECT("project"), SERVICES("services");

        public final String yaml;

        Scope(String yaml) {
            this.yaml = yaml;
        }
    }
}
