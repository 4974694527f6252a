// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Instance bounds of a revision.
 */
public final class ServiceTemplateScalingArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateScalingArgs Empty = new ServiceTemplateScalingArgs();

    /** Upper bound of instances. */
    @Import(name="maxInstanceCount")
    private @Nullable Output<Integer> maxInstanceCount;

    public Optional<Output<Integer>> maxInstanceCount() {
        return Optional.ofNullable(this.maxInstanceCount);
    }

    /** Instances kept warm. */
    @Import(name="minInstanceCount")
    private @Nullable Output<Integer> minInstanceCount;

    public Optional<Output<Integer>> minInstanceCount() {
        return Optional.ofNullable(this.minInstanceCount);
    }

    private ServiceTemplateScalingArgs() {}

    private ServiceTemplateScalingArgs(ServiceTemplateScalingArgs $) {
        this.maxInstanceCount = $.maxInstanceCount;
        this.minInstanceCount = $.minInstanceCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateScalingArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateScalingArgs $;

        public Builder() {
            $ = new ServiceTemplateScalingArgs();
        }

        public Builder(ServiceTemplateScalingArgs defaults) {
            $ = new ServiceTemplateScalingArgs(Objects.requireNonNull(defaults));
        }

        public Builder maxInstanceCount(@Nullable Output<Integer> maxInstanceCount) {
            $.maxInstanceCount = maxInstanceCount;
            return this;
        }

        public Builder maxInstanceCount(Integer maxInstanceCount) {
            return maxInstanceCount(Output.of(maxInstanceCount));
        }

        public Builder minInstanceCount(@Nullable Output<Integer> minInstanceCount) {
            $.minInstanceCount = minInstanceCount;
            return this;
        }

        public Builder minInstanceCount(Integer minInstanceCount) {
            return minInstanceCount(Output.of(minInstanceCount));
        }

        public ServiceTemplateScalingArgs build() {
            return $;
        }
    }
}
