package dev.iapcloudrun.synth;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The in-process engine's resource monitor, recording every request exactly as the SDK sends it to a
 * real engine: the parent, dependencies, options and the serialized properties with their secret and
 * unknown markers, which the SDK's {@code Mocks} view drops.
 */
final class RecordingMonitor extends MockMonitor {

    record Registration(RegisterResourceRequest request, String urn) {}

    final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    final List<ResourceInvokeRequest> invokes = Collections.synchronizedList(new ArrayList<>());
    final List<RegisterResourceOutputsRequest> outputs = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            registrations.add(new Registration(request, response.getUrn()));
            return response;
        });
    }

    @Override
    public CompletableFuture<ResourceInvokeResponse> invokeAsync(ResourceInvokeRequest request) {
        invokes.add(request);
        return super.invokeAsync(request);
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        outputs.add(request);
        return super.registerResourceOutputsAsync(request);
    }
}
