// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import javax.annotation.Nullable;

/**
 * One principal's role on a Cloud Run service ({@code gcp:cloudrunv2/serviceIamMember:ServiceIamMember}).
 * Takes pulumi-gcp 7.0.0's {@link ServiceIamMemberArgs}, whose wire schema equals 9.37.0's, and binds no outputs: the program
 * reads none, and the SDK reflects over every bound output of every resource it registers.
 */
@ResourceType(type=GcpTypes.RUN_SERVICE_IAM_MEMBER)
public class ServiceIamMember extends CustomResource {

    public ServiceIamMember(String name, ServiceIamMemberArgs args, @Nullable CustomResourceOptions options) {
        super(GcpTypes.RUN_SERVICE_IAM_MEMBER, name, args, GcpProvider.withVersion(options));
    }
}
