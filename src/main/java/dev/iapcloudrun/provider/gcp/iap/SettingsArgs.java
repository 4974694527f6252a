// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link Settings}.
 */
public final class SettingsArgs extends com.pulumi.resources.ResourceArgs {

    public static final SettingsArgs Empty = new SettingsArgs();

    /** Access settings. */
    @Import(name="accessSettings")
    private @Nullable Output<SettingsAccessSettingsArgs> accessSettings;

    public Optional<Output<SettingsAccessSettingsArgs>> accessSettings() {
        return Optional.ofNullable(this.accessSettings);
    }

    /** Scope: projects/NUMBER/iap_web or projects/NUMBER/iap_web/cloud_run-REGION/services/NAME. */
    @Import(name="name", required=true)
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    private SettingsArgs() {}

    private SettingsArgs(SettingsArgs $) {
        this.accessSettings = $.accessSettings;
        this.name = $.name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SettingsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private SettingsArgs $;

        public Builder() {
            $ = new SettingsArgs();
        }

        public Builder(SettingsArgs defaults) {
            $ = new SettingsArgs(Objects.requireNonNull(defaults));
        }

        public Builder accessSettings(@Nullable Output<SettingsAccessSettingsArgs> accessSettings) {
            $.accessSettings = accessSettings;
            return this;
        }

        public Builder accessSettings(SettingsAccessSettingsArgs accessSettings) {
            return accessSettings(Output.of(accessSettings));
        }

        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public SettingsArgs build() {
            $.name = Objects.requireNonNull($.name, "expected parameter 'name' to be non-null");
            return $;
        }
    }
}
