// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceBinaryAuthorizationArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateArgs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link Service}.
 */
public final class ServiceArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceArgs Empty = new ServiceArgs();

    /** The Binary Authorization policy the service's images are checked against. */
    @Import(name="binaryAuthorization")
    private @Nullable Output<ServiceBinaryAuthorizationArgs> binaryAuthorization;

    public Optional<Output<ServiceBinaryAuthorizationArgs>> binaryAuthorization() {
        return Optional.ofNullable(this.binaryAuthorization);
    }

    /** Extra audiences accepted in ID tokens. */
    @Import(name="customAudiences")
    private @Nullable Output<List<String>> customAudiences;

    public Optional<Output<List<String>>> customAudiences() {
        return Optional.ofNullable(this.customAudiences);
    }

    /** Refuse destroy and replace while true (provider default true). */
    @Import(name="deletionProtection")
    private @Nullable Output<Boolean> deletionProtection;

    public Optional<Output<Boolean>> deletionProtection() {
        return Optional.ofNullable(this.deletionProtection);
    }

    /** Free text description. */
    @Import(name="description")
    private @Nullable Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** Put Identity-Aware Proxy directly in front of the service. */
    @Import(name="iapEnabled")
    private @Nullable Output<Boolean> iapEnabled;

    public Optional<Output<Boolean>> iapEnabled() {
        return Optional.ofNullable(this.iapEnabled);
    }

    /** INGRESS_TRAFFIC_ALL, INGRESS_TRAFFIC_INTERNAL_ONLY or INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER. */
    @Import(name="ingress")
    private @Nullable Output<String> ingress;

    public Optional<Output<String>> ingress() {
        return Optional.ofNullable(this.ingress);
    }

    /** Switch the IAM invoker check off: makes the service public. */
    @Import(name="invokerIamDisabled")
    private @Nullable Output<Boolean> invokerIamDisabled;

    public Optional<Output<Boolean>> invokerIamDisabled() {
        return Optional.ofNullable(this.invokerIamDisabled);
    }

    /** Service labels. */
    @Import(name="labels")
    private @Nullable Output<Map<String,String>> labels;

    public Optional<Output<Map<String,String>>> labels() {
        return Optional.ofNullable(this.labels);
    }

    /** Region of the service. */
    @Import(name="location", required=true)
    private Output<String> location;

    public Output<String> location() {
        return this.location;
    }

    /** Service name; always set it, or Pulumi appends a random suffix. */
    @Import(name="name")
    private @Nullable Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** Project id. */
    @Import(name="project")
    private @Nullable Output<String> project;

    public Optional<Output<String>> project() {
        return Optional.ofNullable(this.project);
    }

    /** Revision template. */
    @Import(name="template", required=true)
    private Output<ServiceTemplateArgs> template;

    public Output<ServiceTemplateArgs> template() {
        return this.template;
    }

    private ServiceArgs() {}

    private ServiceArgs(ServiceArgs $) {
        this.binaryAuthorization = $.binaryAuthorization;
        this.customAudiences = $.customAudiences;
        this.deletionProtection = $.deletionProtection;
        this.description = $.description;
        this.iapEnabled = $.iapEnabled;
        this.ingress = $.ingress;
        this.invokerIamDisabled = $.invokerIamDisabled;
        this.labels = $.labels;
        this.location = $.location;
        this.name = $.name;
        this.project = $.project;
        this.template = $.template;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceArgs $;

        public Builder() {
            $ = new ServiceArgs();
        }

        public Builder(ServiceArgs defaults) {
            $ = new ServiceArgs(Objects.requireNonNull(defaults));
        }

        public Builder binaryAuthorization(@Nullable Output<ServiceBinaryAuthorizationArgs> binaryAuthorization) {
            $.binaryAuthorization = binaryAuthorization;
            return this;
        }

        public Builder binaryAuthorization(ServiceBinaryAuthorizationArgs binaryAuthorization) {
            return binaryAuthorization(Output.of(binaryAuthorization));
        }

        public Builder customAudiences(@Nullable Output<List<String>> customAudiences) {
            $.customAudiences = customAudiences;
            return this;
        }

        public Builder customAudiences(List<String> customAudiences) {
            return customAudiences(Output.of(customAudiences));
        }

        public Builder customAudiences(String... customAudiences) {
            return customAudiences(List.of(customAudiences));
        }

        public Builder deletionProtection(@Nullable Output<Boolean> deletionProtection) {
            $.deletionProtection = deletionProtection;
            return this;
        }

        public Builder deletionProtection(Boolean deletionProtection) {
            return deletionProtection(Output.of(deletionProtection));
        }

        public Builder description(@Nullable Output<String> description) {
            $.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder iapEnabled(@Nullable Output<Boolean> iapEnabled) {
            $.iapEnabled = iapEnabled;
            return this;
        }

        public Builder iapEnabled(Boolean iapEnabled) {
            return iapEnabled(Output.of(iapEnabled));
        }

        public Builder ingress(@Nullable Output<String> ingress) {
            $.ingress = ingress;
            return this;
        }

        public Builder ingress(String ingress) {
            return ingress(Output.of(ingress));
        }

        public Builder invokerIamDisabled(@Nullable Output<Boolean> invokerIamDisabled) {
            $.invokerIamDisabled = invokerIamDisabled;
            return this;
        }

        public Builder invokerIamDisabled(Boolean invokerIamDisabled) {
            return invokerIamDisabled(Output.of(invokerIamDisabled));
        }

        public Builder labels(@Nullable Output<Map<String,String>> labels) {
            $.labels = labels;
            return this;
        }

        public Builder labels(Map<String,String> labels) {
            return labels(Output.of(labels));
        }

        public Builder location(Output<String> location) {
            $.location = location;
            return this;
        }

        public Builder location(String location) {
            return location(Output.of(location));
        }

        public Builder name(@Nullable Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder project(@Nullable Output<String> project) {
            $.project = project;
            return this;
        }

        public Builder project(String project) {
            return project(Output.of(project));
        }

        public Builder template(Output<ServiceTemplateArgs> template) {
            $.template = template;
            return this;
        }

        public Builder template(ServiceTemplateArgs template) {
            return template(Output.of(template));
        }

        public ServiceArgs build() {
            $.location = Objects.requireNonNull($.location, "expected parameter 'location' to be non-null");
            $.template = Objects.requireNonNull($.template, "expected parameter 'template' to be non-null");
            return $;
        }
    }
}
