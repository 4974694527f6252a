package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * What a service's container mounts: secrets as read-only files, and Cloud SQL instances as sockets under
 * {@code /cloudsql}. A dedicated runtime identity gets what reading them takes, and the service waits for it.
 */
public final class VolumesArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * Secrets mounted as files. Default none. A dedicated runtime identity gets
     * {@code roles/secretmanager.secretAccessor} on exactly these secrets (one grant per secret, shared with the
     * environment variables that read it).
     */
    @Import(name="secrets")
    private @Nullable List<SecretVolumeArgs> secrets;

    public Optional<List<SecretVolumeArgs>> secrets() {
        return Optional.ofNullable(this.secrets);
    }

    /**
     * Cloud SQL instance connection names, {@code PROJECT:REGION:INSTANCE}, each once; each is reached at
     * {@code /cloudsql/PROJECT:REGION:INSTANCE}. Default none. A dedicated runtime identity gets
     * {@code roles/cloudsql.client} on each project that owns one of them: a project-level grant, since the role
     * cannot be granted on one instance.
     */
    @Import(name="cloudSqlInstances")
    private @Nullable List<String> cloudSqlInstances;

    public Optional<List<String>> cloudSqlInstances() {
        return Optional.ofNullable(this.cloudSqlInstances);
    }

    private VolumesArgs() {}

    private VolumesArgs(VolumesArgs $) {
        this.secrets = $.secrets;
        this.cloudSqlInstances = $.cloudSqlInstances;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(VolumesArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private VolumesArgs $;

        public Builder() {
            $ = new VolumesArgs();
        }

        public Builder(VolumesArgs defaults) {
            $ = new VolumesArgs(Objects.requireNonNull(defaults));
        }

        public Builder secrets(@Nullable List<SecretVolumeArgs> secrets) {
            $.secrets = secrets;
            return this;
        }

        public Builder secrets(SecretVolumeArgs... secrets) {
            return secrets(List.of(secrets));
        }

        public Builder cloudSqlInstances(@Nullable List<String> cloudSqlInstances) {
            $.cloudSqlInstances = cloudSqlInstances;
            return this;
        }

        public Builder cloudSqlInstances(String... cloudSqlInstances) {
            return cloudSqlInstances(List.of(cloudSqlInstances));
        }

        public VolumesArgs build() {
            return $;
        }
    }
}
