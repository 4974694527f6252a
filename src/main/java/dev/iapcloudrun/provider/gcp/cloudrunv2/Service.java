// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.cloudrunv2;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import javax.annotation.Nullable;

/**
 * A Cloud Run v2 service ({@code gcp:cloudrunv2/service:Service}) with the inputs pulumi-gcp 7.0.0 lacks: {@code iapEnabled}, {@code invokerIamDisabled}, {@code deletionProtection} and {@code ports} as one object.
 */
@ResourceType(type="gcp:cloudrunv2/service:Service")
public class Service extends CustomResource {

    /** Service name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }



    /** The service's run.app address. */
    @Export(name="uri", refs={String.class}, tree="[0]")
    private Output<String> uri;

    public Output<String> uri() {
        return this.uri;
    }

    public Service(String name, ServiceArgs args) {
        this(name, args, null);
    }

    public Service(String name, ServiceArgs args, @Nullable CustomResourceOptions options) {
        super("gcp:cloudrunv2/service:Service", name, args == null ? ServiceArgs.Empty : args, GcpProvider.withVersion(options));
    }
}
