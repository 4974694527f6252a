// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import javax.annotation.Nullable;

/**
 * IAP settings of one scope ({@code gcp:iap/settings:Settings}). Deleting it resets every IAP setting of that scope.
 */
@ResourceType(type="gcp:iap/settings:Settings")
public class Settings extends CustomResource {

    public Settings(String name, SettingsArgs args) {
        this(name, args, null);
    }

    public Settings(String name, SettingsArgs args, @Nullable CustomResourceOptions options) {
        super("gcp:iap/settings:Settings", name, args == null ? SettingsArgs.Empty : args, GcpProvider.withVersion(options));
    }
}
