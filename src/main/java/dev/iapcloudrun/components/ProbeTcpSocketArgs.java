package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The TCP check of a startup probe.
 */
public final class ProbeTcpSocketArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The port, 1 to 65535. Default: the container port.
     */
    @Import(name="port")
    private @Nullable Integer port;

    public Optional<Integer> port() {
        return Optional.ofNullable(this.port);
    }

    private ProbeTcpSocketArgs() {}

    private ProbeTcpSocketArgs(ProbeTcpSocketArgs $) {
        this.port = $.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ProbeTcpSocketArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ProbeTcpSocketArgs $;

        public Builder() {
            $ = new ProbeTcpSocketArgs();
        }

        public Builder(ProbeTcpSocketArgs defaults) {
            $ = new ProbeTcpSocketArgs(Objects.requireNonNull(defaults));
        }

        public Builder port(@Nullable Integer port) {
            $.port = port;
            return this;
        }

        public ProbeTcpSocketArgs build() {
            return $;
        }
    }
}
