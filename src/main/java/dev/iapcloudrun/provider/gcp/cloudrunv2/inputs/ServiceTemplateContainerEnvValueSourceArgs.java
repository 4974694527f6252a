// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Where the value of an environment variable comes from.
 */
public final class ServiceTemplateContainerEnvValueSourceArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerEnvValueSourceArgs Empty = new ServiceTemplateContainerEnvValueSourceArgs();

    /** The secret version to read. */
    @Import(name="secretKeyRef")
    private @Nullable Output<ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs> secretKeyRef;

    public Optional<Output<ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs>> secretKeyRef() {
        return Optional.ofNullable(this.secretKeyRef);
    }

    private ServiceTemplateContainerEnvValueSourceArgs() {}

    private ServiceTemplateContainerEnvValueSourceArgs(ServiceTemplateContainerEnvValueSourceArgs $) {
        this.secretKeyRef = $.secretKeyRef;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerEnvValueSourceArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerEnvValueSourceArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerEnvValueSourceArgs();
        }

        public Builder(ServiceTemplateContainerEnvValueSourceArgs defaults) {
            $ = new ServiceTemplateContainerEnvValueSourceArgs(Objects.requireNonNull(defaults));
        }

        public Builder secretKeyRef(@Nullable Output<ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs> secretKeyRef) {
            $.secretKeyRef = secretKeyRef;
            return this;
        }

        public Builder secretKeyRef(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs secretKeyRef) {
            return secretKeyRef(Output.of(secretKeyRef));
        }

        public ServiceTemplateContainerEnvValueSourceArgs build() {
            return $;
        }
    }
}
