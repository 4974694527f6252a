// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A container of a revision.
 */
public final class ServiceTemplateContainerArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerArgs Empty = new ServiceTemplateContainerArgs();

    /** Arguments to the entrypoint. */
    @Import(name="args")
    private @Nullable Output<List<String>> args;

    public Optional<Output<List<String>>> args() {
        return Optional.ofNullable(this.args);
    }

    /** Entrypoint override. */
    @Import(name="commands")
    private @Nullable Output<List<String>> commands;

    public Optional<Output<List<String>>> commands() {
        return Optional.ofNullable(this.commands);
    }

    /** Environment variables. */
    @Import(name="envs")
    private @Nullable Output<List<ServiceTemplateContainerEnvArgs>> envs;

    public Optional<Output<List<ServiceTemplateContainerEnvArgs>>> envs() {
        return Optional.ofNullable(this.envs);
    }

    /** Container image URL. */
    @Import(name="image", required=true)
    private Output<String> image;

    public Output<String> image() {
        return this.image;
    }

    /** Container name. */
    @Import(name="name")
    private @Nullable Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** The port requests are sent to. */
    @Import(name="ports")
    private @Nullable Output<ServiceTemplateContainerPortsArgs> ports;

    public Optional<Output<ServiceTemplateContainerPortsArgs>> ports() {
        return Optional.ofNullable(this.ports);
    }

    /** Compute resources. */
    @Import(name="resources")
    private @Nullable Output<ServiceTemplateContainerResourcesArgs> resources;

    public Optional<Output<ServiceTemplateContainerResourcesArgs>> resources() {
        return Optional.ofNullable(this.resources);
    }

    /** When to restart the container. */
    @Import(name="livenessProbe")
    private @Nullable Output<ServiceTemplateContainerLivenessProbeArgs> livenessProbe;

    public Optional<Output<ServiceTemplateContainerLivenessProbeArgs>> livenessProbe() {
        return Optional.ofNullable(this.livenessProbe);
    }

    /** When the container has started. */
    @Import(name="startupProbe")
    private @Nullable Output<ServiceTemplateContainerStartupProbeArgs> startupProbe;

    public Optional<Output<ServiceTemplateContainerStartupProbeArgs>> startupProbe() {
        return Optional.ofNullable(this.startupProbe);
    }

    /** Volumes of the revision mounted in the container. */
    @Import(name="volumeMounts")
    private @Nullable Output<List<ServiceTemplateContainerVolumeMountArgs>> volumeMounts;

    public Optional<Output<List<ServiceTemplateContainerVolumeMountArgs>>> volumeMounts() {
        return Optional.ofNullable(this.volumeMounts);
    }

    private ServiceTemplateContainerArgs() {}

    private ServiceTemplateContainerArgs(ServiceTemplateContainerArgs $) {
        this.args = $.args;
        this.commands = $.commands;
        this.envs = $.envs;
        this.image = $.image;
        this.name = $.name;
        this.ports = $.ports;
        this.resources = $.resources;
        this.startupProbe = $.startupProbe;
        this.livenessProbe = $.livenessProbe;
        this.volumeMounts = $.volumeMounts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerArgs();
        }

        public Builder(ServiceTemplateContainerArgs defaults) {
            $ = new ServiceTemplateContainerArgs(Objects.requireNonNull(defaults));
        }

        public Builder args(@Nullable Output<List<String>> args) {
            $.args = args;
            return this;
        }

        public Builder args(List<String> args) {
            return args(Output.of(args));
        }

        public Builder args(String... args) {
            return args(List.of(args));
        }

        public Builder commands(@Nullable Output<List<String>> commands) {
            $.commands = commands;
            return this;
        }

        public Builder commands(List<String> commands) {
            return commands(Output.of(commands));
        }

        public Builder commands(String... commands) {
            return commands(List.of(commands));
        }

        public Builder envs(@Nullable Output<List<ServiceTemplateContainerEnvArgs>> envs) {
            $.envs = envs;
            return this;
        }

        public Builder envs(List<ServiceTemplateContainerEnvArgs> envs) {
            return envs(Output.of(envs));
        }

        public Builder envs(ServiceTemplateContainerEnvArgs... envs) {
            return envs(List.of(envs));
        }

        public Builder image(Output<String> image) {
            $.image = image;
            return this;
        }

        public Builder image(String image) {
            return image(Output.of(image));
        }

        public Builder name(@Nullable Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder ports(@Nullable Output<ServiceTemplateContainerPortsArgs> ports) {
            $.ports = ports;
            return this;
        }

        public Builder ports(ServiceTemplateContainerPortsArgs ports) {
            return ports(Output.of(ports));
        }

        public Builder resources(@Nullable Output<ServiceTemplateContainerResourcesArgs> resources) {
            $.resources = resources;
            return this;
        }

        public Builder resources(ServiceTemplateContainerResourcesArgs resources) {
            return resources(Output.of(resources));
        }

        public Builder livenessProbe(@Nullable Output<ServiceTemplateContainerLivenessProbeArgs> livenessProbe) {
            $.livenessProbe = livenessProbe;
            return this;
        }

        public Builder livenessProbe(ServiceTemplateContainerLivenessProbeArgs livenessProbe) {
            return livenessProbe(Output.of(livenessProbe));
        }

        public Builder startupProbe(@Nullable Output<ServiceTemplateContainerStartupProbeArgs> startupProbe) {
            $.startupProbe = startupProbe;
            return this;
        }

        public Builder startupProbe(ServiceTemplateContainerStartupProbeArgs startupProbe) {
            return startupProbe(Output.of(startupProbe));
        }

        public Builder volumeMounts(@Nullable Output<List<ServiceTemplateContainerVolumeMountArgs>> volumeMounts) {
            $.volumeMounts = volumeMounts;
            return this;
        }

        public Builder volumeMounts(List<ServiceTemplateContainerVolumeMountArgs> volumeMounts) {
            return volumeMounts(Output.of(volumeMounts));
        }

        public Builder volumeMounts(ServiceTemplateContainerVolumeMountArgs... volumeMounts) {
            return volumeMounts(List.of(volumeMounts));
        }

        public ServiceTemplateContainerArgs build() {
            $.image = Objects.requireNonNull($.image, "expected parameter 'image' to be non-null");
            return $;
        }
    }
}
