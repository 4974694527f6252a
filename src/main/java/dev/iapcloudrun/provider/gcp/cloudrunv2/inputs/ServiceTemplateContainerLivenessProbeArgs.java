// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The liveness probe of a container.
 */
public final class ServiceTemplateContainerLivenessProbeArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerLivenessProbeArgs Empty = new ServiceTemplateContainerLivenessProbeArgs();

    /** Consecutive failures before the probe fails. */
    @Import(name="failureThreshold")
    private @Nullable Output<Integer> failureThreshold;

    public Optional<Output<Integer>> failureThreshold() {
        return Optional.ofNullable(this.failureThreshold);
    }

    /** A gRPC health check. */
    @Import(name="grpc")
    private @Nullable Output<ServiceTemplateContainerLivenessProbeGrpcArgs> grpc;

    public Optional<Output<ServiceTemplateContainerLivenessProbeGrpcArgs>> grpc() {
        return Optional.ofNullable(this.grpc);
    }

    /** An HTTP GET health check. */
    @Import(name="httpGet")
    private @Nullable Output<ServiceTemplateContainerLivenessProbeHttpGetArgs> httpGet;

    public Optional<Output<ServiceTemplateContainerLivenessProbeHttpGetArgs>> httpGet() {
        return Optional.ofNullable(this.httpGet);
    }

    /** Seconds after the container starts before the first probe. */
    @Import(name="initialDelaySeconds")
    private @Nullable Output<Integer> initialDelaySeconds;

    public Optional<Output<Integer>> initialDelaySeconds() {
        return Optional.ofNullable(this.initialDelaySeconds);
    }

    /** Seconds between probes. */
    @Import(name="periodSeconds")
    private @Nullable Output<Integer> periodSeconds;

    public Optional<Output<Integer>> periodSeconds() {
        return Optional.ofNullable(this.periodSeconds);
    }

    /** Seconds after which a probe times out. */
    @Import(name="timeoutSeconds")
    private @Nullable Output<Integer> timeoutSeconds;

    public Optional<Output<Integer>> timeoutSeconds() {
        return Optional.ofNullable(this.timeoutSeconds);
    }

    private ServiceTemplateContainerLivenessProbeArgs() {}

    private ServiceTemplateContainerLivenessProbeArgs(ServiceTemplateContainerLivenessProbeArgs $) {
        this.failureThreshold = $.failureThreshold;
        this.grpc = $.grpc;
        this.httpGet = $.httpGet;
        this.initialDelaySeconds = $.initialDelaySeconds;
        this.periodSeconds = $.periodSeconds;
        this.timeoutSeconds = $.timeoutSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerLivenessProbeArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerLivenessProbeArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerLivenessProbeArgs();
        }

        public Builder(ServiceTemplateContainerLivenessProbeArgs defaults) {
            $ = new ServiceTemplateContainerLivenessProbeArgs(Objects.requireNonNull(defaults));
        }

        public Builder failureThreshold(@Nullable Output<Integer> failureThreshold) {
            $.failureThreshold = failureThreshold;
            return this;
        }

        public Builder failureThreshold(Integer failureThreshold) {
            return failureThreshold(Output.of(failureThreshold));
        }

        public Builder grpc(@Nullable Output<ServiceTemplateContainerLivenessProbeGrpcArgs> grpc) {
            $.grpc = grpc;
            return this;
        }

        public Builder grpc(ServiceTemplateContainerLivenessProbeGrpcArgs grpc) {
            return grpc(Output.of(grpc));
        }

        public Builder httpGet(@Nullable Output<ServiceTemplateContainerLivenessProbeHttpGetArgs> httpGet) {
            $.httpGet = httpGet;
            return this;
        }

        public Builder httpGet(ServiceTemplateContainerLivenessProbeHttpGetArgs httpGet) {
            return httpGet(Output.of(httpGet));
        }

        public Builder initialDelaySeconds(@Nullable Output<Integer> initialDelaySeconds) {
            $.initialDelaySeconds = initialDelaySeconds;
            return this;
        }

        public Builder initialDelaySeconds(Integer initialDelaySeconds) {
            return initialDelaySeconds(Output.of(initialDelaySeconds));
        }

        public Builder periodSeconds(@Nullable Output<Integer> periodSeconds) {
            $.periodSeconds = periodSeconds;
            return this;
        }

        public Builder periodSeconds(Integer periodSeconds) {
            return periodSeconds(Output.of(periodSeconds));
        }

        public Builder timeoutSeconds(@Nullable Output<Integer> timeoutSeconds) {
            $.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder timeoutSeconds(Integer timeoutSeconds) {
            return timeoutSeconds(Output.of(timeoutSeconds));
        }

        public ServiceTemplateContainerLivenessProbeArgs build() {
            return $;
        }
    }
}
