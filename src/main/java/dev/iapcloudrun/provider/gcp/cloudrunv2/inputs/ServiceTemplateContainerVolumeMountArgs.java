// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Where a container mounts a volume.
 */
public final class ServiceTemplateContainerVolumeMountArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerVolumeMountArgs Empty = new ServiceTemplateContainerVolumeMountArgs();

    /** The path in the container; for a Cloud SQL volume, /cloudsql. */
    @Import(name="mountPath", required=true)
    private Output<String> mountPath;

    public Output<String> mountPath() {
        return this.mountPath;
    }

    /** The name of a volume of the revision. */
    @Import(name="name", required=true)
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** The path within the volume to mount; default: its root. */
    @Import(name="subPath")
    private @Nullable Output<String> subPath;

    public Optional<Output<String>> subPath() {
        return Optional.ofNullable(this.subPath);
    }

    private ServiceTemplateContainerVolumeMountArgs() {}

    private ServiceTemplateContainerVolumeMountArgs(ServiceTemplateContainerVolumeMountArgs $) {
        this.mountPath = $.mountPath;
        this.name = $.name;
        this.subPath = $.subPath;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerVolumeMountArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerVolumeMountArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerVolumeMountArgs();
        }

        public Builder(ServiceTemplateContainerVolumeMountArgs defaults) {
            $ = new ServiceTemplateContainerVolumeMountArgs(Objects.requireNonNull(defaults));
        }

        public Builder mountPath(Output<String> mountPath) {
            $.mountPath = mountPath;
            return this;
        }

        public Builder mountPath(String mountPath) {
            return mountPath(Output.of(mountPath));
        }

        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder subPath(@Nullable Output<String> subPath) {
            $.subPath = subPath;
            return this;
        }

        public Builder subPath(String subPath) {
            return subPath(Output.of(subPath));
        }

        public ServiceTemplateContainerVolumeMountArgs build() {
            $.mountPath = Objects.requireNonNull($.mountPath, "expected parameter 'mountPath' to be non-null");
            $.name = Objects.requireNonNull($.name, "expected parameter 'name' to be non-null");
            return $;
        }
    }
}
