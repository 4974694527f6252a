// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The Binary Authorization policy a service's images are checked against at deployment.
 */
public final class ServiceBinaryAuthorizationArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceBinaryAuthorizationArgs Empty = new ServiceBinaryAuthorizationArgs();

    /** If present, Breakglass is used with this justification; must be empty when useDefault is false. */
    @Import(name="breakglassJustification")
    private @Nullable Output<String> breakglassJustification;

    public Optional<Output<String>> breakglassJustification() {
        return Optional.ofNullable(this.breakglassJustification);
    }

    /** The path to a Binary Authorization policy: projects/{project}/platforms/cloudRun/{policy-name}. */
    @Import(name="policy")
    private @Nullable Output<String> policy;

    public Optional<Output<String>> policy() {
        return Optional.ofNullable(this.policy);
    }

    /** If true, the project's default Binary Authorization policy; if false, Binary Authorization is disabled. */
    @Import(name="useDefault")
    private @Nullable Output<Boolean> useDefault;

    public Optional<Output<Boolean>> useDefault() {
        return Optional.ofNullable(this.useDefault);
    }

    private ServiceBinaryAuthorizationArgs() {}

    private ServiceBinaryAuthorizationArgs(ServiceBinaryAuthorizationArgs $) {
        this.breakglassJustification = $.breakglassJustification;
        this.policy = $.policy;
        this.useDefault = $.useDefault;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceBinaryAuthorizationArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceBinaryAuthorizationArgs $;

        public Builder() {
            $ = new ServiceBinaryAuthorizationArgs();
        }

        public Builder(ServiceBinaryAuthorizationArgs defaults) {
            $ = new ServiceBinaryAuthorizationArgs(Objects.requireNonNull(defaults));
        }

        public Builder breakglassJustification(@Nullable Output<String> breakglassJustification) {
            $.breakglassJustification = breakglassJustification;
            return this;
        }

        public Builder breakglassJustification(String breakglassJustification) {
            return breakglassJustification(Output.of(breakglassJustification));
        }

        public Builder policy(@Nullable Output<String> policy) {
            $.policy = policy;
            return this;
        }

        public Builder policy(String policy) {
            return policy(Output.of(policy));
        }

        public Builder useDefault(@Nullable Output<Boolean> useDefault) {
            $.useDefault = useDefault;
            return this;
        }

        public Builder useDefault(Boolean useDefault) {
            return useDefault(Output.of(useDefault));
        }

        public ServiceBinaryAuthorizationArgs build() {
            return $;
        }
    }
}
