package dev.iapcloudrun.provider.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.List;

/**
 * The one place that knows which pulumi-gcp provider plugin the program targets.
 *
 * <p>The Java SDK classes of {@code com.pulumi:gcp:7.0.0} ask for plugin 7.0.0 by default, which lacks
 * the IAP inputs this program sends; every gcp resource and invoke therefore asks for {@link #VERSION}
 * explicitly, and the jar's {@code com/pulumi/gcp/plugin.json} names the same version so that
 * {@code pulumi up} installs exactly one gcp plugin.
 */
public final class GcpProvider {

    /** The pulumi-gcp provider plugin whose wire schema every binding here follows. */
    public static final String VERSION = "9.37.0";

    private GcpProvider() {}

    /** Options for a gcp resource parented to {@code parent}, pinned to {@link #VERSION}. */
    public static CustomResourceOptions.Builder childOf(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).version(VERSION);
    }

    /** Pins {@code options} to {@link #VERSION}, whatever version they carried. */
    public static CustomResourceOptions withVersion(@Nullable CustomResourceOptions options) {
        // Options made by childOf already ask for VERSION; merging copies every option, for every resource.
        if (options != null && options.getVersion().filter(VERSION::equals).isPresent()) {
            return options;
        }
        // Never merge into null: the SDK's merge then writes into the shared CustomResourceOptions.Empty, and every
        // later resource created without options, in any later deployment of the process, inherits what was merged.
        var base = options != null ? options : CustomResourceOptions.builder().build();
        return CustomResourceOptions.merge(base, CustomResourceOptions.builder().version(VERSION).build());
    }

    /**
     * What a component's options make it wait for, for the children that must wait too: the engine orders a resource
     * after those it depends on, not after what its parent depends on.
     */
    public static Output<List<Resource>> dependsOnOf(@Nullable ComponentResourceOptions options) {
        return options == null ? Output.of(List.of()) : options.getDependsOn();
    }

    /** Options for a gcp invoke, pinned to {@link #VERSION}. */
    public static InvokeOptions invokeOptions(Resource parent) {
        return InvokeOptions.builder().parent(parent).version(VERSION).build();
    }
}
