package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A health check of the container: exactly one of {@code httpGet}, {@code tcpSocket} or {@code grpc} (a liveness probe cannot be {@code tcpSocket}), with its timing inside Cloud Run's ranges.
 */
public final class ProbeArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * An HTTP GET check: any status from 200 to 399 passes.
     */
    @Import(name="httpGet")
    private @Nullable ProbeHttpGetArgs httpGet;

    public Optional<ProbeHttpGetArgs> httpGet() {
        return Optional.ofNullable(this.httpGet);
    }

    /**
     * A TCP connection check; startup probes only.
     */
    @Import(name="tcpSocket")
    private @Nullable ProbeTcpSocketArgs tcpSocket;

    public Optional<ProbeTcpSocketArgs> tcpSocket() {
        return Optional.ofNullable(this.tcpSocket);
    }

    /**
     * A gRPC Health Checking protocol check.
     */
    @Import(name="grpc")
    private @Nullable ProbeGrpcArgs grpc;

    public Optional<ProbeGrpcArgs> grpc() {
        return Optional.ofNullable(this.grpc);
    }

    /**
     * Seconds after the container starts before the first probe, 0 to 240 (liveness: 0 to 3600). Default: Cloud Run's (0).
     */
    @Import(name="initialDelaySeconds")
    private @Nullable Integer initialDelaySeconds;

    public Optional<Integer> initialDelaySeconds() {
        return Optional.ofNullable(this.initialDelaySeconds);
    }

    /**
     * Seconds between probes, 1 to 240 (liveness: 1 to 3600), not below {@code timeoutSeconds}. Default: Cloud Run's (10).
     */
    @Import(name="periodSeconds")
    private @Nullable Integer periodSeconds;

    public Optional<Integer> periodSeconds() {
        return Optional.ofNullable(this.periodSeconds);
    }

    /**
     * Seconds after which a probe times out, 1 to 240 (liveness: 1 to 3600), not above {@code periodSeconds}. Default: Cloud Run's (1).
     */
    @Import(name="timeoutSeconds")
    private @Nullable Integer timeoutSeconds;

    public Optional<Integer> timeoutSeconds() {
        return Optional.ofNullable(this.timeoutSeconds);
    }

    /**
     * Consecutive failures before the probe fails, at least 1. Default: Cloud Run's (3).
     */
    @Import(name="failureThreshold")
    private @Nullable Integer failureThreshold;

    public Optional<Integer> failureThreshold() {
        return Optional.ofNullable(this.failureThreshold);
    }

    private ProbeArgs() {}

    private ProbeArgs(ProbeArgs $) {
        this.httpGet = $.httpGet;
        this.tcpSocket = $.tcpSocket;
        this.grpc = $.grpc;
        this.initialDelaySeconds = $.initialDelaySeconds;
        this.periodSeconds = $.periodSeconds;
        this.timeoutSeconds = $.timeoutSeconds;
        this.failureThreshold = $.failureThreshold;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ProbeArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ProbeArgs $;

        public Builder() {
            $ = new ProbeArgs();
        }

        public Builder(ProbeArgs defaults) {
            $ = new ProbeArgs(Objects.requireNonNull(defaults));
        }

        public Builder httpGet(@Nullable ProbeHttpGetArgs httpGet) {
            $.httpGet = httpGet;
            return this;
        }

        public Builder tcpSocket(@Nullable ProbeTcpSocketArgs tcpSocket) {
            $.tcpSocket = tcpSocket;
            return this;
        }

        public Builder grpc(@Nullable ProbeGrpcArgs grpc) {
            $.grpc = grpc;
            return this;
        }

        public Builder initialDelaySeconds(@Nullable Integer initialDelaySeconds) {
            $.initialDelaySeconds = initialDelaySeconds;
            return this;
        }

        public Builder periodSeconds(@Nullable Integer periodSeconds) {
            $.periodSeconds = periodSeconds;
            return this;
        }

        public Builder timeoutSeconds(@Nullable Integer timeoutSeconds) {
            $.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder failureThreshold(@Nullable Integer failureThreshold) {
            $.failureThreshold = failureThreshold;
            return this;
        }

        public ProbeArgs build() {
            return $;
        }
    }
}
