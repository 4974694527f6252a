// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Access settings of an IAP resource.
 */
public final class SettingsAccessSettingsArgs extends com.pulumi.resources.ResourceArgs {

    public static final SettingsAccessSettingsArgs Empty = new SettingsAccessSettingsArgs();

    /** Allowed domains. */
    @Import(name="allowedDomainsSettings")
    private @Nullable Output<SettingsAccessSettingsAllowedDomainsSettingsArgs> allowedDomainsSettings;

    public Optional<Output<SettingsAccessSettingsAllowedDomainsSettingsArgs>> allowedDomainsSettings() {
        return Optional.ofNullable(this.allowedDomainsSettings);
    }

    /** OAuth client. */
    @Import(name="oauthSettings")
    private @Nullable Output<SettingsAccessSettingsOauthSettingsArgs> oauthSettings;

    public Optional<Output<SettingsAccessSettingsOauthSettingsArgs>> oauthSettings() {
        return Optional.ofNullable(this.oauthSettings);
    }

    private SettingsAccessSettingsArgs() {}

    private SettingsAccessSettingsArgs(SettingsAccessSettingsArgs $) {
        this.allowedDomainsSettings = $.allowedDomainsSettings;
        this.oauthSettings = $.oauthSettings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SettingsAccessSettingsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private SettingsAccessSettingsArgs $;

        public Builder() {
            $ = new SettingsAccessSettingsArgs();
        }

        public Builder(SettingsAccessSettingsArgs defaults) {
            $ = new SettingsAccessSettingsArgs(Objects.requireNonNull(defaults));
        }

        public Builder allowedDomainsSettings(@Nullable Output<SettingsAccessSettingsAllowedDomainsSettingsArgs> allowedDomainsSettings) {
            $.allowedDomainsSettings = allowedDomainsSettings;
            return this;
        }

        public Builder allowedDomainsSettings(SettingsAccessSettingsAllowedDomainsSettingsArgs allowedDomainsSettings) {
            return allowedDomainsSettings(Output.of(allowedDomainsSettings));
        }

        public Builder oauthSettings(@Nullable Output<SettingsAccessSettingsOauthSettingsArgs> oauthSettings) {
            $.oauthSettings = oauthSettings;
            return this;
        }

        public Builder oauthSettings(SettingsAccessSettingsOauthSettingsArgs oauthSettings) {
            return oauthSettings(Output.of(oauthSettings));
        }

        public SettingsAccessSettingsArgs build() {
            return $;
        }
    }
}
