package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.spec.OAuthClientSpec;

import java.util.Objects;

/**
 * Arguments of {@link IapOAuthClientSettings}.
 *
 * @param scope        the IAP settings name: {@link IapOAuthClientSettings#projectScope} or
 *                     {@link IapOAuthClientSettings#serviceScope}
 * @param client       client id, login hint, programmatic clients, allowed domains
 * @param clientSecret the client secret; made secret again by the component, whatever the caller passed
 */
public record IapOAuthClientSettingsArgs(Output<String> scope, OAuthClientSpec client, Output<String> clientSecret) {

    public IapOAuthClientSettingsArgs {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }
}
