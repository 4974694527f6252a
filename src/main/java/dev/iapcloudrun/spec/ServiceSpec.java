package dev.iapcloudrun.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Cloud Run service of a stack, validated.
 *
 * @param serviceAccount an existing runtime identity's email; empty means a dedicated one is created
 * @param iap            whether IAP sits in front of the service (default true)
 * @param publicAccess   the IAM invoker check switched off; only ever allowed with {@code iap} false
 * @param accessors      who may reach the service through IAP; empty when IAP is off
 * @param concurrency    requests one instance serves at once; empty means Cloud Run's default
 * @param cpuIdle        CPU only during requests (true) or always allocated (false); empty means Cloud Run's default
 * @param executionEnvironment {@code gen1} or {@code gen2}; empty means Cloud Run's choice
 * @param command        the container's entrypoint; empty means the image's own
 * @param args           the arguments to the entrypoint; empty means the image's own
 * @param network        how the service reaches a VPC network; empty means it does not
 * @param binaryAuthorization the policy its images are checked against; empty means none
 * @param volumes        secrets mounted as files and Cloud SQL instances; {@link Volumes#NONE} when none
 * @param runtimeRoles   project roles of the dedicated runtime identity, as written; empty means none
 */
public record ServiceSpec(
        String name,
        String image,
        Ingress ingress,
        Optional<String> serviceAccount,
        Map<String, String> env,
        Map<String, SecretRef> secretEnv,
        Optional<Integer> minInstances,
        Optional<Integer> maxInstances,
        Optional<String> cpu,
        Optional<String> memory,
        Optional<Boolean> cpuIdle,
        Optional<Boolean> startupCpuBoost,
        Optional<Integer> concurrency,
        Optional<String> executionEnvironment,
        Optional<Boolean> sessionAffinity,
        List<String> command,
        List<String> args,
        Optional<ProbeSpec> startupProbe,
        Optional<ProbeSpec> livenessProbe,
        Optional<NetworkSpec> network, Optional<BinaryAuthorizationSpec> binaryAuthorization,
        Volumes volumes,
        Optional<String> timeout,
        Optional<Integer> port,
        boolean deletionProtection,
        List<String> customAudiences,
        List<Principal> invokers,
        List<String> runtimeRoles,
        boolean iap,
        boolean publicAccess,
        Optional<AccessorsSpec> accessors,
        boolean adopt) {

    public ServiceSpec {
        env = Map.copyOf(env);
        secretEnv = Map.copyOf(secretEnv);
        command = List.copyOf(command);
        args = List.copyOf(args);
        customAudiences = List.copyOf(customAudiences);
        invokers = List.copyOf(invokers);
        runtimeRoles = List.copyOf(runtimeRoles);
    }

    /** A Secret Manager secret version read into an environment variable. */
    public record SecretRef(String secret, String version) {}

    /**
     * What the container mounts.
     *
     * @param secrets           secret versions mounted as files, by the file's path, in the order written
     * @param cloudSqlInstances Cloud SQL instance connection names, mounted under /cloudsql
     */
    public record Volumes(Map<String, SecretRef> secrets, List<String> cloudSqlInstances) {
        public static final Volumes NONE = new Volumes(Map.of(), List.of());

        public Volumes {
            secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
            cloudSqlInstances = List.copyOf(cloudSqlInstances);
        }
    }

    /** Where requests may come from; IAP checks every path that remains. */
    public enum Ingress {
        ALL("all", "INGRESS_TRAFFIC_ALL"),
        INTERNAL("internal", "INGRESS_TRAFFIC_INTERNAL_ONLY"),
        INTERNAL_AND_CLOUD_LOAD_BALANCING("internal-and-cloud-load-balancing", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER");

        public final String yaml;
        public final String wire;

        Ingress(String yaml, String wire) {
            this.yaml = yaml;
            this.wire = wire;
        }
    }
}
