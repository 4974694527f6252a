// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An environment variable of a container.
 */
public final class ServiceTemplateContainerEnvArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateContainerEnvArgs Empty = new ServiceTemplateContainerEnvArgs();

    /** Variable name. */
    @Import(name="name", required=true)
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** Literal value. */
    @Import(name="value")
    private @Nullable Output<String> value;

    public Optional<Output<String>> value() {
        return Optional.ofNullable(this.value);
    }

    /** Value read from Secret Manager. */
    @Import(name="valueSource")
    private @Nullable Output<ServiceTemplateContainerEnvValueSourceArgs> valueSource;

    public Optional<Output<ServiceTemplateContainerEnvValueSourceArgs>> valueSource() {
        return Optional.ofNullable(this.valueSource);
    }

    private ServiceTemplateContainerEnvArgs() {}

    private ServiceTemplateContainerEnvArgs(ServiceTemplateContainerEnvArgs $) {
        this.name = $.name;
        this.value = $.value;
        this.valueSource = $.valueSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateContainerEnvArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateContainerEnvArgs $;

        public Builder() {
            $ = new ServiceTemplateContainerEnvArgs();
        }

        public Builder(ServiceTemplateContainerEnvArgs defaults) {
            $ = new ServiceTemplateContainerEnvArgs(Objects.requireNonNull(defaults));
        }

        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder value(@Nullable Output<String> value) {
            $.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public Builder valueSource(@Nullable Output<ServiceTemplateContainerEnvValueSourceArgs> valueSource) {
            $.valueSource = valueSource;
            return this;
        }

        public Builder valueSource(ServiceTemplateContainerEnvValueSourceArgs valueSource) {
            return valueSource(Output.of(valueSource));
        }

        public ServiceTemplateContainerEnvArgs build() {
            $.name = Objects.requireNonNull($.name, "expected parameter 'name' to be non-null");
            return $;
        }
    }
}
