// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A Secret Manager secret that populates a volume.
 */
public final class ServiceTemplateVolumeSecretArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateVolumeSecretArgs Empty = new ServiceTemplateVolumeSecretArgs();

    /** Mode bits of the files, 0000 to 0777 (octal); default 0444. */
    @Import(name="defaultMode")
    private @Nullable Output<Integer> defaultMode;

    public Optional<Output<Integer>> defaultMode() {
        return Optional.ofNullable(this.defaultMode);
    }

    /** The files: each a version of the secret at a path relative to the mount path. */
    @Import(name="items")
    private @Nullable Output<List<ServiceTemplateVolumeSecretItemArgs>> items;

    public Optional<Output<List<ServiceTemplateVolumeSecretItemArgs>>> items() {
        return Optional.ofNullable(this.items);
    }

    /** The secret: {secret} in the service's project, else projects/{project}/secrets/{secret}. */
    @Import(name="secret", required=true)
    private Output<String> secret;

    public Output<String> secret() {
        return this.secret;
    }

    private ServiceTemplateVolumeSecretArgs() {}

    private ServiceTemplateVolumeSecretArgs(ServiceTemplateVolumeSecretArgs $) {
        this.defaultMode = $.defaultMode;
        this.items = $.items;
        this.secret = $.secret;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateVolumeSecretArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateVolumeSecretArgs $;

        public Builder() {
            $ = new ServiceTemplateVolumeSecretArgs();
        }

        public Builder(ServiceTemplateVolumeSecretArgs defaults) {
            $ = new ServiceTemplateVolumeSecretArgs(Objects.requireNonNull(defaults));
        }

        public Builder defaultMode(@Nullable Output<Integer> defaultMode) {
            $.defaultMode = defaultMode;
            return this;
        }

        public Builder defaultMode(Integer defaultMode) {
            return defaultMode(Output.of(defaultMode));
        }

        public Builder items(@Nullable Output<List<ServiceTemplateVolumeSecretItemArgs>> items) {
            $.items = items;
            return this;
        }

        public Builder items(List<ServiceTemplateVolumeSecretItemArgs> items) {
            return items(Output.of(items));
        }

        public Builder items(ServiceTemplateVolumeSecretItemArgs... items) {
            return items(List.of(items));
        }

        public Builder secret(Output<String> secret) {
            $.secret = secret;
            return this;
        }

        public Builder secret(String secret) {
            return secret(Output.of(secret));
        }

        public ServiceTemplateVolumeSecretArgs build() {
            $.secret = Objects.requireNonNull($.secret, "expected parameter 'secret' to be non-null");
            return $;
        }
    }
}
