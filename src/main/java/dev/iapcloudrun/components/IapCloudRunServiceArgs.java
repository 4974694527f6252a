package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link IapCloudRunService}. The Cloud Run service is named after the component's resource name,
 * which must be a Cloud Run service name. Every input is checked as a stack file's field is: a refused value fails
 * the program before anything is registered, or, when known only at deploy time, the resource that takes it.
 */
public final class IapCloudRunServiceArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The project id. Required.
     */
    @Import(name="project", required=true)
    private Output<String> project;

    public Output<String> project() {
        return this.project;
    }

    /**
     * The region the service runs in, such as {@code europe-west1}. Required.
     */
    @Import(name="region", required=true)
    private Output<String> region;

    public Output<String> region() {
        return this.region;
    }

    /**
     * The project number. Optional: when given, a secret named {@code projects/NUMBER/secrets/ID} is
     * taken for a secret of this project.
     */
    @Import(name="projectNumber")
    private @Nullable Output<String> projectNumber;

    public Optional<Output<String>> projectNumber() {
        return Optional.ofNullable(this.projectNumber);
    }

    /**
     * The container image, best pinned by digest ({@code IMAGE@sha256:DIGEST}). Required.
     */
    @Import(name="image", required=true)
    private Output<String> image;

    public Output<String> image() {
        return this.image;
    }

    /**
     * Where requests may come from: {@code all}, {@code internal} or
     * {@code internal-and-cloud-load-balancing}. Default {@code all}; IAP checks every path that remains.
     */
    @Import(name="ingress")
    private @Nullable Output<String> ingress;

    public Optional<Output<String>> ingress() {
        return Optional.ofNullable(this.ingress);
    }

    /**
     * The email of an existing runtime identity. Default: a dedicated service account
     * {@code run-<name>} is created, holding no project role. The project's default service accounts are refused
     * unless {@code allowDefaultServiceAccount} is true.
     */
    @Import(name="serviceAccount")
    private @Nullable Output<String> serviceAccount;

    public Optional<Output<String>> serviceAccount() {
        return Optional.ofNullable(this.serviceAccount);
    }

    /**
     * Allow the project's default Compute Engine or App Engine service account as
     * {@code serviceAccount}. Default false: those accounts may hold Editor on the project.
     */
    @Import(name="allowDefaultServiceAccount")
    private @Nullable Output<Boolean> allowDefaultServiceAccount;

    public Optional<Output<Boolean>> allowDefaultServiceAccount() {
        return Optional.ofNullable(this.allowDefaultServiceAccount);
    }

    /**
     * Plain environment variables. Default none.
     */
    @Import(name="env")
    private @Nullable Output<List<EnvVarArgs>> env;

    public Optional<Output<List<EnvVarArgs>>> env() {
        return Optional.ofNullable(this.env);
    }

    /**
     * Environment variables read from Secret Manager. Default none. A dedicated runtime identity gets
     * {@code roles/secretmanager.secretAccessor} on exactly these secrets. Known when the program runs: each grant is a
     * resource named after its secret.
     */
    @Import(name="secrets")
    private @Nullable Output<List<SecretEnvVarArgs>> secrets;

    public Optional<Output<List<SecretEnvVarArgs>>> secrets() {
        return Optional.ofNullable(this.secrets);
    }

    /**
     * Minimum instances, 0 to 1000. Default: Cloud Run's (0).
     */
    @Import(name="minInstances")
    private @Nullable Output<Integer> minInstances;

    public Optional<Output<Integer>> minInstances() {
        return Optional.ofNullable(this.minInstances);
    }

    /**
     * Maximum instances, 1 to 1000. Default: Cloud Run's.
     */
    @Import(name="maxInstances")
    private @Nullable Output<Integer> maxInstances;

    public Optional<Output<Integer>> maxInstances() {
        return Optional.ofNullable(this.maxInstances);
    }

    /**
     * CPU limit: 1, 2, 4, 6, 8 or millicpu such as {@code 500m}. Default: Cloud Run's (1).
     */
    @Import(name="cpu")
    private @Nullable Output<String> cpu;

    public Optional<Output<String>> cpu() {
        return Optional.ofNullable(this.cpu);
    }

    /**
     * Memory limit, 128Mi to 32Gi, such as {@code 512Mi}. Default: Cloud Run's (512Mi).
     */
    @Import(name="memory")
    private @Nullable Output<String> memory;

    public Optional<Output<String>> memory() {
        return Optional.ofNullable(this.memory);
    }

    /**
     * Requests one instance serves at once, 1 to 1000. Default: Cloud Run's (80, or 1 for {@code cpu} below 1).
     * With {@code cpu} below 1, Cloud Run allows only 1.
     */
    @Import(name="concurrency")
    private @Nullable Output<Integer> concurrency;

    public Optional<Output<Integer>> concurrency() {
        return Optional.ofNullable(this.concurrency);
    }

    /**
     * Whether CPU is allocated only while requests are served ({@code true}) or always ({@code false}).
     * Default: Cloud Run's for a container with resources set, which is always allocated. With {@code cpu} below 1,
     * Cloud Run allows only {@code true}.
     */
    @Import(name="cpuIdle")
    private @Nullable Output<Boolean> cpuIdle;

    public Optional<Output<Boolean>> cpuIdle() {
        return Optional.ofNullable(this.cpuIdle);
    }

    /**
     * Whether a starting instance gets extra CPU, to shorten cold starts. Default: Cloud Run's (no boost).
     */
    @Import(name="startupCpuBoost")
    private @Nullable Output<Boolean> startupCpuBoost;

    public Optional<Output<Boolean>> startupCpuBoost() {
        return Optional.ofNullable(this.startupCpuBoost);
    }

    /**
     * The sandbox revisions run in: {@code gen1} or {@code gen2}. Default: Cloud Run's choice. With
     * {@code cpu} below 1, Cloud Run allows only {@code gen1}.
     */
    @Import(name="executionEnvironment")
    private @Nullable Output<String> executionEnvironment;

    public Optional<Output<String>> executionEnvironment() {
        return Optional.ofNullable(this.executionEnvironment);
    }

    /**
     * Whether requests of one client go to the same instance where possible. Default: Cloud Run's (off).
     */
    @Import(name="sessionAffinity")
    private @Nullable Output<Boolean> sessionAffinity;

    public Optional<Output<Boolean>> sessionAffinity() {
        return Optional.ofNullable(this.sessionAffinity);
    }

    /**
     * The container's entrypoint, one word per item, none empty. Default: the image's own ({@code ENTRYPOINT}).
     */
    @Import(name="command")
    private @Nullable Output<List<String>> command;

    public Optional<Output<List<String>>> command() {
        return Optional.ofNullable(this.command);
    }

    /**
     * The arguments to the entrypoint, one per item, none empty. Default: the image's own ({@code CMD}).
     */
    @Import(name="args")
    private @Nullable Output<List<String>> args;

    public Optional<Output<List<String>>> args() {
        return Optional.ofNullable(this.args);
    }

    /**
     * When the container has started: an HTTP, TCP or gRPC check. Default: Cloud Run's (a TCP check of the container port).
     * Must be known when the program runs, since its check is chosen by which of its fields are written.
     */
    @Import(name="startupProbe")
    private @Nullable Output<ProbeArgs> startupProbe;

    public Optional<Output<ProbeArgs>> startupProbe() {
        return Optional.ofNullable(this.startupProbe);
    }

    /**
     * When to restart the container: an HTTP or gRPC check (Cloud Run takes no TCP liveness probe). Default: none.
     * Must be known when the program runs, since its check is chosen by which of its fields are written.
     */
    @Import(name="livenessProbe")
    private @Nullable Output<ProbeArgs> livenessProbe;

    public Optional<Output<ProbeArgs>> livenessProbe() {
        return Optional.ofNullable(this.livenessProbe);
    }

    /**
     * How the service reaches a VPC network: a connector, or Direct VPC egress. Default: none, outbound traffic goes
     * straight to the internet and private addresses are unreachable. Must be known when the program runs, since its
     * kind is chosen by which of its fields are written.
     */
    @Import(name="network")
    private @Nullable Output<NetworkArgs> network;

    public Optional<Output<NetworkArgs>> network() {
        return Optional.ofNullable(this.network);
    }

    /**
     * The Binary Authorization policy the service's images must satisfy when a revision is deployed. Default: none,
     * any image the runtime identity can pull is deployed (a stack's {@code policy.requireBinaryAuthorization} refuses
     * that). Must be known when the program runs, since it decides between the default and a named policy.
     */
    @Import(name="binaryAuthorization")
    private @Nullable Output<BinaryAuthorizationArgs> binaryAuthorization;

    public Optional<Output<BinaryAuthorizationArgs>> binaryAuthorization() {
        return Optional.ofNullable(this.binaryAuthorization);
    }

    /**
     * Secrets mounted as files and Cloud SQL instances. Default none. Must be known when the program runs: each grant
     * they need is a resource named after its secret or project.
     */
    @Import(name="volumes")
    private @Nullable Output<VolumesArgs> volumes;

    public Optional<Output<VolumesArgs>> volumes() {
        return Optional.ofNullable(this.volumes);
    }

    /**
     * Request timeout, 1s to 3600s, such as {@code 300s}. Default: Cloud Run's (300s).
     */
    @Import(name="timeout")
    private @Nullable Output<String> timeout;

    public Optional<Output<String>> timeout() {
        return Optional.ofNullable(this.timeout);
    }

    /**
     * The container port, 1 to 65535. Default: Cloud Run's (8080).
     */
    @Import(name="port")
    private @Nullable Output<Integer> port;

    public Optional<Output<Integer>> port() {
        return Optional.ofNullable(this.port);
    }

    /**
     * Whether Cloud Run refuses to delete the service. Default true.
     */
    @Import(name="deletionProtection")
    private @Nullable Output<Boolean> deletionProtection;

    public Optional<Output<Boolean>> deletionProtection() {
        return Optional.ofNullable(this.deletionProtection);
    }

    /**
     * Extra audiences ID tokens for the service may carry. Default none.
     */
    @Import(name="customAudiences")
    private @Nullable Output<List<String>> customAudiences;

    public Optional<Output<List<String>>> customAudiences() {
        return Optional.ofNullable(this.customAudiences);
    }

    /**
     * Principals granted {@code roles/run.invoker} directly, each its own additive grant. Default none.
     * With IAP on, an invoker does not get past IAP: list service-to-service callers among the accessors instead.
     * Known when the program runs: each grant is a resource named after its principal.
     */
    @Import(name="invokers")
    private @Nullable Output<List<String>> invokers;

    public Optional<Output<List<String>>> invokers() {
        return Optional.ofNullable(this.invokers);
    }

    /**
     * Project roles for the dedicated runtime identity, each an additive grant on the service's project
     * ({@code <name>-role-<role without roles/>}). Default none: the identity holds no project role. Predefined
     * ({@code roles/SERVICE.ROLE}) or custom ({@code projects/P/roles/ID}, {@code organizations/O/roles/ID}) roles; the
     * basic roles, service agent roles, roles that administer IAM, IAP or Cloud Run ({@code roles/run.developer} included), and roles that act as other
     * accounts (directly or through Cloud Build or Deployment Manager) are refused, and so are the project-wide forms of
     * the access this component grants per service and per secret ({@code roles/run.invoker},
     * {@code roles/run.servicesInvoker}, {@code roles/iap.httpsResourceAccessor}, {@code roles/secretmanager.secretAccessor}:
     * list the identity in the invokers or accessors of the services it calls, and its secrets in {@code secrets} or
     * {@code volumes}); other admin roles (a last part ending in {@code admin} or {@code Admin}) unless
     * {@code allowAdminRoles}, and any role with {@code serviceAccount} set (the stack does not own that account). Known
     * when the program runs: each grant is a resource named after its role.
     */
    @Import(name="runtimeRoles")
    private @Nullable Output<List<String>> runtimeRoles;

    public Optional<Output<List<String>>> runtimeRoles() {
        return Optional.ofNullable(this.runtimeRoles);
    }

    /**
     * Allow admin roles ({@code roles/storage.admin}, {@code roles/compute.securityAdmin}) among {@code runtimeRoles},
     * but never those of IAM, IAP or Cloud Run. Default false: an admin role usually lets its holder
     * change the IAM policy of its resources. The component warns of every role this allows ([admin-runtime-role]).
     */
    @Import(name="allowAdminRoles")
    private @Nullable Output<Boolean> allowAdminRoles;

    public Optional<Output<Boolean>> allowAdminRoles() {
        return Optional.ofNullable(this.allowAdminRoles);
    }

    /**
     * Whether IAP sits in front of the service. Default true.
     */
    @Import(name="iap")
    private @Nullable Output<Boolean> iap;

    public Optional<Output<Boolean>> iap() {
        return Optional.ofNullable(this.iap);
    }

    /**
     * Switch the IAM invoker check off. Default false; refused together with IAP.
     */
    @Import(name="publicAccess")
    private @Nullable Output<Boolean> publicAccess;

    public Optional<Output<Boolean>> publicAccess() {
        return Optional.ofNullable(this.publicAccess);
    }

    /**
     * Labels put on the service. Default none.
     */
    @Import(name="labels")
    private @Nullable Output<List<LabelArgs>> labels;

    public Optional<Output<List<LabelArgs>>> labels() {
        return Optional.ofNullable(this.labels);
    }

    /**
     * The project's IAP service agent as an IAM member: {@link IapProjectSetup#iapAgentMember()}.
     * Required when {@code iap} is true: IAP calls Cloud Run as this identity, which needs {@code roles/run.invoker}.
     */
    @Import(name="iapAgentMember")
    private @Nullable Output<String> iapAgentMember;

    public Optional<Output<String>> iapAgentMember() {
        return Optional.ofNullable(this.iapAgentMember);
    }

    /**
     * Adopt what already runs instead of creating it: the service, its invoker grants and, when the component makes
     * it, its runtime account are registered with the provider's import ID ({@code dev.iapcloudrun.adopt.ImportIds}).
     * Known when the program runs; then project, region and (with IAP) projectNumber must be too, as each ID names them.
     * Default false. Once adopted, turning it off changes nothing.
     */
    @Import(name="adopt")
    private @Nullable Output<Boolean> adopt;

    public Optional<Output<Boolean>> adopt() {
        return Optional.ofNullable(this.adopt);
    }

    private IapCloudRunServiceArgs() {}

    private IapCloudRunServiceArgs(IapCloudRunServiceArgs $) {
        this.project = $.project;
        this.region = $.region;
        this.projectNumber = $.projectNumber;
        this.image = $.image;
        this.ingress = $.ingress;
        this.serviceAccount = $.serviceAccount;
        this.allowDefaultServiceAccount = $.allowDefaultServiceAccount;
        this.env = $.env;
        this.secrets = $.secrets;
        this.minInstances = $.minInstances;
        this.maxInstances = $.maxInstances;
        this.cpu = $.cpu;
        this.memory = $.memory;
        this.concurrency = $.concurrency;
        this.cpuIdle = $.cpuIdle;
        this.startupCpuBoost = $.startupCpuBoost;
        this.executionEnvironment = $.executionEnvironment;
        this.sessionAffinity = $.sessionAffinity;
        this.command = $.command;
        this.args = $.args;
        this.startupProbe = $.startupProbe;
        this.livenessProbe = $.livenessProbe;
        this.network = $.network;
        this.binaryAuthorization = $.binaryAuthorization;
        this.volumes = $.volumes;
        this.timeout = $.timeout;
        this.port = $.port;
        this.deletionProtection = $.deletionProtection;
        this.customAudiences = $.customAudiences;
        this.invokers = $.invokers;
        this.runtimeRoles = $.runtimeRoles;
        this.allowAdminRoles = $.allowAdminRoles;
        this.iap = $.iap;
        this.publicAccess = $.publicAccess;
        this.labels = $.labels;
        this.iapAgentMember = $.iapAgentMember;
        this.adopt = $.adopt;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(IapCloudRunServiceArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private IapCloudRunServiceArgs $;

        public Builder() {
            $ = new IapCloudRunServiceArgs();
        }

        public Builder(IapCloudRunServiceArgs defaults) {
            $ = new IapCloudRunServiceArgs(Objects.requireNonNull(defaults));
        }

        public Builder project(Output<String> project) {
            $.project = project;
            return this;
        }

        public Builder project(String project) {
            return project(Output.of(project));
        }

        public Builder region(Output<String> region) {
            $.region = region;
            return this;
        }

        public Builder region(String region) {
            return region(Output.of(region));
        }

        public Builder projectNumber(@Nullable Output<String> projectNumber) {
            $.projectNumber = projectNumber;
            return this;
        }

        public Builder projectNumber(String projectNumber) {
            return projectNumber(Output.of(projectNumber));
        }

        public Builder image(Output<String> image) {
            $.image = image;
            return this;
        }

        public Builder image(String image) {
            return image(Output.of(image));
        }

        public Builder ingress(@Nullable Output<String> ingress) {
            $.ingress = ingress;
            return this;
        }

        public Builder ingress(String ingress) {
            return ingress(Output.of(ingress));
        }

        public Builder serviceAccount(@Nullable Output<String> serviceAccount) {
            $.serviceAccount = serviceAccount;
            return this;
        }

        public Builder serviceAccount(String serviceAccount) {
            return serviceAccount(Output.of(serviceAccount));
        }

        public Builder allowDefaultServiceAccount(@Nullable Output<Boolean> allowDefaultServiceAccount) {
            $.allowDefaultServiceAccount = allowDefaultServiceAccount;
            return this;
        }

        public Builder allowDefaultServiceAccount(Boolean allowDefaultServiceAccount) {
            return allowDefaultServiceAccount(Output.of(allowDefaultServiceAccount));
        }

        public Builder env(@Nullable Output<List<EnvVarArgs>> env) {
            $.env = env;
            return this;
        }

        public Builder env(List<EnvVarArgs> env) {
            return env(Output.of(env));
        }

        public Builder env(EnvVarArgs... env) {
            return env(List.of(env));
        }

        public Builder secrets(@Nullable Output<List<SecretEnvVarArgs>> secrets) {
            $.secrets = secrets;
            return this;
        }

        public Builder secrets(List<SecretEnvVarArgs> secrets) {
            return secrets(Output.of(secrets));
        }

        public Builder secrets(SecretEnvVarArgs... secrets) {
            return secrets(List.of(secrets));
        }

        public Builder minInstances(@Nullable Output<Integer> minInstances) {
            $.minInstances = minInstances;
            return this;
        }

        public Builder minInstances(Integer minInstances) {
            return minInstances(Output.of(minInstances));
        }

        public Builder maxInstances(@Nullable Output<Integer> maxInstances) {
            $.maxInstances = maxInstances;
            return this;
        }

        public Builder maxInstances(Integer maxInstances) {
            return maxInstances(Output.of(maxInstances));
        }

        public Builder cpu(@Nullable Output<String> cpu) {
            $.cpu = cpu;
            return this;
        }

        public Builder cpu(String cpu) {
            return cpu(Output.of(cpu));
        }

        public Builder memory(@Nullable Output<String> memory) {
            $.memory = memory;
            return this;
        }

        public Builder memory(String memory) {
            return memory(Output.of(memory));
        }

        public Builder concurrency(@Nullable Output<Integer> concurrency) {
            $.concurrency = concurrency;
            return this;
        }

        public Builder concurrency(Integer concurrency) {
            return concurrency(Output.of(concurrency));
        }

        public Builder cpuIdle(@Nullable Output<Boolean> cpuIdle) {
            $.cpuIdle = cpuIdle;
            return this;
        }

        public Builder cpuIdle(Boolean cpuIdle) {
            return cpuIdle(Output.of(cpuIdle));
        }

        public Builder startupCpuBoost(@Nullable Output<Boolean> startupCpuBoost) {
            $.startupCpuBoost = startupCpuBoost;
            return this;
        }

        public Builder startupCpuBoost(Boolean startupCpuBoost) {
            return startupCpuBoost(Output.of(startupCpuBoost));
        }

        public Builder executionEnvironment(@Nullable Output<String> executionEnvironment) {
            $.executionEnvironment = executionEnvironment;
            return this;
        }

        public Builder executionEnvironment(String executionEnvironment) {
            return executionEnvironment(Output.of(executionEnvironment));
        }

        public Builder sessionAffinity(@Nullable Output<Boolean> sessionAffinity) {
            $.sessionAffinity = sessionAffinity;
            return this;
        }

        public Builder sessionAffinity(Boolean sessionAffinity) {
            return sessionAffinity(Output.of(sessionAffinity));
        }

        public Builder command(@Nullable Output<List<String>> command) {
            $.command = command;
            return this;
        }

        public Builder command(List<String> command) {
            return command(Output.of(command));
        }

        public Builder command(String... command) {
            return command(List.of(command));
        }

        public Builder args(@Nullable Output<List<String>> args) {
            $.args = args;
            return this;
        }

        public Builder args(List<String> args) {
            return args(Output.of(args));
        }

        public Builder args(String... args) {
            return args(List.of(args));
        }

        public Builder startupProbe(@Nullable Output<ProbeArgs> startupProbe) {
            $.startupProbe = startupProbe;
            return this;
        }

        public Builder startupProbe(ProbeArgs startupProbe) {
            return startupProbe(Output.of(startupProbe));
        }

        public Builder livenessProbe(@Nullable Output<ProbeArgs> livenessProbe) {
            $.livenessProbe = livenessProbe;
            return this;
        }

        public Builder livenessProbe(ProbeArgs livenessProbe) {
            return livenessProbe(Output.of(livenessProbe));
        }

        public Builder network(@Nullable Output<NetworkArgs> network) {
            $.network = network;
            return this;
        }

        public Builder network(NetworkArgs network) {
            return network(Output.of(network));
        }

        public Builder binaryAuthorization(@Nullable Output<BinaryAuthorizationArgs> binaryAuthorization) {
            $.binaryAuthorization = binaryAuthorization;
            return this;
        }

        public Builder binaryAuthorization(BinaryAuthorizationArgs binaryAuthorization) {
            return binaryAuthorization(Output.of(binaryAuthorization));
        }

        public Builder volumes(@Nullable Output<VolumesArgs> volumes) {
            $.volumes = volumes;
            return this;
        }

        public Builder volumes(VolumesArgs volumes) {
            return volumes(Output.of(volumes));
        }

        public Builder timeout(@Nullable Output<String> timeout) {
            $.timeout = timeout;
            return this;
        }

        public Builder timeout(String timeout) {
            return timeout(Output.of(timeout));
        }

        public Builder port(@Nullable Output<Integer> port) {
            $.port = port;
            return this;
        }

        public Builder port(Integer port) {
            return port(Output.of(port));
        }

        public Builder deletionProtection(@Nullable Output<Boolean> deletionProtection) {
            $.deletionProtection = deletionProtection;
            return this;
        }

        public Builder deletionProtection(Boolean deletionProtection) {
            return deletionProtection(Output.of(deletionProtection));
        }

        public Builder customAudiences(@Nullable Output<List<String>> customAudiences) {
            $.customAudiences = customAudiences;
            return this;
        }

        public Builder customAudiences(List<String> customAudiences) {
            return customAudiences(Output.of(customAudiences));
        }

        public Builder customAudiences(String... customAudiences) {
            return customAudiences(List.of(customAudiences));
        }

        public Builder invokers(@Nullable Output<List<String>> invokers) {
            $.invokers = invokers;
            return this;
        }

        public Builder invokers(List<String> invokers) {
            return invokers(Output.of(invokers));
        }

        public Builder invokers(String... invokers) {
            return invokers(List.of(invokers));
        }

        public Builder runtimeRoles(@Nullable Output<List<String>> runtimeRoles) {
            $.runtimeRoles = runtimeRoles;
            return this;
        }

        public Builder runtimeRoles(List<String> runtimeRoles) {
            return runtimeRoles(Output.of(runtimeRoles));
        }

        public Builder runtimeRoles(String... runtimeRoles) {
            return runtimeRoles(List.of(runtimeRoles));
        }

        public Builder allowAdminRoles(@Nullable Output<Boolean> allowAdminRoles) {
            $.allowAdminRoles = allowAdminRoles;
            return this;
        }

        public Builder allowAdminRoles(Boolean allowAdminRoles) {
            return allowAdminRoles(Output.of(allowAdminRoles));
        }

        public Builder iap(@Nullable Output<Boolean> iap) {
            $.iap = iap;
            return this;
        }

        public Builder iap(Boolean iap) {
            return iap(Output.of(iap));
        }

        public Builder publicAccess(@Nullable Output<Boolean> publicAccess) {
            $.publicAccess = publicAccess;
            return this;
        }

        public Builder publicAccess(Boolean publicAccess) {
            return publicAccess(Output.of(publicAccess));
        }

        public Builder labels(@Nullable Output<List<LabelArgs>> labels) {
            $.labels = labels;
            return this;
        }

        public Builder labels(List<LabelArgs> labels) {
            return labels(Output.of(labels));
        }

        public Builder labels(LabelArgs... labels) {
            return labels(List.of(labels));
        }

        public Builder iapAgentMember(@Nullable Output<String> iapAgentMember) {
            $.iapAgentMember = iapAgentMember;
            return this;
        }

        public Builder iapAgentMember(String iapAgentMember) {
            return iapAgentMember(Output.of(iapAgentMember));
        }

        public Builder adopt(@Nullable Output<Boolean> adopt) {
            $.adopt = adopt;
            return this;
        }

        public Builder adopt(Boolean adopt) {
            return adopt(Output.of(adopt));
        }

        public IapCloudRunServiceArgs build() {
            return $;
        }
    }
}
