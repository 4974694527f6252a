// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Domains allowed to sign in.
 */
public final class SettingsAccessSettingsAllowedDomainsSettingsArgs extends com.pulumi.resources.ResourceArgs {

    public static final SettingsAccessSettingsAllowedDomainsSettingsArgs Empty = new SettingsAccessSettingsAllowedDomainsSettingsArgs();

    /** Domains whose users may sign in. */
    @Import(name="domains")
    private @Nullable Output<List<String>> domains;

    public Optional<Output<List<String>>> domains() {
        return Optional.ofNullable(this.domains);
    }

    /** Whether the domain restriction applies. */
    @Import(name="enable")
    private @Nullable Output<Boolean> enable;

    public Optional<Output<Boolean>> enable() {
        return Optional.ofNullable(this.enable);
    }

    private SettingsAccessSettingsAllowedDomainsSettingsArgs() {}

    private SettingsAccessSettingsAllowedDomainsSettingsArgs(SettingsAccessSettingsAllowedDomainsSettingsArgs $) {
        this.domains = $.domains;
        this.enable = $.enable;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SettingsAccessSettingsAllowedDomainsSettingsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private SettingsAccessSettingsAllowedDomainsSettingsArgs $;

        public Builder() {
            $ = new SettingsAccessSettingsAllowedDomainsSettingsArgs();
        }

        public Builder(SettingsAccessSettingsAllowedDomainsSettingsArgs defaults) {
            $ = new SettingsAccessSettingsAllowedDomainsSettingsArgs(Objects.requireNonNull(defaults));
        }

        public Builder domains(@Nullable Output<List<String>> domains) {
            $.domains = domains;
            return this;
        }

        public Builder domains(List<String> domains) {
            return domains(Output.of(domains));
        }

        public Builder domains(String... domains) {
            return domains(List.of(domains));
        }

        public Builder enable(@Nullable Output<Boolean> enable) {
            $.enable = enable;
            return this;
        }

        public Builder enable(Boolean enable) {
            return enable(Output.of(enable));
        }

        public SettingsAccessSettingsAllowedDomainsSettingsArgs build() {
            return $;
        }
    }
}
