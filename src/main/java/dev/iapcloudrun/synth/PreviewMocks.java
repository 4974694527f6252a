package dev.iapcloudrun.synth;

import com.pulumi.test.Mocks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the program the way a preview does: a resource's outputs are its inputs, everything else
 * (a service's URI, a looked-up project number) is unknown until deployment.
 */
final class PreviewMocks implements Mocks {

    /** The engine's marker for "known only after deployment". */
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if ("gcp:organizations/getProject:getProject".equals(args.token)) {
            return CompletableFuture.completedFuture(Map.of("number", UNKNOWN));
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "offline synth does not know the invoke " + args.token));
    }
}
