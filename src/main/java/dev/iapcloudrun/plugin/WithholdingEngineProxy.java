package dev.iapcloudrun.plugin;

import com.google.protobuf.Empty;
import dev.iapcloudrun.program.PulumiEntryPoint.SecretWithholdingEngine;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine as the components' Construct sees it: every call passed to the real engine, each log message first
 * cut of secret values as the program's own path cuts them ({@link SecretWithholdingEngine}). The SDK sends the whole
 * of every registration to the engine's debug log, a secret input's plain value included; the Construct it serves
 * talks to the engine at the address the plugin is given, so the plugin gives it this proxy's.
 */
final class WithholdingEngineProxy extends EngineGrpc.EngineImplBase implements AutoCloseable {

    private static final SecretWithholdingEngine WITHHOLDING = new SecretWithholdingEngine(null, List.of());

    private final ManagedChannel channel;
    private final EngineGrpc.EngineBlockingStub engine;
    private final Server server;

    /** Starts a proxy of the engine at {@code engineAddress} on a free loopback port. */
    WithholdingEngineProxy(String engineAddress) throws IOException {
        this.channel = NettyChannelBuilder.forTarget(engineAddress).usePlaintext().build();
        this.engine = EngineGrpc.newBlockingStub(channel);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(this).build().start();
    }

    /** The address to give the SDK for the engine. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
        forward(response, () -> engine.log(WITHHOLDING.withheld(request)));
    }

    @Override
    public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
        forward(response, () -> engine.getRootResource(request));
    }

    @Override
    public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
        forward(response, () -> engine.setRootResource(request));
    }

    @Override
    public void startDebugging(EngineOuterClass.StartDebuggingRequest request, StreamObserver<Empty> response) {
        forward(response, () -> engine.startDebugging(request));
    }

    @Override
    public void requirePulumiVersion(EngineOuterClass.RequirePulumiVersionRequest request,
                                     StreamObserver<EngineOuterClass.RequirePulumiVersionResponse> response) {
        forward(response, () -> engine.requirePulumiVersion(request));
    }

    private static <T> void forward(StreamObserver<T> response, Supplier<T> call) {
        try {
            response.onNext(call.get());
            response.onCompleted();
        } catch (RuntimeException e) {
            // The engine's own status (UNIMPLEMENTED, UNAVAILABLE, ...) reaches the SDK as the engine sent it.
            response.onError(e);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        channel.shutdownNow();
    }
}
