// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The revision template of a Cloud Run v2 service.
 */
public final class ServiceTemplateArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateArgs Empty = new ServiceTemplateArgs();

    /** Revision annotations. */
    @Import(name="annotations")
    private @Nullable Output<Map<String,String>> annotations;

    public Optional<Output<Map<String,String>>> annotations() {
        return Optional.ofNullable(this.annotations);
    }

    /** Containers of the revision. */
    @Import(name="containers")
    private @Nullable Output<List<ServiceTemplateContainerArgs>> containers;

    public Optional<Output<List<ServiceTemplateContainerArgs>>> containers() {
        return Optional.ofNullable(this.containers);
    }

    /** The sandbox of the revision: EXECUTION_ENVIRONMENT_GEN1 or EXECUTION_ENVIRONMENT_GEN2. */
    @Import(name="executionEnvironment")
    private @Nullable Output<String> executionEnvironment;

    public Optional<Output<String>> executionEnvironment() {
        return Optional.ofNullable(this.executionEnvironment);
    }

    /** Revision labels. */
    @Import(name="labels")
    private @Nullable Output<Map<String,String>> labels;

    public Optional<Output<Map<String,String>>> labels() {
        return Optional.ofNullable(this.labels);
    }

    /** Requests one instance serves at once. */
    @Import(name="maxInstanceRequestConcurrency")
    private @Nullable Output<Integer> maxInstanceRequestConcurrency;

    public Optional<Output<Integer>> maxInstanceRequestConcurrency() {
        return Optional.ofNullable(this.maxInstanceRequestConcurrency);
    }

    /** Instance bounds. */
    @Import(name="scaling")
    private @Nullable Output<ServiceTemplateScalingArgs> scaling;

    public Optional<Output<ServiceTemplateScalingArgs>> scaling() {
        return Optional.ofNullable(this.scaling);
    }

    /** Email of the runtime identity. */
    @Import(name="serviceAccount")
    private @Nullable Output<String> serviceAccount;

    public Optional<Output<String>> serviceAccount() {
        return Optional.ofNullable(this.serviceAccount);
    }

    /** Whether requests of one client go to the same instance where possible. */
    @Import(name="sessionAffinity")
    private @Nullable Output<Boolean> sessionAffinity;

    public Optional<Output<Boolean>> sessionAffinity() {
        return Optional.ofNullable(this.sessionAffinity);
    }

    /** Request timeout, e.g. 300s. */
    @Import(name="timeout")
    private @Nullable Output<String> timeout;

    public Optional<Output<String>> timeout() {
        return Optional.ofNullable(this.timeout);
    }

    /** How the revision reaches a VPC network: a connector or Direct VPC egress. */
    @Import(name="vpcAccess")
    private @Nullable Output<ServiceTemplateVpcAccessArgs> vpcAccess;

    public Optional<Output<ServiceTemplateVpcAccessArgs>> vpcAccess() {
        return Optional.ofNullable(this.vpcAccess);
    }

    /** Volumes the containers may mount. */
    @Import(name="volumes")
    private @Nullable Output<List<ServiceTemplateVolumeArgs>> volumes;

    public Optional<Output<List<ServiceTemplateVolumeArgs>>> volumes() {
        return Optional.ofNullable(this.volumes);
    }

    private ServiceTemplateArgs() {}

    private ServiceTemplateArgs(ServiceTemplateArgs $) {
        this.annotations = $.annotations;
        this.containers = $.containers;
        this.executionEnvironment = $.executionEnvironment;
        this.labels = $.labels;
        this.maxInstanceRequestConcurrency = $.maxInstanceRequestConcurrency;
        this.scaling = $.scaling;
        this.serviceAccount = $.serviceAccount;
        this.sessionAffinity = $.sessionAffinity;
        this.timeout = $.timeout;
        this.vpcAccess = $.vpcAccess;
        this.volumes = $.volumes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateArgs $;

        public Builder() {
            $ = new ServiceTemplateArgs();
        }

        public Builder(ServiceTemplateArgs defaults) {
            $ = new ServiceTemplateArgs(Objects.requireNonNull(defaults));
        }

        public Builder annotations(@Nullable Output<Map<String,String>> annotations) {
            $.annotations = annotations;
            return this;
        }

        public Builder annotations(Map<String,String> annotations) {
            return annotations(Output.of(annotations));
        }

        public Builder containers(@Nullable Output<List<ServiceTemplateContainerArgs>> containers) {
            $.containers = containers;
            return this;
        }

        public Builder containers(List<ServiceTemplateContainerArgs> containers) {
            return containers(Output.of(containers));
        }

        public Builder containers(ServiceTemplateContainerArgs... containers) {
            return containers(List.of(containers));
        }

        public Builder executionEnvironment(@Nullable Output<String> executionEnvironment) {
            $.executionEnvironment = executionEnvironment;
            return this;
        }

        public Builder executionEnvironment(String executionEnvironment) {
            return executionEnvironment(Output.of(executionEnvironment));
        }

        public Builder labels(@Nullable Output<Map<String,String>> labels) {
            $.labels = labels;
            return this;
        }

        public Builder labels(Map<String,String> labels) {
            return labels(Output.of(labels));
        }

        public Builder maxInstanceRequestConcurrency(@Nullable Output<Integer> maxInstanceRequestConcurrency) {
            $.maxInstanceRequestConcurrency = maxInstanceRequestConcurrency;
            return this;
        }

        public Builder maxInstanceRequestConcurrency(Integer maxInstanceRequestConcurrency) {
            return maxInstanceRequestConcurrency(Output.of(maxInstanceRequestConcurrency));
        }

        public Builder scaling(@Nullable Output<ServiceTemplateScalingArgs> scaling) {
            $.scaling = scaling;
            return this;
        }

        public Builder scaling(ServiceTemplateScalingArgs scaling) {
            return scaling(Output.of(scaling));
        }

        public Builder serviceAccount(@Nullable Output<String> serviceAccount) {
            $.serviceAccount = serviceAccount;
            return this;
        }

        public Builder serviceAccount(String serviceAccount) {
            return serviceAccount(Output.of(serviceAccount));
        }

        public Builder sessionAffinity(@Nullable Output<Boolean> sessionAffinity) {
            $.sessionAffinity = sessionAffinity;
            return this;
        }

        public Builder sessionAffinity(Boolean sessionAffinity) {
            return sessionAffinity(Output.of(sessionAffinity));
        }

        public Builder timeout(@Nullable Output<String> timeout) {
            $.timeout = timeout;
            return this;
        }

        public Builder timeout(String timeout) {
            return timeout(Output.of(timeout));
        }

        public Builder vpcAccess(@Nullable Output<ServiceTemplateVpcAccessArgs> vpcAccess) {
            $.vpcAccess = vpcAccess;
            return this;
        }

        public Builder vpcAccess(ServiceTemplateVpcAccessArgs vpcAccess) {
            return vpcAccess(Output.of(vpcAccess));
        }

        public Builder volumes(@Nullable Output<List<ServiceTemplateVolumeArgs>> volumes) {
            $.volumes = volumes;
            return this;
        }

        public Builder volumes(List<ServiceTemplateVolumeArgs> volumes) {
            return volumes(Output.of(volumes));
        }

        public Builder volumes(ServiceTemplateVolumeArgs... volumes) {
            return volumes(List.of(volumes));
        }

        public ServiceTemplateArgs build() {
            return $;
        }
    }
}
