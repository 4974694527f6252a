// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The Cloud SQL instances of a volume.
 */
public final class ServiceTemplateVolumeCloudSqlInstanceArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateVolumeCloudSqlInstanceArgs Empty = new ServiceTemplateVolumeCloudSqlInstanceArgs();

    /** Instance connection names, {project}:{location}:{instance}. */
    @Import(name="instances")
    private @Nullable Output<List<String>> instances;

    public Optional<Output<List<String>>> instances() {
        return Optional.ofNullable(this.instances);
    }

    private ServiceTemplateVolumeCloudSqlInstanceArgs() {}

    private ServiceTemplateVolumeCloudSqlInstanceArgs(ServiceTemplateVolumeCloudSqlInstanceArgs $) {
        this.instances = $.instances;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateVolumeCloudSqlInstanceArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateVolumeCloudSqlInstanceArgs $;

        public Builder() {
            $ = new ServiceTemplateVolumeCloudSqlInstanceArgs();
        }

        public Builder(ServiceTemplateVolumeCloudSqlInstanceArgs defaults) {
            $ = new ServiceTemplateVolumeCloudSqlInstanceArgs(Objects.requireNonNull(defaults));
        }

        public Builder instances(@Nullable Output<List<String>> instances) {
            $.instances = instances;
            return this;
        }

        public Builder instances(List<String> instances) {
            return instances(Output.of(instances));
        }

        public Builder instances(String... instances) {
            return instances(List.of(instances));
        }

        public ServiceTemplateVolumeCloudSqlInstanceArgs build() {
            return $;
        }
    }
}
