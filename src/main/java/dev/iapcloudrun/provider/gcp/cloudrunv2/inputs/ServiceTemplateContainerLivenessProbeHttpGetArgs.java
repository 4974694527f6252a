// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An HTTP GET health check of a probe.
 */
public final class ServiceTemplateContainerLivenessProbeHttpGetArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerLivenessProbeHttpGetArgs Empty = new ServiceTemplateContainerLivenessProbeHttpGetArgs();

    /** The path requested; default /. */
    @Import(name="path")
    private @Nullable Output<String> path;

    public Optional<Output<String>> path() {
        return Optional.ofNullable(this.path);
    }

    /** The port; default: the container port. */
    @Import(name="port")
    private @Nullable Output<Integer> port;

    public Optional<Output<Integer>> port() {
        return Optional.ofNullable(this.port);
    }

    private ServiceTemplateContainerLivenessProbeHttpGetArgs() {}

    private ServiceTemplateContainerLivenessProbeHttpGetArgs(ServiceTemplateContainerLivenessProbeHttpGetArgs $) {
        this.path = $.path;
        this.port = $.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerLivenessProbeHttpGetArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerLivenessProbeHttpGetArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerLivenessProbeHttpGetArgs();
        }

        public Builder(ServiceTemplateContainerLivenessProbeHttpGetArgs defaults) {
            $ = new ServiceTemplateContainerLivenessProbeHttpGetArgs(Objects.requireNonNull(defaults));
        }

        public Builder path(@Nullable Output<String> path) {
            $.path = path;
            return this;
        }

        public Builder path(String path) {
            return path(Output.of(path));
        }

        public Builder port(@Nullable Output<Integer> port) {
            $.port = port;
            return this;
        }

        public Builder port(Integer port) {
            return port(Output.of(port));
        }

        public ServiceTemplateContainerLivenessProbeHttpGetArgs build() {
            return $;
        }
    }
}
