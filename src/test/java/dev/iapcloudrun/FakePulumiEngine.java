package dev.iapcloudrun;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import dev.iapcloudrun.synth.Urns;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Resource;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Pulumi engine and resource monitor on loopback, built from the gRPC stubs of the Pulumi Java SDK, standing in for
 * the Pulumi CLI in tests: for a program run as {@code pulumi up} runs it, and for a component plugin's Construct. It
 * records every request and answers like a preview (a resource's outputs are its inputs).
 */
public final class FakePulumiEngine implements AutoCloseable {

    public final List<Resource.RegisterResourceRequest> registrations = Collections.synchronizedList(new ArrayList<>());
    public final List<Resource.RegisterResourceOutputsRequest> outputs = Collections.synchronizedList(new ArrayList<>());
    public final List<Resource.ResourceInvokeRequest> invokes = Collections.synchronizedList(new ArrayList<>());
    public final List<EngineOuterClass.LogRequest> logs = Collections.synchronizedList(new ArrayList<>());

    private final String project;
    private final String stack;
    private final Map<String, Struct> invokeAnswers = new ConcurrentHashMap<>();
    private final Server server;
    private volatile String rootUrn = "";

    /** An engine for the stack {@code stack} of project {@code project}; it answers no invoke until told to. */
    public FakePulumiEngine(String project, String stack) throws IOException {
        this.project = project;
        this.stack = stack;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Monitor())
                .addService(new Engine())
                .build()
                .start();
    }

    /** From now on an invoke of {@code token} returns {@code result}; any other invoke fails as unimplemented. */
    public FakePulumiEngine answering(String token, Struct result) {
        invokeAnswers.put(token, result);
        return this;
    }

    /** The address for PULUMI_MONITOR and PULUMI_ENGINE, a plugin's engine argument and a Construct's monitor. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** The URN of the project's stack, the parent a Construct request names. */
    public String stackUrn() {
        return Urns.of(stack, project, "", Urns.ROOT_STACK_TYPE, project + "-" + stack);
    }

    /** The engine's log as lines of severity and message. */
    public String logText() {
        return String.join("\n", List.copyOf(logs).stream().map(l -> l.getSeverity() + " " + l.getMessage()).toList());
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(Resource.SupportsFeatureRequest request, StreamObserver<Resource.SupportsFeatureResponse> response) {
            // Like the SDK's own mock monitor: everything but first-class output values.
            reply(response, Resource.SupportsFeatureResponse.newBuilder().setHasSupport(!"outputValues".equals(request.getId())).build());
        }

        @Override
        public void registerResource(Resource.RegisterResourceRequest request, StreamObserver<Resource.RegisterResourceResponse> response) {
            registrations.add(request);
            // The engine's URN, without the root stack's type the SDK's Urn.create would put in.
            var urn = Urns.of(stack, project, request.getParent(), request.getType(), request.getName());
            if (request.getParent().isEmpty()) {
                rootUrn = urn;
            }
            var reply = Resource.RegisterResourceResponse.newBuilder().setUrn(urn).setObject(request.getObject());
            if (request.getCustom()) {
                reply.setId(request.getName() + "-id");
            }
            reply(response, reply.build());
        }

        @Override
        public void registerResourceOutputs(Resource.RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            outputs.add(request);
            reply(response, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(Resource.ResourceInvokeRequest request, StreamObserver<Resource.ResourceInvokeResponse> response) {
            invokes.add(request);
            var answer = invokeAnswers.get(request.getTok());
            if (answer != null) {
                reply(response, Resource.ResourceInvokeResponse.newBuilder().setReturn(answer).build());
                return;
            }
            response.onError(Status.UNIMPLEMENTED.withDescription("no such invoke here: " + request.getTok()).asRuntimeException());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {

        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
            logs.add(request);
            reply(response, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request, StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
            reply(response, EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request, StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
            rootUrn = request.getUrn();
            reply(response, EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
        }
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
