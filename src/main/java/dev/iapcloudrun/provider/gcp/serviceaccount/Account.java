// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.serviceaccount;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import javax.annotation.Nullable;

/**
 * A service account ({@code gcp:serviceaccount/account:Account}).
 * Takes pulumi-gcp 7.0.0's {@link AccountArgs}, whose wire schema equals 9.37.0's, and binds no outputs: the program
 * reads none, and the SDK reflects over every bound output of every resource it registers.
 */
@ResourceType(type=GcpTypes.SERVICE_ACCOUNT)
public class Account extends CustomResource {

    public Account(String name, AccountArgs args, @Nullable CustomResourceOptions options) {
        super(GcpTypes.SERVICE_ACCOUNT, name, args, GcpProvider.withVersion(options));
    }
}
