// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A volume of a revision, which its containers mount by name.
 */
public final class ServiceTemplateVolumeArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateVolumeArgs Empty = new ServiceTemplateVolumeArgs();

    /** Cloud SQL instances, reached through sockets under /cloudsql. */
    @Import(name="cloudSqlInstance")
    private @Nullable Output<ServiceTemplateVolumeCloudSqlInstanceArgs> cloudSqlInstance;

    public Optional<Output<ServiceTemplateVolumeCloudSqlInstanceArgs>> cloudSqlInstance() {
        return Optional.ofNullable(this.cloudSqlInstance);
    }

    /** The volume's name, which a volume mount names. */
    @Import(name="name", required=true)
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** A Secret Manager secret, as read-only files. */
    @Import(name="secret")
    private @Nullable Output<ServiceTemplateVolumeSecretArgs> secret;

    public Optional<Output<ServiceTemplateVolumeSecretArgs>> secret() {
        return Optional.ofNullable(this.secret);
    }

    private ServiceTemplateVolumeArgs() {}

    private ServiceTemplateVolumeArgs(ServiceTemplateVolumeArgs $) {
        this.cloudSqlInstance = $.cloudSqlInstance;
        this.name = $.name;
        this.secret = $.secret;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateVolumeArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateVolumeArgs $;

        public Builder() {
            $ = new ServiceTemplateVolumeArgs();
        }

        public Builder(ServiceTemplateVolumeArgs defaults) {
            $ = new ServiceTemplateVolumeArgs(Objects.requireNonNull(defaults));
        }

        public Builder cloudSqlInstance(@Nullable Output<ServiceTemplateVolumeCloudSqlInstanceArgs> cloudSqlInstance) {
            $.cloudSqlInstance = cloudSqlInstance;
            return this;
        }

        public Builder cloudSqlInstance(ServiceTemplateVolumeCloudSqlInstanceArgs cloudSqlInstance) {
            return cloudSqlInstance(Output.of(cloudSqlInstance));
        }

        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder secret(@Nullable Output<ServiceTemplateVolumeSecretArgs> secret) {
            $.secret = secret;
            return this;
        }

        public Builder secret(ServiceTemplateVolumeSecretArgs secret) {
            return secret(Output.of(secret));
        }

        public ServiceTemplateVolumeArgs build() {
            $.name = Objects.requireNonNull($.name, "expected parameter 'name' to be non-null");
            return $;
        }
    }
}
