package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * How a service reaches a VPC network: through a Serverless VPC Access {@code connector}, or by Direct VPC egress with
 * {@code vpc}, {@code subnetwork} and {@code tags}; never both.
 */
public final class NetworkArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * A Serverless VPC Access connector: its name, at most 25 characters, taken as the service's project's connector in
     * the service's region, or its path {@code projects/PROJECT/locations/REGION/connectors/NAME}.
     */
    @Import(name="connector")
    private @Nullable String connector;

    public Optional<String> connector() {
        return Optional.ofNullable(this.connector);
    }

    /**
     * Direct VPC egress: the VPC network, by name (looked up in the service's project) or as
     * {@code projects/PROJECT/global/networks/NAME}. Default: the subnetwork's network.
     */
    @Import(name="vpc")
    private @Nullable String vpc;

    public Optional<String> vpc() {
        return Optional.ofNullable(this.vpc);
    }

    /**
     * Direct VPC egress: the subnetwork the service takes its addresses from, by name (looked up in the service's
     * project) or as {@code projects/PROJECT/regions/REGION/subnetworks/NAME}. Default: the network's namesake subnetwork.
     */
    @Import(name="subnetwork")
    private @Nullable String subnetwork;

    public Optional<String> subnetwork() {
        return Optional.ofNullable(this.subnetwork);
    }

    /**
     * Direct VPC egress: network tags of the service, which firewall rules select it by; each 1 to 63 lower-case
     * letters, digits and hyphens (RFC 1035), each once. Default: none.
     */
    @Import(name="tags")
    private @Nullable List<String> tags;

    public Optional<List<String>> tags() {
        return Optional.ofNullable(this.tags);
    }

    /**
     * {@code private-ranges-only}: only traffic to private addresses goes through the VPC; {@code all-traffic}: every
     * outbound request does, so the VPC's firewall rules and routes apply to all of it. Default: {@code private-ranges-only},
     * Cloud Run's, always sent so that a plan shows it.
     */
    @Import(name="egress")
    private @Nullable String egress;

    public Optional<String> egress() {
        return Optional.ofNullable(this.egress);
    }

    private NetworkArgs() {}

    private NetworkArgs(NetworkArgs $) {
        this.connector = $.connector;
        this.vpc = $.vpc;
        this.subnetwork = $.subnetwork;
        this.tags = $.tags;
        this.egress = $.egress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NetworkArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NetworkArgs $;

        public Builder() {
            $ = new NetworkArgs();
        }

        public Builder(NetworkArgs defaults) {
            $ = new NetworkArgs(Objects.requireNonNull(defaults));
        }

        public Builder connector(@Nullable String connector) {
            $.connector = connector;
            return this;
        }

        public Builder vpc(@Nullable String vpc) {
            $.vpc = vpc;
            return this;
        }

        public Builder subnetwork(@Nullable String subnetwork) {
            $.subnetwork = subnetwork;
            return this;
        }

        public Builder tags(@Nullable List<String> tags) {
            $.tags = tags;
            return this;
        }

        public Builder tags(String... tags) {
            return tags(List.of(tags));
        }

        public Builder egress(@Nullable String egress) {
            $.egress = egress;
            return this;
        }

        public NetworkArgs build() {
            return $;
        }
    }
}
