package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A Secret Manager secret version mounted read-only as a file. Cloud Run mounts it with the directory that holds it,
 * which must be a directory of its own.
 */
public final class SecretVolumeArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The file's absolute path, such as {@code /etc/orders/tls/tls.key}; its directory is the mount path, which no other
     * mount path may equal, hold or lie inside, and which is never {@code /} or inside {@code /dev}, {@code /proc} or
     * {@code /sys}, nor a top-level directory of the image such as {@code /etc}, {@code /usr} or {@code /app} (whose
     * subdirectories are fine). Required.
     */
    @Import(name="path", required=true)
    private String path;

    public String path() {
        return this.path;
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
     * The version: a number or {@code latest}. Default {@code latest}; a file is read anew on each read, so
     * {@code latest} follows rotation.
     */
    @Import(name="version")
    private @Nullable String version;

    public Optional<String> version() {
        return Optional.ofNullable(this.version);
    }

    private SecretVolumeArgs() {}

    private SecretVolumeArgs(SecretVolumeArgs $) {
        this.path = $.path;
        this.secret = $.secret;
        this.version = $.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(SecretVolumeArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private SecretVolumeArgs $;

        public Builder() {
            $ = new SecretVolumeArgs();
        }

        public Builder(SecretVolumeArgs defaults) {
            $ = new SecretVolumeArgs(Objects.requireNonNull(defaults));
        }

        public Builder path(String path) {
            $.path = path;
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

        public SecretVolumeArgs build() {
            return $;
        }
    }
}
