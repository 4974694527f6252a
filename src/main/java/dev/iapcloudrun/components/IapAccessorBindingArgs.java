package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.spec.AccessorsSpec;

import java.util.Objects;

/**
 * Arguments of {@link IapAccessorBinding}.
 *
 * @param project     project id
 * @param region      region of the service
 * @param serviceName the Cloud Run service's name, taken from its resource so the grants wait for it
 * @param accessors   mode, members and condition from the stack file
 */
public record IapAccessorBindingArgs(String project, String region, Output<String> serviceName, AccessorsSpec accessors) {

    public IapAccessorBindingArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(accessors, "accessors");
    }
}
