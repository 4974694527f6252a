// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.secretmanager;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import javax.annotation.Nullable;

/**
 * One principal's role on a Secret Manager secret ({@code gcp:secretmanager/secretIamMember:SecretIamMember}).
 * Takes pulumi-gcp 7.0.0's {@link SecretIamMemberArgs}, whose wire schema equals 9.37.0's, and binds no outputs: the program
 * reads none, and the SDK reflects over every bound output of every resource it registers.
 */
@ResourceType(type=GcpTypes.SECRET_IAM_MEMBER)
public class SecretIamMember extends CustomResource {

    public SecretIamMember(String name, SecretIamMemberArgs args, @Nullable CustomResourceOptions options) {
        super(GcpTypes.SECRET_IAM_MEMBER, name, args, GcpProvider.withVersion(options));
    }
}
