package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The gRPC check of a probe.
 */
public final class ProbeGrpcArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The port, 1 to 65535. Default: the container port.
     */
    @Import(name="port")
    private @Nullable Integer port;

    public Optional<Integer> port() {
        return Optional.ofNullable(this.port);
    }

    /**
     * The service name sent in the health check request. Default: empty, the server's overall health.
     */
    @Import(name="service")
    private @Nullable String service;

    public Optional<String> service() {
        return Optional.ofNullable(this.service);
    }

    private ProbeGrpcArgs() {}

    private ProbeGrpcArgs(ProbeGrpcArgs $) {
        this.port = $.port;
        this.service = $.service;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ProbeGrpcArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ProbeGrpcArgs $;

        public Builder() {
            $ = new ProbeGrpcArgs();
        }

        public Builder(ProbeGrpcArgs defaults) {
            $ = new ProbeGrpcArgs(Objects.requireNonNull(defaults));
        }

        public Builder port(@Nullable Integer port) {
            $.port = port;
            return this;
        }

        public Builder service(@Nullable String service) {
            $.service = service;
            return this;
        }

        public ProbeGrpcArgs build() {
            return $;
        }
    }
}
