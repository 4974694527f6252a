// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * How a revision reaches a VPC network: through a Serverless VPC Access connector, or by Direct VPC egress.
 */
public final class ServiceTemplateVpcAccessArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceTemplateVpcAccessArgs Empty = new ServiceTemplateVpcAccessArgs();

    /** VPC Access connector name: projects/{project}/locations/{location}/connectors/{connector}. */
    @Import(name="connector")
    private @Nullable Output<String> connector;

    public Optional<Output<String>> connector() {
        return Optional.ofNullable(this.connector);
    }

    /** Traffic VPC egress settings: ALL_TRAFFIC or PRIVATE_RANGES_ONLY. */
    @Import(name="egress")
    private @Nullable Output<String> egress;

    public Optional<Output<String>> egress() {
        return Optional.ofNullable(this.egress);
    }

    /** Direct VPC egress settings; only a single network interface is supported. */
    @Import(name="networkInterfaces")
    private @Nullable Output<List<ServiceTemplateVpcAccessNetworkInterfaceArgs>> networkInterfaces;

    public Optional<Output<List<ServiceTemplateVpcAccessNetworkInterfaceArgs>>> networkInterfaces() {
        return Optional.ofNullable(this.networkInterfaces);
    }

    private ServiceTemplateVpcAccessArgs() {}

    private ServiceTemplateVpcAccessArgs(ServiceTemplateVpcAccessArgs $) {
        this.connector = $.connector;
        this.egress = $.egress;
        this.networkInterfaces = $.networkInterfaces;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceTemplateVpcAccessArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceTemplateVpcAccessArgs $;

        public Builder() {
            $ = new ServiceTemplateVpcAccessArgs();
        }

        public Builder(ServiceTemplateVpcAccessArgs defaults) {
            $ = new ServiceTemplateVpcAccessArgs(Objects.requireNonNull(defaults));
        }

        public Builder connector(@Nullable Output<String> connector) {
            $.connector = connector;
            return this;
        }

        public Builder connector(String connector) {
            return connector(Output.of(connector));
        }

        public Builder egress(@Nullable Output<String> egress) {
            $.egress = egress;
            return this;
        }

        public Builder egress(String egress) {
            return egress(Output.of(egress));
        }

        public Builder networkInterfaces(@Nullable Output<List<ServiceTemplateVpcAccessNetworkInterfaceArgs>> networkInterfaces) {
            $.networkInterfaces = networkInterfaces;
            return this;
        }

        public Builder networkInterfaces(List<ServiceTemplateVpcAccessNetworkInterfaceArgs> networkInterfaces) {
            return networkInterfaces(Output.of(networkInterfaces));
        }

        public Builder networkInterfaces(ServiceTemplateVpcAccessNetworkInterfaceArgs... networkInterfaces) {
            return networkInterfaces(List.of(networkInterfaces));
        }

        public ServiceTemplateVpcAccessArgs build() {
            return $;
        }
    }
}
