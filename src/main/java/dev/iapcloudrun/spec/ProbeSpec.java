package dev.iapcloudrun.spec;

import java.util.Optional;

/**
 * A startup or liveness probe of a service's container, validated.
 *
 * @param check   {@code httpGet}, {@code tcpSocket} or {@code grpc}
 * @param path    the path an HTTP check requests; empty means Cloud Run's default
 * @param port    the port checked; empty means the container port
 * @param service the service name of a gRPC check; empty means the server's overall health
 */
public record ProbeSpec(
        String check,
        Optional<String> path,
        Optional<Integer> port,
        Optional<String> service,
        Optional<Integer> initialDelaySeconds,
        Optional<Integer> periodSeconds,
        Optional<Integer> timeoutSeconds,
        Optional<Integer> failureThreshold) {}
