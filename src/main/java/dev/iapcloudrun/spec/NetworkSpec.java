package dev.iapcloudrun.spec;

import java.util.List;
import java.util.Optional;

/**
 * How a service reaches a VPC network, validated: a connector, or Direct VPC egress.
 *
 * @param connector  a Serverless VPC Access connector's name or path; empty for Direct VPC egress
 * @param vpc        Direct VPC egress: the network's name or path; empty means the subnetwork's network
 * @param subnetwork Direct VPC egress: the subnetwork's name or path; empty means the network's namesake
 * @param tags       Direct VPC egress: the service's network tags
 * @param egress     {@code all-traffic} or {@code private-ranges-only}
 */
public record NetworkSpec(Optional<String> connector, Optional<String> vpc, Optional<String> subnetwork, List<String> tags,
                          String egress) {

    public NetworkSpec {
        tags = List.copyOf(tags);
    }
}
