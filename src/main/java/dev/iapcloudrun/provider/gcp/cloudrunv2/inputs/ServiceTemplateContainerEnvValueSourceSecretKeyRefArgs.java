// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A Secret Manager secret version that feeds an environment variable.
 */
public final class ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs Empty = new ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs();

    /** Secret Manager secret: its id in the project, or projects/P/secrets/S. */
    @Import(name="secret", required=true)
    private Output<String> secret;

    public Output<String> secret() {
        return this.secret;
    }

    /** Secret version, a number or latest. */
    @Import(name="version")
    private @Nullable Output<String> version;

    public Optional<Output<String>> version() {
        return Optional.ofNullable(this.version);
    }

    private ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs() {}

    private ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs $) {
        this.secret = $.secret;
        this.version = $.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs();
        }

        public Builder(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs defaults) {
            $ = new ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs(Objects.requireNonNull(defaults));
        }

        public Builder secret(Output<String> secret) {
            $.secret = secret;
            return this;
        }

        public Builder secret(String secret) {
            return secret(Output.of(secret));
        }

        public Builder version(@Nullable Output<String> version) {
            $.version = version;
            return this;
        }

        public Builder version(String version) {
            return version(Output.of(version));
        }

        public ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs build() {
            $.secret = Objects.requireNonNull($.secret, "expected parameter 'secret' to be non-null");
            return $;
        }
    }
}
