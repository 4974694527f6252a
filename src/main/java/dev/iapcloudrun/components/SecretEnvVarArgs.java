package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An environment variable read from a Secret Manager secret version.
 */
public final class SecretEnvVarArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The variable's name. Required.
     */
    @Import(name="name", required=true)
    private String name;

    public String name() {
        return this.name;
    }

    /**
     * The secret: an id in the service's project, or {@code projects/PROJECT/secrets/ID}. Required.
     */
    @Import(name="secret", required=true)
    private String secret;

    public String secret() {
        return this.secret;
    }

    /**
     * The version: a number or {@code latest}. Default {@code latest}.
     */
    @Import(name="version")
    private @Nullable String version;

    public Optional<String> version() {
        return Optional.ofNullable(this.version);
    }

    private SecretEnvVarArgs() {}

    private SecretEnvVarArgs(SecretEnvVarArgs $) {
        this.name = $.name;
        this.secret = $.secret;
        this.version = $.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SecretEnvVarArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private SecretEnvVarArgs $;

        public Builder() {
            $ = new SecretEnvVarArgs();
        }

        public Builder(SecretEnvVarArgs defaults) {
            $ = new SecretEnvVarArgs(Objects.requireNonNull(defaults));
        }

        public Builder name(String name) {
            $.name = name;
            return this;
        }

        public Builder secret(String secret) {
            $.secret = secret;
            return this;
        }

        public Builder version(@Nullable String version) {
            $.version = version;
            return this;
        }

        public SecretEnvVarArgs build() {
            return $;
        }
    }
}
