// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import javax.annotation.Nullable;

/**
 * A role on the IAP resource of one Cloud Run service ({@code gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember}).
 */
@ResourceType(type="gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember")
public class WebCloudRunServiceIamMember extends CustomResource {

    public WebCloudRunServiceIamMember(String name, WebCloudRunServiceIamMemberArgs args) {
        this(name, args, null);
    }

    public WebCloudRunServiceIamMember(String name, WebCloudRunServiceIamMemberArgs args, @Nullable CustomResourceOptions options) {
        super("gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember", name, args == null ? WebCloudRunServiceIamMemberArgs.Empty : args, GcpProvider.withVersion(options));
    }
}
