package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The HTTP GET check of a probe.
 */
public final class ProbeHttpGetArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The path requested, starting with {@code /}. Default: Cloud Run's ({@code /}).
     */
    @Import(name="path")
    private @Nullable String path;

    public Optional<String> path() {
        return Optional.ofNullable(this.path);
    }

    /**
     * The port, 1 to 65535. Default: the container port.
     */
    @Import(name="port")
    private @Nullable Integer port;

    public Optional<Integer> port() {
        return Optional.ofNullable(this.port);
    }

    private ProbeHttpGetArgs() {}

    private ProbeHttpGetArgs(ProbeHttpGetArgs $) {
        this.path = $.path;
        this.port = $.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ProbeHttpGetArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ProbeHttpGetArgs $;

        public Builder() {
            $ = new ProbeHttpGetArgs();
        }

        public Builder(ProbeHttpGetArgs defaults) {
            $ = new ProbeHttpGetArgs(Objects.requireNonNull(defaults));
        }

        public Builder path(@Nullable String path) {
            $.path = path;
            return this;
        }

        public Builder port(@Nullable Integer port) {
            $.port = port;
            return this;
        }

        public ProbeHttpGetArgs build() {
            return $;
        }
    }
}
