// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The network interface of Direct VPC egress: at least one of network or subnetwork.
 */
public final class ServiceTemplateVpcAccessNetworkInterfaceArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateVpcAccessNetworkInterfaceArgs Empty = new ServiceTemplateVpcAccessNetworkInterfaceArgs();

    /** The VPC network traffic is sent to; looked up from the subnetwork when not set. */
    @Import(name="network")
    private @Nullable Output<String> network;

    public Optional<Output<String>> network() {
        return Optional.ofNullable(this.network);
    }

    /** The VPC subnetwork the revision gets its IPs from; the network's namesake when not set. */
    @Import(name="subnetwork")
    private @Nullable Output<String> subnetwork;

    public Optional<Output<String>> subnetwork() {
        return Optional.ofNullable(this.subnetwork);
    }

    /** Network tags applied to the service. */
    @Import(name="tags")
    private @Nullable Output<List<String>> tags;

    public Optional<Output<List<String>>> tags() {
        return Optional.ofNullable(this.tags);
    }

    private ServiceTemplateVpcAccessNetworkInterfaceArgs() {}

    private ServiceTemplateVpcAccessNetworkInterfaceArgs(ServiceTemplateVpcAccessNetworkInterfaceArgs $) {
        this.network = $.network;
        this.subnetwork = $.subnetwork;
        this.tags = $.tags;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateVpcAccessNetworkInterfaceArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateVpcAccessNetworkInterfaceArgs $;

        public Builder() {
            $ = new ServiceTemplateVpcAccessNetworkInterfaceArgs();
        }

        public Builder(ServiceTemplateVpcAccessNetworkInterfaceArgs defaults) {
            $ = new ServiceTemplateVpcAccessNetworkInterfaceArgs(Objects.requireNonNull(defaults));
        }

        public Builder network(@Nullable Output<String> network) {
            $.network = network;
            return this;
        }

        public Builder network(String network) {
            return network(Output.of(network));
        }

        public Builder subnetwork(@Nullable Output<String> subnetwork) {
            $.subnetwork = subnetwork;
            return this;
        }

        public Builder subnetwork(String subnetwork) {
            return subnetwork(Output.of(subnetwork));
        }

        public Builder tags(@Nullable Output<List<String>> tags) {
            $.tags = tags;
            return this;
        }

        public Builder tags(List<String> tags) {
            return tags(Output.of(tags));
        }

        public Builder tags(String... tags) {
            return tags(List.of(tags));
        }

        public ServiceTemplateVpcAccessNetworkInterfaceArgs build() {
            return $;
        }
    }
}
