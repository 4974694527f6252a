// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Compute resources of a container.
 */
public final class ServiceTemplateContainerResourcesArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerResourcesArgs Empty = new ServiceTemplateContainerResourcesArgs();

    /** Whether CPU is throttled outside requests. */
    @Import(name="cpuIdle")
    private @Nullable Output<Boolean> cpuIdle;

    public Optional<Output<Boolean>> cpuIdle() {
        return Optional.ofNullable(this.cpuIdle);
    }

    /** Limits keyed by resource name: cpu, memory. */
    @Import(name="limits")
    private @Nullable Output<Map<String,String>> limits;

    public Optional<Output<Map<String,String>>> limits() {
        return Optional.ofNullable(this.limits);
    }

    /** Whether CPU is boosted while the instance starts. */
    @Import(name="startupCpuBoost")
    private @Nullable Output<Boolean> startupCpuBoost;

    public Optional<Output<Boolean>> startupCpuBoost() {
        return Optional.ofNullable(this.startupCpuBoost);
    }

    private ServiceTemplateContainerResourcesArgs() {}

    private ServiceTemplateContainerResourcesArgs(ServiceTemplateContainerResourcesArgs $) {
        this.cpuIdle = $.cpuIdle;
        this.limits = $.limits;
        this.startupCpuBoost = $.startupCpuBoost;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerResourcesArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerResourcesArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerResourcesArgs();
        }

        public Builder(ServiceTemplateContainerResourcesArgs defaults) {
            $ = new ServiceTemplateContainerResourcesArgs(Objects.requireNonNull(defaults));
        }

        public Builder cpuIdle(@Nullable Output<Boolean> cpuIdle) {
            $.cpuIdle = cpuIdle;
            return this;
        }

        public Builder cpuIdle(Boolean cpuIdle) {
            return cpuIdle(Output.of(cpuIdle));
        }

        public Builder limits(@Nullable Output<Map<String,String>> limits) {
            $.limits = limits;
            return this;
        }

        public Builder limits(Map<String,String> limits) {
            return limits(Output.of(limits));
        }

        public Builder startupCpuBoost(@Nullable Output<Boolean> startupCpuBoost) {
            $.startupCpuBoost = startupCpuBoost;
            return this;
        }

        public Builder startupCpuBoost(Boolean startupCpuBoost) {
            return startupCpuBoost(Output.of(startupCpuBoost));
        }

        public ServiceTemplateContainerResourcesArgs build() {
            return $;
        }
    }
}
