// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.projects;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.gcp.projects.IAMMemberArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import javax.annotation.Nullable;

/**
 * One principal's role on a whole project ({@code gcp:projects/iAMMember:IAMMember}): additive, so it leaves every
 * other grant of the project alone. Takes pulumi-gcp 7.0.0's {@link IAMMemberArgs} ({@code project, role, member,
 * condition}), whose wire schema equals 9.37.0's, and binds no outputs: the program reads none.
 */
@ResourceType(type=GcpTypes.PROJECT_IAM_MEMBER)
public class IAMMember extends CustomResource {

    public IAMMember(String name, IAMMemberArgs args, @Nullable CustomResourceOptions options) {
        super(GcpTypes.PROJECT_IAM_MEMBER, name, args, GcpProvider.withVersion(options));
    }
}
