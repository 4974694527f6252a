// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The OAuth client IAP signs users in with.
 */
public final class SettingsAccessSettingsOauthSettingsArgs extends com.pulumi.resources.ResourceArgs {

    public static final SettingsAccessSettingsOauthSettingsArgs Empty = new SettingsAccessSettingsOauthSettingsArgs();

    /** OAuth client id. */
    @Import(name="clientId")
    private @Nullable Output<String> clientId;

    public Optional<Output<String>> clientId() {
        return Optional.ofNullable(this.clientId);
    }

    /** OAuth client secret: write-only, always pass it as a Pulumi secret. */
    @Import(name="clientSecret")
    private @Nullable Output<String> clientSecret;

    public Optional<Output<String>> clientSecret() {
        return Optional.ofNullable(this.clientSecret);
    }

    /** Domain or account hinted to the sign-in page. */
    @Import(name="loginHint")
    private @Nullable Output<String> loginHint;

    public Optional<Output<String>> loginHint() {
        return Optional.ofNullable(this.loginHint);
    }

    /** OAuth client ids allowed to call programmatically. */
    @Import(name="programmaticClients")
    private @Nullable Output<List<String>> programmaticClients;

    public Optional<Output<List<String>>> programmaticClients() {
        return Optional.ofNullable(this.programmaticClients);
    }

    private SettingsAccessSettingsOauthSettingsArgs() {}

    private SettingsAccessSettingsOauthSettingsArgs(SettingsAccessSettingsOauthSettingsArgs $) {
        this.clientId = $.clientId;
        this.clientSecret = $.clientSecret;
        this.loginHint = $.loginHint;
        this.programmaticClients = $.programmaticClients;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SettingsAccessSettingsOauthSettingsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private SettingsAccessSettingsOauthSettingsArgs $;

        public Builder() {
            $ = new SettingsAccessSettingsOauthSettingsArgs();
        }

        public Builder(SettingsAccessSettingsOauthSettingsArgs defaults) {
            $ = new SettingsAccessSettingsOauthSettingsArgs(Objects.requireNonNull(defaults));
        }

        public Builder clientId(@Nullable Output<String> clientId) {
            $.clientId = clientId;
            return this;
        }

        public Builder clientId(String clientId) {
            return clientId(Output.of(clientId));
        }

        public Builder clientSecret(@Nullable Output<String> clientSecret) {
            $.clientSecret = clientSecret;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            return clientSecret(Output.of(clientSecret));
        }

        public Builder loginHint(@Nullable Output<String> loginHint) {
            $.loginHint = loginHint;
            return this;
        }

        public Builder loginHint(String loginHint) {
            return loginHint(Output.of(loginHint));
        }

        public Builder programmaticClients(@Nullable Output<List<String>> programmaticClients) {
            $.programmaticClients = programmaticClients;
            return this;
        }

        public Builder programmaticClients(List<String> programmaticClients) {
            return programmaticClients(Output.of(programmaticClients));
        }

        public Builder programmaticClients(String... programmaticClients) {
            return programmaticClients(List.of(programmaticClients));
        }

        public SettingsAccessSettingsOauthSettingsArgs build() {
            return $;
        }
    }
}
