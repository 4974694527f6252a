// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A gRPC health check of a probe.
 */
public final class ServiceTemplateContainerLivenessProbeGrpcArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerLivenessProbeGrpcArgs Empty = new ServiceTemplateContainerLivenessProbeGrpcArgs();

    /** The port; default: the container port. */
    @Import(name="port")
    private @Nullable Output<Integer> port;

    public Optional<Output<Integer>> port() {
        return Optional.ofNullable(this.port);
    }

    /** The service name sent in the gRPC health check request. */
    @Import(name="service")
    private @Nullable Output<String> service;

    public Optional<Output<String>> service() {
        return Optional.ofNullable(this.service);
    }

    private ServiceTemplateContainerLivenessProbeGrpcArgs() {}

    private ServiceTemplateContainerLivenessProbeGrpcArgs(ServiceTemplateContainerLivenessProbeGrpcArgs $) {
        this.port = $.port;
        this.service = $.service;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerLivenessProbeGrpcArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerLivenessProbeGrpcArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerLivenessProbeGrpcArgs();
        }

        public Builder(ServiceTemplateContainerLivenessProbeGrpcArgs defaults) {
            $ = new ServiceTemplateContainerLivenessProbeGrpcArgs(Objects.requireNonNull(defaults));
        }

        public Builder port(@Nullable Output<Integer> port) {
            $.port = port;
            return this;
        }

        public Builder port(Integer port) {
            return port(Output.of(port));
        }

        public Builder service(@Nullable Output<String> service) {
            $.service = service;
            return this;
        }

        public Builder service(String service) {
            return service(Output.of(service));
        }

        public ServiceTemplateContainerLivenessProbeGrpcArgs build() {
            return $;
        }
    }
}
