// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.projects;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.gcp.projects.ServiceArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import javax.annotation.Nullable;

/**
 * An API enabled on a project ({@code gcp:projects/service:Service}).
 * Takes pulumi-gcp 7.0.0's {@link ServiceArgs}, whose wire schema equals 9.37.0's, and binds no outputs: the program
 * reads none, and the SDK reflects over every bound output of every resource it registers.
 */
@ResourceType(type=GcpTypes.PROJECT_SERVICE)
public class Service extends CustomResource {

    public Service(String name, ServiceArgs args, @Nullable CustomResourceOptions options) {
        super(GcpTypes.PROJECT_SERVICE, name, args, GcpProvider.withVersion(options));
    }
}
