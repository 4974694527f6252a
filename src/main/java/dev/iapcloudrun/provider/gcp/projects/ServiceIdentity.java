// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.projects;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.gcp.projects.ServiceIdentityArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import javax.annotation.Nullable;

/**
 * A Google-managed service agent of a project ({@code gcp:projects/serviceIdentity:ServiceIdentity}).
 * Takes pulumi-gcp 7.0.0's {@link ServiceIdentityArgs}, whose wire schema equals 9.37.0's, and binds no outputs: the program
 * reads none, and the SDK reflects over every bound output of every resource it registers.
 */
@ResourceType(type=GcpTypes.SERVICE_IDENTITY)
public class ServiceIdentity extends CustomResource {

    public ServiceIdentity(String name, ServiceIdentityArgs args, @Nullable CustomResourceOptions options) {
        super(GcpTypes.SERVICE_IDENTITY, name, args, GcpProvider.withVersion(options));
    }
}
