// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A TCP connection health check of a probe.
 */
public final class ServiceTemplateContainerStartupProbeTcpSocketArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerStartupProbeTcpSocketArgs Empty = new ServiceTemplateContainerStartupProbeTcpSocketArgs();

    /** The port; default: the container port. */
    @Import(name="port")
    private @Nullable Output<Integer> port;

    public Optional<Output<Integer>> port() {
        return Optional.ofNullable(this.port);
    }

    private ServiceTemplateContainerStartupProbeTcpSocketArgs() {}

    private ServiceTemplateContainerStartupProbeTcpSocketArgs(ServiceTemplateContainerStartupProbeTcpSocketArgs $) {
        this.port = $.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerStartupProbeTcpSocketArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerStartupProbeTcpSocketArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerStartupProbeTcpSocketArgs();
        }

        public Builder(ServiceTemplateContainerStartupProbeTcpSocketArgs defaults) {
            $ = new ServiceTemplateContainerStartupProbeTcpSocketArgs(Objects.requireNonNull(defaults));
        }

        public Builder port(@Nullable Output<Integer> port) {
            $.port = port;
            return this;
        }

        public Builder port(Integer port) {
            return port(Output.of(port));
        }

        public ServiceTemplateContainerStartupProbeTcpSocketArgs build() {
            return $;
        }
    }
}
