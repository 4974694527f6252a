// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The single port of a container: one object since pulumi-gcp 8, a list before.
 */
public final class ServiceTemplateContainerPortsArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerPortsArgs Empty = new ServiceTemplateContainerPortsArgs();

    /** Port the container listens on; Cloud Run sends requests there. */
    @Import(name="containerPort")
    private @Nullable Output<Integer> containerPort;

    public Optional<Output<Integer>> containerPort() {
        return Optional.ofNullable(this.containerPort);
    }

    /** Protocol name: http1 or h2c. */
    @Import(name="name")
    private @Nullable Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    private ServiceTemplateContainerPortsArgs() {}

    private ServiceTemplateContainerPortsArgs(ServiceTemplateContainerPortsArgs $) {
        this.containerPort = $.containerPort;
        this.name = $.name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerPortsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerPortsArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerPortsArgs();
        }

        public Builder(ServiceTemplateContainerPortsArgs defaults) {
            $ = new ServiceTemplateContainerPortsArgs(Objects.requireNonNull(defaults));
        }

        public Builder containerPort(@Nullable Output<Integer> containerPort) {
            $.containerPort = containerPort;
            return this;
        }

        public Builder containerPort(Integer containerPort) {
            return containerPort(Output.of(containerPort));
        }

        public Builder name(@Nullable Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public ServiceTemplateContainerPortsArgs build() {
            return $;
        }
    }
}
