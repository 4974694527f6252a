package dev.iapcloudrun.synth;

import com.pulumi.core.internal.Constants;
import com.pulumi.test.Mocks;
import dev.iapcloudrun.provider.gcp.GcpTypes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the program the way a preview does: a resource's outputs are its inputs, everything else
 * (a service's URI, a looked-up project number) is unknown until deployment.
 *
 * <p>The offline engine's monitor ({@link RecordingMonitor}) gives registrations this answer on the wire form
 * itself and asks the mocks only for invokes; {@link #newResourceAsync} serves engines that go through
 * {@code Mocks} for everything, such as the benchmark's floors.
 */
public final class PreviewMocks implements Mocks {

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id(args.name)), args.inputs));
    }

    /** A resource's id before deployment. */
    static String id(String name) {
        return name + "-id";
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (GcpTypes.GET_PROJECT.equals(args.token)) {
            return CompletableFuture.completedFuture(Map.of("number", Constants.UnknownValue));
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "offline synth does not know the invoke " + args.token));
    }
}
