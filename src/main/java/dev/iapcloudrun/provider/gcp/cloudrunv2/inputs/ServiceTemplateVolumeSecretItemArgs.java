// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A file of a secret volume: one version of the secret.
 */
public final class ServiceTemplateVolumeSecretItemArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateVolumeSecretItemArgs Empty = new ServiceTemplateVolumeSecretItemArgs();

    /** Mode bits of this file, 01 to 0777 (octal); default: the volume's. */
    @Import(name="mode")
    private @Nullable Output<Integer> mode;

    public Optional<Output<Integer>> mode() {
        return Optional.ofNullable(this.mode);
    }

    /** The file's path, relative to the mount path. */
    @Import(name="path", required=true)
    private Output<String> path;

    public Output<String> path() {
        return this.path;
    }

    /** The secret version: a number or latest. */
    @Import(name="version")
    private @Nullable Output<String> version;

    public Optional<Output<String>> version() {
        return Optional.ofNullable(this.version);
    }

    private ServiceTemplateVolumeSecretItemArgs() {}

    private ServiceTemplateVolumeSecretItemArgs(ServiceTemplateVolumeSecretItemArgs $) {
        this.mode = $.mode;
        this.path = $.path;
        this.version = $.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateVolumeSecretItemArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateVolumeSecretItemArgs $;

        public Builder() {
            $ = new ServiceTemplateVolumeSecretItemArgs();
        }

        public Builder(ServiceTemplateVolumeSecretItemArgs defaults) {
            $ = new ServiceTemplateVolumeSecretItemArgs(Objects.requireNonNull(defaults));
        }

        public Builder mode(@Nullable Output<Integer> mode) {
            $.mode = mode;
            return this;
        }

        public Builder mode(Integer mode) {
            return mode(Output.of(mode));
        }

        public Builder path(Output<String> path) {
            $.path = path;
            return this;
        }

        public Builder path(String path) {
            return path(Output.of(path));
        }

        public Builder version(@Nullable Output<String> version) {
            $.version = version;
            return this;
        }

        public Builder version(String version) {
            return version(Output.of(version));
        }

        public ServiceTemplateVolumeSecretItemArgs build() {
            $.path = Objects.requireNonNull($.path, "expected parameter 'path' to be non-null");
            return $;
        }
    }
}
