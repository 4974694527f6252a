// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import javax.annotation.Nullable;

/**
 * A role on the IAP resource of one Cloud Run service ({@code gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding}).
 */
@ResourceType(type="gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding")
public class WebCloudRunServiceIamBinding extends CustomResource {

    public WebCloudRunServiceIamBinding(String name, WebCloudRunServiceIamBindingArgs args) {
        this(name, args, null);
    }

    public WebCloudRunServiceIamBinding(String name, WebCloudRunServiceIamBindingArgs args, @Nullable CustomResourceOptions options) {
        super("gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding", name, args == null ? WebCloudRunServiceIamBindingArgs.Empty : args, GcpProvider.withVersion(options));
    }
}
