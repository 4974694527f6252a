package dev.iapcloudrun.synth;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Log;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Constants;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.AliasOuterClass;
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
 *
 * <p>It answers registrations as {@link PreviewMocks} describes a preview (a resource's outputs are its inputs,
 * its other outputs unknown, its id is {@code <name>-id}) on the wire form itself. The SDK's mock monitor would turn
 * the inputs into Java values for {@code Mocks} and the answer back, for every resource, and return every input to a
 * resource whose class reads one or two of them; the answer here carries only the outputs the resource's class binds,
 * which are the only ones the SDK looks up.
 */
final class RecordingMonitor extends MockMonitor {

    record Registration(RegisterResourceRequest request, String urn) {}

    /** The output names a resource class binds ({@code @Export} fields, its superclasses' included). */
    private static final ClassValue<List<String>> BOUND_OUTPUTS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            var names = new ArrayList<String>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (var field : c.getDeclaredFields()) {
                    var export = field.getAnnotation(Export.class);
                    if (export != null) {
                        names.add(export.name());
                    }
                }
            }
            return List.copyOf(names);
        }
    };

    private static final Value UNKNOWN = Value.newBuilder().setStringValue(Constants.UnknownValue).build();

    final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    final List<ResourceInvokeRequest> invokes = Collections.synchronizedList(new ArrayList<>());
    final List<RegisterResourceOutputsRequest> outputs = Collections.synchronizedList(new ArrayList<>());

    private final String project;
    private final String stack;

    RecordingMonitor(Mocks mocks, Log log, String project, String stack) {
        super(mocks, log);
        this.project = project;
        this.stack = stack;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        var urn = Urns.of(stack, project, request.getParent(), request.getType(), request.getName());
        registrations.add(new Registration(request, urn));
        if (!request.getCustom()) {
            // A component has no id and no outputs of the engine's: it registers its outputs itself. Answering its bound
            // outputs (the components bind theirs for the package schema) only made every answer, and the text the
            // SDK formats of it, longer.
            return CompletableFuture.completedFuture(RegisterResourceResponse.newBuilder().setUrn(urn).build());
        }
        var inputs = request.getObject().getFieldsMap();
        var bound = Struct.newBuilder();
        for (var name : BOUND_OUTPUTS.get(resource.getClass())) {
            // An output that is no input (a service's URI, an account's email) is unknown, as a preview of a create
            // answers it. Left out of the answer, the SDK would make it unknown without its resource, and an input
            // taking it would not show that it waits for that resource.
            bound.putFields(name, inputs.getOrDefault(name, UNKNOWN));
        }
        return CompletableFuture.completedFuture(RegisterResourceResponse.newBuilder()
                .setUrn(urn)
                .setId(PreviewMocks.id(request.getName()))
                .setObject(bound)
                .build());
    }

    /**
     * The URN an alias names, as the engine resolves it ({@code collapseAliasToUrn} in pulumi's
     * {@code pkg/resource/deploy/step_generator.go}): what the alias spec leaves out (stack, project, type, parent) is
     * the resource's own, and the URN follows {@link Urns#of}. (The engine also takes a parent that was itself found
     * by an alias under its old URN; offline there is no old state to find it in.)
     */
    String aliasUrn(AliasOuterClass.Alias alias, RegisterResourceRequest request) {
        return Urns.ofAlias(stack, project, alias, request);
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
