package dev.iapcloudrun.components;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.iapcloudrun.adopt.ImportIds;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.provider.gcp.cloudrunv2.Service;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceIamMember;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceBinaryAuthorizationArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvValueSourceArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerLivenessProbeArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerLivenessProbeGrpcArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerLivenessProbeHttpGetArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerPortsArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerResourcesArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerStartupProbeArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerStartupProbeGrpcArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerStartupProbeHttpGetArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerStartupProbeTcpSocketArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerVolumeMountArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateScalingArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateVpcAccessArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateVpcAccessNetworkInterfaceArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateVolumeArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateVolumeCloudSqlInstanceArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateVolumeSecretArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateVolumeSecretItemArgs;
import dev.iapcloudrun.provider.gcp.projects.IAMMember;
import dev.iapcloudrun.provider.gcp.secretmanager.SecretIamMember;
import dev.iapcloudrun.provider.gcp.serviceaccount.Account;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.StackRules;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.rules.WarningTexts;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One Cloud Run service behind IAP, with what it needs to work and nothing more:
 * <ul>
 *   <li>{@code <name>}: the {@code gcp:cloudrunv2/service:Service}, IAP on, the IAM invoker check on;</li>
 *   <li>{@code <name>-runtime}: its dedicated runtime service account, holding only the grants below, unless the
 *       stack names an existing one;</li>
 *   <li>{@code <name>-invoker-iap-agent}: {@code roles/run.invoker} for the project's IAP service agent, without
 *       which signed-in users get "IAP for Cloud Run app is not set up correctly";</li>
 *   <li>{@code <name>-invoker-<principal>}: {@code roles/run.invoker} for each declared service-to-service caller,
 *       named after the principal as IAM compares it;</li>
 *   <li>{@code <name>-secret-<secret>}: {@code roles/secretmanager.secretAccessor} on each secret the service reads,
 *       as a variable or a file, for the dedicated identity only; the service waits for them;</li>
 *   <li>{@code <name>-role-cloudsql.client}: {@code roles/cloudsql.client} on the service's project when it connects to
 *       one of its Cloud SQL instances ({@code -<project>} appended for another project's), for the dedicated identity
 *       only; the service waits for them;</li>
 *   <li>{@code <name>-role-<role>}: each declared project role of the dedicated identity, an additive member grant
 *       (an authoritative project binding would strip the role from everyone else); the service waits for them.</li>
 * </ul>
 * Invoker grants are additive members, never a binding: an authoritative invoker list would remove grants
 * that the platform or Google itself makes on the service.
 */
public final class IapCloudRunService extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapCloudRunService";
    private static final String COMPONENT = "IapCloudRunService";

    /** The Cloud Run service's name. */
    @Export(name="serviceName", refs={String.class}, tree="[0]")
    private Output<String> serviceName;

    /** The service's own URL, {@code https://...run.app}. */
    @Export(name="uri", refs={String.class}, tree="[0]")
    private Output<String> uri;

    /** The runtime identity's email. */
    @Export(name="runtimeIdentity", refs={String.class}, tree="[0]")
    private Output<String> runtimeIdentity;

    /** The runtime identity as an IAM member, {@code serviceAccount:EMAIL}: what another service lists to let this one in. */
    @Export(name="runtimeMember", refs={String.class}, tree="[0]")
    private Output<String> runtimeMember;

    /** The checked inputs: structure (which resources exist, and their names) known now, values possibly later. */
    private record Inputs(
            Output<String> project, Output<String> region, Output<String> image, Output<String> ingress,
            Optional<Output<String>> serviceAccount, Optional<Output<List<EnvVarArgs>>> env, List<SecretEnvVarArgs> secrets,
            Optional<String> ownProject, Optional<String> ownProjectNumber,
            Optional<Output<Integer>> minInstances, Optional<Output<Integer>> maxInstances,
            Optional<Output<String>> cpu, Optional<Output<String>> memory, Optional<Output<Integer>> concurrency,
            Optional<Output<Boolean>> cpuIdle, Optional<Output<Boolean>> startupCpuBoost, Optional<Output<String>> executionEnvironment,
            Optional<Output<Boolean>> sessionAffinity, Optional<Output<List<String>>> command, Optional<Output<List<String>>> args,
            Optional<ProbeArgs> startupProbe, Optional<ProbeArgs> livenessProbe,
            Optional<NetworkArgs> network, Optional<BinaryAuthorizationArgs> binaryAuthorization, VolumesArgs volumes,
            Optional<Output<String>> timeout,
            Optional<Output<Integer>> port, Output<Boolean> deletionProtection, Optional<Output<List<String>>> customAudiences,
            List<Principal> invokers, List<String> runtimeRoles, boolean iap, Output<Boolean> publicAccess, Optional<Output<List<LabelArgs>>> labels,
            Optional<Output<String>> iapAgentMember, Optional<Adoption> adoption) {}

    /** What the import IDs of an adopted service name, each known when the program runs. */
    private record Adoption(String project, String region, Optional<String> projectNumber) {

        /** The import ID of a resource of {@code type}, from the inputs it declares besides project and region. */
        String importId(String type, String... inputs) {
            return ImportIds.of(type, Map.of("project", project, "location", region), inputs);
        }
    }

    /**
     * @param name    the component's name, which is also the Cloud Run service's name
     * @param options options of the component; the service also waits for what the component depends on
     */
    public IapCloudRunService(String name, IapCloudRunServiceArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, InputChecks.now(COMPONENT, name, checks -> inputs(checks, name, args)), options);
        var checks = InputChecks.later(COMPONENT, name, this);
        var in = inputs(checks, name, args);
        this.runtimeIdentity = in.serviceAccount().orElseGet(() -> runtimeAccount(name, in));
        this.runtimeMember = runtimeIdentity.applyValue(email -> "serviceAccount:" + email);

        // Cloud Run checks that the runtime identity may read each secret when it creates a revision, so the
        // service waits for the grants its revision needs, and for what the component itself waits for.
        var secretGrants = in.serviceAccount().isEmpty() ? secretGrants(name, in) : List.<Resource>of();
        // A new revision may call what its roles allow as soon as it starts, so the service waits for them too.
        var roleGrants = in.serviceAccount().isEmpty() ? projectRoleGrants(name, in) : List.<Resource>of();
        var dependsOn = InputChecks.map(GcpProvider.dependsOnOf(options), waitFor -> {
                    var all = new ArrayList<Resource>(waitFor);
                    all.addAll(secretGrants);
                    all.addAll(roleGrants);
                    return List.copyOf(all);
                });
        var service = new Service(name, serviceArgs(name, in, checks, runtimeIdentity), GcpProvider.childOf(this).dependsOn(dependsOn)
                .importId(in.adoption().map(a -> a.importId(GcpTypes.RUN_SERVICE, "name", name)).orElse(null)).build());
        this.serviceName = service.name();
        this.uri = service.uri();

        if (in.iap()) {
            invoker(name + "-invoker-iap-agent", List.of(), in, in.iapAgentMember().orElseThrow(), in.adoption()
                    .map(a -> a.importId(GcpTypes.RUN_SERVICE_IAM_MEMBER, "name", name, "role", Roles.RUN_INVOKER,
                            "member", IapServiceAgent.member(a.projectNumber().orElseThrow()))));
        }
        for (Principal invoker : new TreeSet<>(in.invokers())) {
            invoker(name + "-invoker-" + invoker.canonical(), writtenNameAlias(this, name + "-invoker-", invoker), in,
                    Output.of(invoker.canonical()), in.adoption().map(a -> a.importId(GcpTypes.RUN_SERVICE_IAM_MEMBER,
                            "name", name, "role", Roles.RUN_INVOKER, "member", invoker.canonical())));
        }
        registerOutputs(Map.of("serviceName", serviceName, "uri", uri, "runtimeIdentity", runtimeIdentity));
    }

    /** Each input with its rules: one description, read once to refuse what is known now, once to build. */
    private static Inputs inputs(InputChecks c, String name, IapCloudRunServiceArgs args) {
        InputRules.serviceName(name).ifPresent(problem -> c.refuse("name", problem));
        var allowDefault = c.known("allowDefaultServiceAccount", args.allowDefaultServiceAccount().orElse(null),
                "it decides whether a default service account is refused").orElse(false);
        var iap = c.known("iap", args.iap().orElse(null), "it decides whether the IAP agent's grant exists").orElse(true);
        var publicAccess = args.publicAccess().orElse(Output.of(false));
        c.together("publicAccess", Output.of(iap), publicAccess, InputRules::publicWithIap);
        var iapAgentMember = args.iapAgentMember();
        if (iap && iapAgentMember.isEmpty()) {
            c.missing("iapAgentMember", "the project's IAP service agent (IapProjectSetup's iapAgentMember): IAP calls Cloud Run "
                    + "as this identity, which needs roles/run.invoker");
        }

        var env = c.optional("env", args.env().orElse(null), IapCloudRunService::envVars);
        var secrets = c.known("secrets", args.secrets().orElse(null),
                "each secret's grant is a resource named after it").orElse(List.of());
        for (int i = 0; i < secrets.size(); i++) {
            var ref = secrets.get(i);
            var at = "secrets[" + i + "]";
            required(c, at + ".name", ref.name(), "a variable name").flatMap(InputRules::envName).ifPresent(p -> c.refuse(at + ".name", p));
            required(c, at + ".secret", ref.secret(), "a Secret Manager secret").flatMap(InputRules::secret)
                    .ifPresent(p -> c.refuse(at + ".secret", p));
            ref.version().flatMap(InputRules::secretVersion).ifPresent(p -> c.refuse(at + ".version", p));
        }
        var secretNames = secrets.stream().map(s -> s.name()).filter(Objects::nonNull).toList();
        c.together("secrets", env.orElse(Output.of(List.of())), Output.of(secretNames), IapCloudRunService::envVarsAndSecrets);

        var volumes = volumes(c, args.volumes().orElse(null));

        // A secret written as a path is this project's when the path names it: the project must be known to tell.
        boolean paths = secrets.stream().anyMatch(s -> s.secret() != null && s.secret().startsWith("projects/"))
                || volumes.secrets().orElse(List.of()).stream().anyMatch(s -> s.secret() != null && s.secret().startsWith("projects/"));
        boolean cloudSql = !volumes.cloudSqlInstances().orElse(List.of()).isEmpty();
        var why = paths ? "a secret written as projects/P/secrets/S is this project's or another's by it, which names its grant"
                : "a Cloud SQL instance's project names its client grant unless it is the service's own";
        var ownProject = paths || cloudSql ? c.known("project", args.project(), why) : Optional.<String>empty();
        var ownProjectNumber = paths ? c.known("projectNumber", args.projectNumber().orElse(null), why) : Optional.<String>empty();

        var min = c.optional("minInstances", args.minInstances().orElse(null), InputRules::minInstances);
        var max = c.optional("maxInstances", args.maxInstances().orElse(null), InputRules::maxInstances);
        c.together("minInstances", min.orElse(null), max.orElse(null), InputRules::minAndMax);
        var cpu = c.optional("cpu", args.cpu().orElse(null), InputRules::cpu);
        var memory = c.optional("memory", args.memory().orElse(null), InputRules::memory);
        c.together("memory", cpu.orElse(null), memory.orElse(null), InputRules::cpuAndMemory);
        var concurrency = c.optional("concurrency", args.concurrency().orElse(null), InputRules::concurrency);
        c.together("concurrency", cpu.orElse(null), concurrency.orElse(null), InputRules::cpuAndConcurrency);
        var cpuIdle = args.cpuIdle();
        c.together("cpuIdle", cpu.orElse(null), cpuIdle.orElse(null), InputRules::cpuAndCpuIdle);
        var executionEnvironment = c.optional("executionEnvironment", args.executionEnvironment().orElse(null),
                e -> InputRules.oneOf(e, InputRules.EXECUTION_ENVIRONMENTS));
        c.together("executionEnvironment", cpu.orElse(null), executionEnvironment.orElse(null), InputRules::cpuAndExecutionEnvironment);

        var invokers = new ArrayList<Principal>();
        var written = c.known("invokers", args.invokers().orElse(null), "each invoker's grant is a resource named after its principal")
                .orElse(List.of());
        principals(c, "invokers", written, invokers);
        var runtimeRoles = runtimeRoles(c, name, args);
        if (iap && !invokers.isEmpty()) {
            c.warn("invokers", StackRules.Rule.INVOKER_BEHIND_IAP, () -> WarningTexts.invokerBehindIap(name));
        }
        c.warn("image", args.image(), StackRules.Rule.IMAGE_NOT_PINNED, image -> WarningTexts.imageNotPinned(name, image));
        c.warn("region", args.region(), StackRules.Rule.UNKNOWN_REGION, region -> InputRules.region(region, Set.of()).isPresent()
                ? Optional.empty() : WarningTexts.unknownRegion(region, StackRules.CLOUD_RUN_REGIONS));
        c.warn("serviceAccount", args.serviceAccount().orElse(null), StackRules.Rule.DEFAULT_SERVICE_ACCOUNT,
                account -> allowDefault && InputRules.isDefaultServiceAccount(account)
                        ? Optional.of(WarningTexts.defaultServiceAccount(name, account, "allowDefaultServiceAccount")) : Optional.empty());
        c.warn("deletionProtection", args.deletionProtection().orElse(null), StackRules.Rule.DELETION_PROTECTION_OFF,
                on -> on ? Optional.empty() : Optional.of(WarningTexts.deletionProtectionOff(name)));
        var adoption = adoption(c, args, iap);
        // The agent's grant is imported by the agent the project number names: another member would be another grant.
        adoption.flatMap(Adoption::projectNumber).ifPresent(number -> c.together("iapAgentMember", iapAgentMember.orElse(null),
                Output.of(IapServiceAgent.member(number)), (member, expected) -> member.equals(expected) ? Optional.empty()
                        : Optional.of("found " + member + ", but with adopt the IAP agent's invoker grant is imported for " + expected
                        + ", the agent of projectNumber " + number + "; expected IapProjectSetup's iapAgentMember of the same project")));
        return new Inputs(
                c.required("project", args.project(), "a project id", InputRules::projectId),
                c.required("region", args.region(), "a region such as europe-west1", r -> InputRules.region(r, Set.of())),
                c.required("image", args.image(), "a container image reference", InputRules::image),
                c.optional("ingress", args.ingress().orElse(null), i -> InputRules.oneOf(i, InputRules.INGRESS)).orElse(Output.of("all")),
                c.optional("serviceAccount", args.serviceAccount().orElse(null), sa -> InputRules.serviceAccount(sa, allowDefault)),
                env, secrets, ownProject, ownProjectNumber, min, max, cpu, memory, concurrency, cpuIdle,
                args.startupCpuBoost(), executionEnvironment, args.sessionAffinity(),
                c.optional("command", args.command().orElse(null), words -> InputRules.commandLine("command", words)),
                c.optional("args", args.args().orElse(null), words -> InputRules.commandLine("args", words)),
                probe(c, "startupProbe", args.startupProbe().orElse(null), false),
                probe(c, "livenessProbe", args.livenessProbe().orElse(null), true),
                network(c, args.network().orElse(null), args.region()), binaryAuthorization(c, name, args.binaryAuthorization().orElse(null)),
                volumes,
                c.optional("timeout", args.timeout().orElse(null), InputRules::timeout),
                c.optional("port", args.port().orElse(null), InputRules::port),
                args.deletionProtection().orElse(Output.of(true)),
                args.customAudiences(), List.copyOf(invokers), runtimeRoles, iap, publicAccess,
                c.optional("labels", args.labels().orElse(null), IapCloudRunService::labels),
                iapAgentMember, adoption);
    }

    /** With {@code adopt}, what each import ID names: known now, or refused. */
    private static Optional<Adoption> adoption(InputChecks c, IapCloudRunServiceArgs args, boolean iap) {
        var adopt = c.known("adopt", args.adopt().orElse(null), "it decides whether resources are created or adopted").orElse(false);
        if (!adopt) {
            return Optional.empty();
        }
        var why = "with adopt, each resource's import ID names it";
        var project = c.known("project", args.project(), why);
        var region = c.known("region", args.region(), why);
        var number = iap ? c.known("projectNumber", args.projectNumber().orElse(null), why) : Optional.<String>empty();
        InputRules.adoptWithIap(true, iap, args.projectNumber().isPresent()).ifPresent(p -> c.refuse("projectNumber", p));
        if (project.isEmpty() || region.isEmpty() || (iap && number.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Adoption(project.get(), region.get(), number));
    }

    /** The runtime identity's project roles, each checked, duplicates refused, none on an account the stack does not own. */
    private static List<String> runtimeRoles(InputChecks c, String name, IapCloudRunServiceArgs args) {
        var roles = c.known("runtimeRoles", args.runtimeRoles().orElse(null), "each role's grant is a resource named after it")
                .orElse(List.of());
        var allowAdmin = c.known("allowAdminRoles", args.allowAdminRoles().orElse(null),
                "it decides whether an admin role is refused").orElse(false);
        // Any account named here is one the stack does not create, whatever its address; no grant is made to it either way.
        // Run in both passes, so that a rule over an account or a project known only at deploy time waits for it.
        if (!roles.isEmpty()) {
            // Without roles there is nothing to check, and an account known only at deploy time must not hold the service back.
            c.together("runtimeRoles", args.serviceAccount().orElse(null), Output.of(roles),
                    (account, r) -> Optional.of(InputRules.runtimeRolesOnNamedAccount(account)));
        }
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < roles.size(); i++) {
            var at = "runtimeRoles[" + i + "]";
            var role = roles.get(i);
            if (role == null) {
                c.missing(at, InputRules.ROLE_FORM);
                continue;
            }
            var problem = InputRules.runtimeRole(role, allowAdmin);
            if (problem.isPresent()) {
                c.refuse(at, problem.get());
                continue;
            }
            c.together(at, args.project(), Output.of(role), (project, r) -> InputRules.runtimeRoleInProject(r, project));
            if (InputRules.isAdminRole(role)) {
                c.warn(at, StackRules.Rule.ADMIN_RUNTIME_ROLE, () -> WarningTexts.adminRuntimeRole(name, role, "allowAdminRoles"));
            } else if (InputRules.isCustomRole(role)) {
                c.warn(at, StackRules.Rule.CUSTOM_RUNTIME_ROLE, () -> WarningTexts.customRuntimeRole(name, role));
            }
            var first = seen.putIfAbsent(role, i);
            if (first != null) {
                c.refuse(at, InputRules.roleTwice(role, "at runtimeRoles[" + first + "]"));
            }
        }
        return List.copyOf(roles);
    }

    /** The first refused variable of a list, if any: each named once, by a name Cloud Run allows. */
    private static Optional<String> envVars(List<EnvVarArgs> env) {
        var seen = new HashSet<String>();
        for (int i = 0; i < env.size(); i++) {
            var name = env.get(i).name();
            if (name == null || env.get(i).value() == null) {
                return Optional.of("item " + i + " has no " + (name == null ? "name" : "value") + "; expected both a name and a value");
            }
            var problem = InputRules.envName(name).or(() -> seen.add(name) ? Optional.empty()
                    : Optional.of("the variable '" + name + "' is set twice; expected each variable once"));
            if (problem.isPresent()) {
                return Optional.of("item " + i + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> envVarsAndSecrets(List<EnvVarArgs> env, List<String> secretNames) {
        return env.stream().map(EnvVarArgs::name).filter(secretNames::contains).findFirst().map(InputRules::envTwice);
    }

    private static Optional<String> labels(List<LabelArgs> labels) {
        var problem = InputRules.labelCount(labels.size());
        for (int i = 0; i < labels.size() && problem.isEmpty(); i++) {
            var label = labels.get(i);
            var at = "item " + i + ": ";
            problem = label.key() == null || label.value() == null ? Optional.of(at + "expected both a key and a value")
                    : InputRules.labelKey(label.key()).or(() -> InputRules.labelValue(label.value())).map(p -> at + p);
        }
        return problem;
    }

    /** VPC egress, checked by the same rules as a stack file's: a connector or Direct VPC egress, never both. */
    private static Optional<NetworkArgs> network(InputChecks c, @Nullable Output<NetworkArgs> value, @Nullable Output<String> region) {
        var network = c.known("network", value, "whether it is a connector or Direct VPC egress is chosen by which of its fields are written");
        network.ifPresent(n -> {
            InputRules.networkShape(n.connector().isPresent(), n.vpc().isPresent(), n.subnetwork().isPresent(), n.tags().isPresent())
                    .ifPresent(m -> c.refuse("network", m));
            n.connector().flatMap(InputRules::connector).ifPresent(m -> c.refuse("network.connector", m));
            n.vpc().flatMap(InputRules::vpcNetwork).ifPresent(m -> c.refuse("network.vpc", m));
            n.connector().ifPresent(v -> c.together("network.connector", Output.of(v), region, (x, r) -> InputRules.networkRegion("connector", x, r)));
            n.subnetwork().ifPresent(v -> c.together("network.subnetwork", Output.of(v), region,
                    (x, r) -> InputRules.networkRegion("subnetwork", x, r)));
            n.subnetwork().flatMap(InputRules::subnetwork).ifPresent(m -> c.refuse("network.subnetwork", m));
            var tags = n.tags().orElse(List.of());
            var seen = new HashSet<String>();
            for (int i = 0; i < tags.size(); i++) {
                var tag = tags.get(i);
                var at = "network.tags[" + i + "]";
                if (tag == null) {
                    c.missing(at, "a network tag");
                    continue;
                }
                InputRules.networkTag(tag).or(() -> seen.add(tag) ? Optional.empty() : Optional.of(InputRules.networkTagTwice(tag)))
                        .ifPresent(m -> c.refuse(at, m));
            }
            n.egress().flatMap(e -> InputRules.oneOf(e, InputRules.EGRESS)).ifPresent(m -> c.refuse("network.egress", m));
        });
        return network;
    }

    /** Binary Authorization, checked by the same rules as a stack file's: the default or a named policy. */
    private static Optional<BinaryAuthorizationArgs> binaryAuthorization(InputChecks c, String name,
                                                                         @Nullable Output<BinaryAuthorizationArgs> value) {
        var binaryAuthorization = c.known("binaryAuthorization", value, "it decides between the project's default and a named policy");
        binaryAuthorization.ifPresent(b -> {
            var policy = required(c, "binaryAuthorization.policy", b.policy(), "default, or a policy's name or path");
            policy.flatMap(InputRules::binaryAuthorizationPolicy).ifPresent(m -> c.refuse("binaryAuthorization.policy", m));
            b.breakglassJustification().flatMap(j -> InputRules.breakglassJustification(policy.orElse(InputRules.DEFAULT_POLICY), j))
                    .ifPresent(m -> c.refuse("binaryAuthorization.breakglassJustification", m));
            // Every time: breakglass is for emergencies, and deploys what the policy would refuse.
            b.breakglassJustification().ifPresent(j -> c.warn("binaryAuthorization.breakglassJustification",
                    StackRules.Rule.BREAKGLASS, () -> WarningTexts.breakglass(name, j)));
        });
        return binaryAuthorization;
    }

    /** A field of a list item the component needs: refused when missing. */
    /** A probe, checked by the same rules as a stack file's: one check, and its timing inside Cloud Run's ranges. */
    private static Optional<ProbeArgs> probe(InputChecks c, String input, @Nullable Output<ProbeArgs> value, boolean liveness) {
        var probe = c.known(input, value, "a probe's check is chosen by which of its fields are written");
        if (probe.isEmpty()) {
            return probe;
        }
        var p = probe.get();
        var written = new ArrayList<String>();
        p.httpGet().ifPresent(h -> written.add("httpGet"));
        p.tcpSocket().ifPresent(t -> written.add("tcpSocket"));
        p.grpc().ifPresent(g -> written.add("grpc"));
        InputRules.probeChecks(liveness, written).ifPresent(m -> c.refuse(input, m));
        p.httpGet().ifPresent(h -> {
            h.path().flatMap(InputRules::probePath).ifPresent(m -> c.refuse(input + ".httpGet.path", m));
            h.port().flatMap(InputRules::port).ifPresent(m -> c.refuse(input + ".httpGet.port", m));
        });
        p.tcpSocket().flatMap(ProbeTcpSocketArgs::port).flatMap(InputRules::port).ifPresent(m -> c.refuse(input + ".tcpSocket.port", m));
        p.grpc().flatMap(ProbeGrpcArgs::port).flatMap(InputRules::port).ifPresent(m -> c.refuse(input + ".grpc.port", m));
        var settings = new java.util.LinkedHashMap<String, Optional<Integer>>();
        settings.put("initialDelaySeconds", p.initialDelaySeconds());
        settings.put("periodSeconds", p.periodSeconds());
        settings.put("timeoutSeconds", p.timeoutSeconds());
        settings.put("failureThreshold", p.failureThreshold());
        settings.forEach((setting, v) -> v.flatMap(n -> InputRules.probeSetting(liveness, setting, n))
                .ifPresent(m -> c.refuse(input + "." + setting, m)));
        if (p.timeoutSeconds().isPresent() && p.periodSeconds().isPresent()) {
            InputRules.probeTimeoutAndPeriod(p.timeoutSeconds().get(), p.periodSeconds().get())
                    .ifPresent(m -> c.refuse(input + ".timeoutSeconds", m));
        }
        return probe;
    }

    /**
     * Secret files and Cloud SQL instances, checked by the same rules as a stack file's: each file in a directory of its
     * own that overlaps no other mount path (nor /cloudsql), each instance a connection name, listed once.
     */
    private static VolumesArgs volumes(InputChecks c, @Nullable Output<VolumesArgs> value) {
        var volumes = c.known("volumes", value, "each secret's and Cloud SQL project's grant is a resource named after it")
                .orElse(VolumesArgs.builder().build());
        var files = volumes.secrets().orElse(List.of());
        var accepted = new TreeMap<Integer, String>();
        for (int i = 0; i < files.size(); i++) {
            var file = files.get(i);
            var at = "volumes.secrets[" + i + "]";
            if (file == null) {
                c.missing(at, "a secret file with path and secret");
                continue;
            }
            var pathProblem = required(c, at + ".path", file.path(), "the file's absolute path").flatMap(InputRules::secretFilePath);
            pathProblem.ifPresent(p -> c.refuse(at + ".path", p));
            if (file.path() != null && pathProblem.isEmpty()) {
                accepted.put(i, file.path());
            }
            required(c, at + ".secret", file.secret(), "a Secret Manager secret").flatMap(InputRules::secret)
                    .ifPresent(p -> c.refuse(at + ".secret", p));
            file.version().flatMap(InputRules::secretVersion).ifPresent(p -> c.refuse(at + ".version", p));
        }
        var instances = volumes.cloudSqlInstances().orElse(List.of());
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < instances.size(); i++) {
            var at = "volumes.cloudSqlInstances[" + i + "]";
            var instance = instances.get(i);
            var problem = required(c, at, instance, "an instance connection name PROJECT:REGION:INSTANCE")
                    .flatMap(InputRules::cloudSqlInstance);
            problem.ifPresent(p -> c.refuse(at, p));
            if (instance != null && problem.isEmpty()) {
                var first = seen.putIfAbsent(instance, i);
                if (first != null) {
                    c.refuse(at, InputRules.cloudSqlInstanceTwice(instance, "at volumes.cloudSqlInstances[" + first + "]"));
                }
            }
        }
        var earlier = new ArrayList<String>();
        accepted.forEach((i, path) -> {
            InputRules.secretFileOverlap(path, earlier, !instances.isEmpty()).ifPresent(p -> c.refuse("volumes.secrets[" + i + "].path", p));
            earlier.add(path);
        });
        return volumes;
    }

    private static ServiceTemplateContainerStartupProbeArgs startupProbe(ProbeArgs p) {
        var probe = ServiceTemplateContainerStartupProbeArgs.builder();
        p.httpGet().ifPresent(h -> {
            var check = ServiceTemplateContainerStartupProbeHttpGetArgs.builder();
            h.path().ifPresent(check::path);
            h.port().ifPresent(check::port);
            probe.httpGet(check.build());
        });
        p.tcpSocket().ifPresent(t -> {
            var check = ServiceTemplateContainerStartupProbeTcpSocketArgs.builder();
            t.port().ifPresent(check::port);
            probe.tcpSocket(check.build());
        });
        p.grpc().ifPresent(g -> {
            var check = ServiceTemplateContainerStartupProbeGrpcArgs.builder();
            g.port().ifPresent(check::port);
            g.service().ifPresent(check::service);
            probe.grpc(check.build());
        });
        p.initialDelaySeconds().ifPresent(probe::initialDelaySeconds);
        p.periodSeconds().ifPresent(probe::periodSeconds);
        p.timeoutSeconds().ifPresent(probe::timeoutSeconds);
        p.failureThreshold().ifPresent(probe::failureThreshold);
        return probe.build();
    }

    private static ServiceTemplateContainerLivenessProbeArgs livenessProbe(ProbeArgs p) {
        var probe = ServiceTemplateContainerLivenessProbeArgs.builder();
        p.httpGet().ifPresent(h -> {
            var check = ServiceTemplateContainerLivenessProbeHttpGetArgs.builder();
            h.path().ifPresent(check::path);
            h.port().ifPresent(check::port);
            probe.httpGet(check.build());
        });
        p.grpc().ifPresent(g -> {
            var check = ServiceTemplateContainerLivenessProbeGrpcArgs.builder();
            g.port().ifPresent(check::port);
            g.service().ifPresent(check::service);
            probe.grpc(check.build());
        });
        p.initialDelaySeconds().ifPresent(probe::initialDelaySeconds);
        p.periodSeconds().ifPresent(probe::periodSeconds);
        p.timeoutSeconds().ifPresent(probe::timeoutSeconds);
        p.failureThreshold().ifPresent(probe::failureThreshold);
        return probe.build();
    }

    private static Optional<String> required(InputChecks c, String input, @Nullable String value, String expected) {
        if (value == null) {
            c.missing(input, expected);
        }
        return Optional.ofNullable(value);
    }

    /** Principals of a list input, each checked, duplicates (as IAM compares them) refused. */
    static void principals(InputChecks c, String input, List<String> written, List<Principal> into) {
        if (!c.checking()) {
            // The first pass refused every malformed or repeated principal.
            written.forEach(text -> into.add(new Principal(text)));
            return;
        }
        var seen = new HashMap<String, Map.Entry<String, Integer>>();
        for (int i = 0; i < written.size(); i++) {
            var text = written.get(i);
            var at = input + "[" + i + "]";
            if (text == null) {
                c.missing(at, "a principal");
                continue;
            }
            var problem = InputRules.principal(text);
            if (problem.isPresent()) {
                c.refuse(at, problem.get());
                continue;
            }
            var principal = new Principal(text);
            var first = seen.putIfAbsent(principal.canonical(), Map.entry(text, i));
            if (first != null) {
                c.refuse(at, InputRules.principalTwice(text, first.getKey(), "at " + input + "[" + first.getValue() + "]"));
                continue;
            }
            into.add(principal);
        }
    }

    private Output<String> runtimeAccount(String name, Inputs in) {
        var accountId = accountId(name);
        var account = new Account(name + "-runtime", AccountArgs.builder()
                .project(in.project())
                .accountId(accountId)
                .displayName("Cloud Run runtime: " + name)
                .description("Runtime identity of the Cloud Run service " + name + " (managed by iap-cloudrun)")
                .build(), GcpProvider.childOf(this)
                .importId(in.adoption().map(a -> a.importId(GcpTypes.SERVICE_ACCOUNT, "accountId", accountId)).orElse(null)).build());
        // The email follows from the account id; deriving it (instead of waiting for the email output)
        // lets offline plans show the identity in full, while the URN keeps the service after the account.
        return Output.tuple(account.urn(), in.project()).applyValue(t -> accountId + "@" + t.t2 + ".iam.gserviceaccount.com");
    }

    private static ServiceArgs serviceArgs(String name, Inputs in, InputChecks checks, Output<String> runtimeIdentity) {
        var container = ServiceTemplateContainerArgs.builder().image(in.image());
        in.command().ifPresent(container::commands);
        in.args().ifPresent(container::args);
        in.startupProbe().ifPresent(p -> container.startupProbe(startupProbe(p)));
        in.livenessProbe().ifPresent(p -> container.livenessProbe(livenessProbe(p)));
        in.port().ifPresent(port -> container.ports(ServiceTemplateContainerPortsArgs.builder().containerPort(port).build()));
        boolean limits = in.cpu().isPresent() || in.memory().isPresent();
        if (limits || in.cpuIdle().isPresent() || in.startupCpuBoost().isPresent()) {
            var resources = ServiceTemplateContainerResourcesArgs.builder();
            if (limits) {
                var cpu = in.cpu().orElse(Output.ofNullable(null));
                var memory = in.memory().orElse(Output.ofNullable(null));
                resources.limits(Output.tuple(cpu, memory).applyValue(t -> {
                    var written = new TreeMap<String, String>();
                    Optional.ofNullable(t.t1).ifPresent(v -> written.put("cpu", v));
                    Optional.ofNullable(t.t2).ifPresent(v -> written.put("memory", v));
                    return (Map<String, String>) written;
                }));
            }
            in.cpuIdle().ifPresent(resources::cpuIdle);
            in.startupCpuBoost().ifPresent(resources::startupCpuBoost);
            container.resources(resources.build());
        }
        var envs = envs(in);
        if (envs.isPresent()) {
            container.envs(envs.get());
        }
        var volumes = volumes(in.volumes());
        if (!volumes.isEmpty()) {
            container.volumeMounts(volumes.entrySet().stream().map(v -> ServiceTemplateContainerVolumeMountArgs.builder()
                    .name(v.getKey()).mountPath(v.getValue().getKey()).build()).toList());
        }

        var template = ServiceTemplateArgs.builder()
                .serviceAccount(runtimeIdentity)
                .containers(container.build());
        if (in.minInstances().isPresent() || in.maxInstances().isPresent()) {
            var scaling = ServiceTemplateScalingArgs.builder();
            in.minInstances().ifPresent(scaling::minInstanceCount);
            in.maxInstances().ifPresent(scaling::maxInstanceCount);
            template.scaling(scaling.build());
        }
        in.timeout().ifPresent(template::timeout);
        in.concurrency().ifPresent(template::maxInstanceRequestConcurrency);
        in.executionEnvironment().ifPresent(e -> template.executionEnvironment(InputChecks.map(e, InputRules::executionEnvironmentWire)));
        in.sessionAffinity().ifPresent(template::sessionAffinity);
        in.network().ifPresent(n -> template.vpcAccess(vpcAccess(n, in)));
        if (!volumes.isEmpty()) {
            template.volumes(volumes.values().stream().map(Map.Entry::getValue).toList());
        }

        var service = ServiceArgs.builder()
                // Rules over two inputs that waited for deployment hold the service back until they pass.
                .name(checks.gate(Output.of(name)))
                .project(in.project())
                .location(in.region())
                .ingress(InputChecks.map(in.ingress(), IapCloudRunService::ingressWire))
                .iapEnabled(in.iap())
                // Always sent, even when false, so that a plan shows the invoker check is on.
                .invokerIamDisabled(in.publicAccess())
                .deletionProtection(in.deletionProtection())
                .template(template.build());
        in.labels().ifPresent(labels -> service.labels(InputChecks.map(labels, list -> {
            var byKey = new TreeMap<String, String>();
            list.forEach(label -> byKey.put(label.key(), label.value()));
            return (Map<String, String>) byKey;
        })));
        in.customAudiences().ifPresent(service::customAudiences);
        in.binaryAuthorization().ifPresent(b -> {
            var binaryAuthorization = ServiceBinaryAuthorizationArgs.builder();
            if (b.policy().equals(InputRules.DEFAULT_POLICY)) {
                binaryAuthorization.useDefault(true);
            } else {
                binaryAuthorization.policy(InputChecks.map(in.project(), project -> InputRules.binaryAuthorizationPolicyPath(b.policy(), project)));
            }
            b.breakglassJustification().ifPresent(binaryAuthorization::breakglassJustification);
            service.binaryAuthorization(binaryAuthorization.build());
        });
        return service.build();
    }

    /** A connector by its full path, or one Direct VPC interface; the egress always, so that a plan shows it. */
    private static ServiceTemplateVpcAccessArgs vpcAccess(NetworkArgs n, Inputs in) {
        var vpcAccess = ServiceTemplateVpcAccessArgs.builder()
                .egress(InputRules.egressWire(n.egress().orElse(InputRules.DEFAULT_EGRESS)));
        n.connector().ifPresent(connector -> vpcAccess.connector(InputChecks.map(Output.tuple(in.project(), in.region()),
                t -> InputRules.connectorPath(connector, t.t1, t.t2))));
        if (n.connector().isEmpty()) {
            var networkInterface = ServiceTemplateVpcAccessNetworkInterfaceArgs.builder();
            n.vpc().ifPresent(networkInterface::network);
            n.subnetwork().ifPresent(networkInterface::subnetwork);
            n.tags().filter(tags -> !tags.isEmpty()).ifPresent(networkInterface::tags);
            vpcAccess.networkInterfaces(networkInterface.build());
        }
        return vpcAccess.build();
    }

    /**
     * The volumes of the revision by name, each with its mount path: {@code cloudsql} at /cloudsql, and one secret volume
     * per file, named after its directory (the mount path), so that the order files are written in never shows.
     */
    private static Map<String, Map.Entry<String, ServiceTemplateVolumeArgs>> volumes(VolumesArgs volumes) {
        var byName = new TreeMap<String, Map.Entry<String, ServiceTemplateVolumeArgs>>();
        var instances = volumes.cloudSqlInstances().orElse(List.of());
        if (!instances.isEmpty()) {
            byName.put("cloudsql", Map.entry(InputRules.CLOUD_SQL_MOUNT_PATH, ServiceTemplateVolumeArgs.builder().name("cloudsql")
                    .cloudSqlInstance(ServiceTemplateVolumeCloudSqlInstanceArgs.builder().instances(instances.stream().sorted().toList()).build())
                    .build()));
        }
        for (var file : volumes.secrets().orElse(List.of())) {
            var dir = InputRules.secretMountPath(file.path());
            var name = secretVolumeName(dir);
            byName.put(name, Map.entry(dir, ServiceTemplateVolumeArgs.builder().name(name)
                    .secret(ServiceTemplateVolumeSecretArgs.builder()
                            .secret(file.secret())
                            .items(ServiceTemplateVolumeSecretItemArgs.builder()
                                    .path(file.path().substring(dir.length() + 1))
                                    .version(file.version().orElse("latest"))
                                    .build())
                            .build())
                    .build()));
        }
        return byName;
    }

    /**
     * A secret volume's name, from its mount path: {@code secret-etc-orders-tls} for /etc/orders/tls; a path with other
     * characters than lower-case letters and digits, or a long one, gets a hash of it, so that two paths never share a name.
     */
    static String secretVolumeName(String mountPath) {
        var plain = "secret" + mountPath.replace('/', '-');
        if (mountPath.matches("(/[a-z0-9]+)+") && plain.length() <= 63) {
            return plain;
        }
        var slug = plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slug = slug.substring(0, Math.min(slug.length(), 54)).replaceAll("-+$", "");
        return slug + "-" + Sha256.hex(mountPath).substring(0, 8);
    }

    /** Cloud Run's name for an ingress setting as written. */
    private static String ingressWire(String ingress) {
        return switch (ingress) {
            case "internal" -> "INGRESS_TRAFFIC_INTERNAL_ONLY";
            case "internal-and-cloud-load-balancing" -> "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
            default -> "INGRESS_TRAFFIC_ALL";
        };
    }

    /** Plain and secret variables in one list, sorted by name so that the order they were given in never shows in a plan. */
    private static Optional<Output<List<ServiceTemplateContainerEnvArgs>>> envs(Inputs in) {
        if (in.env().isEmpty() && in.secrets().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(InputChecks.map(in.env().orElse(Output.of(List.of())), env -> {
            var byName = new TreeMap<String, ServiceTemplateContainerEnvArgs>();
            env.forEach(variable -> byName.put(variable.name(), ServiceTemplateContainerEnvArgs.builder()
                    .name(variable.name()).value(variable.value()).build()));
            in.secrets().forEach(ref -> byName.put(ref.name(), ServiceTemplateContainerEnvArgs.builder()
                    .name(ref.name())
                    .valueSource(ServiceTemplateContainerEnvValueSourceArgs.builder()
                            .secretKeyRef(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs.builder()
                                    .secret(ref.secret())
                                    .version(ref.version().orElse("latest"))
                                    .build())
                            .build())
                    .build()));
            return List.copyOf(byName.values());
        }));
    }

    /**
     * One {@code roles/secretmanager.secretAccessor} grant per secret the service reads, for its dedicated identity.
     * A secret is named by its project and id: {@code <name>-secret-<id>} in the service's own project, whether written
     * as a bare id or as a full path naming that project (one secret, one grant), {@code <name>-secret-<project>/<id>}
     * in another project. Grants of another project's secret were once named {@code <name>-secret-<id>}; they keep
     * their resource through an alias from that name where no other grant of the service claims it.
     */
    private List<Resource> secretGrants(String name, Inputs in) {
        var bySecret = new TreeMap<SecretName, String>();
        var read = new ArrayList<String>();
        in.secrets().forEach(ref -> read.add(ref.secret()));
        in.volumes().secrets().orElse(List.of()).forEach(file -> read.add(file.secret()));
        for (var secret : read) {
            bySecret.merge(SecretName.of(secret, in), secret, IapCloudRunService::writtenForm);
        }
        var legacyNames = bySecret.keySet().stream().collect(Collectors.groupingBy(SecretName::id, Collectors.counting()));
        var grants = new ArrayList<Resource>();
        bySecret.forEach((secret, written) -> {
            var grant = SecretIamMemberArgs.builder().secretId(written);
            if (!written.startsWith("projects/")) {
                grant.project(in.project());
            }
            var options = GcpProvider.childOf(this);
            if (!secret.ownProject() && legacyNames.get(secret.id()) == 1) {
                options.aliases(sibling(this, name + "-secret-" + secret.id()));
            }
            grants.add(new SecretIamMember(name + "-secret-" + secret.suffix(), grant
                    .role(Roles.SECRET_ACCESSOR)
                    .member(runtimeMember)
                    .build(), options.build()));
        });
        return grants;
    }

    /**
     * Of two spellings of one secret, the one its grant is created with: the bare id, which is what a grant of it
     * had before, else the first path in order, so that the choice never depends on the order of the variables.
     */
    private static String writtenForm(String a, String b) {
        boolean aPath = a.startsWith("projects/");
        boolean bPath = b.startsWith("projects/");
        if (aPath != bPath) {
            return aPath ? b : a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What makes a secret unique: its project (empty for the stack's own) and its id. */
    private record SecretName(String project, String id) implements Comparable<SecretName> {

        static SecretName of(String secret, Inputs in) {
            if (!secret.startsWith("projects/")) {
                return new SecretName("", secret);
            }
            var parts = secret.split("/");
            var project = parts[1];
            boolean own = in.ownProject().filter(project::equals).isPresent() || in.ownProjectNumber().filter(project::equals).isPresent();
            return new SecretName(own ? "" : project, parts[3]);
        }

        boolean ownProject() {
            return project.isEmpty();
        }

        String suffix() {
            return ownProject() ? id : project + "/" + id;
        }

        @Override
        public int compareTo(SecretName other) {
            return suffix().compareTo(other.suffix());
        }
    }

    /**
     * One additive {@code gcp:projects/iAMMember:IAMMember} per project role of the dedicated identity, named
     * {@code <name>-role-<role without roles/>} (a custom role keeps its whole path, which no predefined role starts
     * with): each declared role on the service's project, and {@code roles/cloudsql.client} on each project owning one of
     * its Cloud SQL instances, since the role has no per-instance grant; another project's name appends {@code -<project>}.
     * Both land in one map by name, so Cloud SQL and a declared {@code roles/cloudsql.client} on the service's own project
     * are one grant, which stays when the instances go.
     */
    private List<Resource> projectRoleGrants(String name, Inputs in) {
        var projectByRole = new TreeMap<String, Map.Entry<String, Output<String>>>();
        in.runtimeRoles().forEach(role -> projectByRole.put(InputRules.roleGrantSuffix(role), Map.entry(role, in.project())));
        var cloudSql = InputRules.roleGrantSuffix(Roles.CLOUD_SQL_CLIENT);
        in.volumes().cloudSqlInstances().orElse(List.of()).stream().map(InputRules::cloudSqlProject).distinct().forEach(project -> {
            boolean own = in.ownProject().filter(project::equals).isPresent();
            projectByRole.put(own ? cloudSql : cloudSql + "-" + project, Map.entry(Roles.CLOUD_SQL_CLIENT, own ? in.project() : Output.of(project)));
        });
        var grants = new ArrayList<Resource>();
        projectByRole.forEach((suffix, grant) -> grants.add(new IAMMember(name + "-role-" + suffix, IAMMemberArgs.builder()
                .project(grant.getValue())
                .role(grant.getKey())
                .member(runtimeMember)
                .build(), GcpProvider.childOf(this).build())));
        return grants;
    }

    private void invoker(String name, List<Output<Alias>> aliases, Inputs in, Output<String> member, Optional<String> importId) {
        new ServiceIamMember(name, ServiceIamMemberArgs.builder()
                .project(in.project())
                .location(in.region())
                .name(serviceName)
                .role(Roles.RUN_INVOKER)
                .member(member)
                .build(), GcpProvider.childOf(this).aliases(aliases).importId(importId.orElse(null)).build());
    }

    /**
     * Member grants are named after the principal as IAM compares it ({@link Principal#canonical()}), so that a
     * case-only edit keeps the resource: as two resources, the new one would be created and the old one deleted
     * last, revoking the grant. A principal written with capitals was once named as written; the alias from that
     * name keeps its existing resource.
     */
    static List<Output<Alias>> writtenNameAlias(Resource parent, String prefix, Principal principal) {
        return principal.value().equals(principal.canonical())
                ? List.of()
                : List.of(Output.of(sibling(parent, prefix + principal.value())));
    }

    /**
     * An alias from another name under the same parent. The parent is named explicitly: the SDK sends an alias
     * without one as "no parent", which the engine resolves to a URN at the stack's root that never matches.
     * The SDK's builder refuses a parent given after the name, so the parent comes first.
     */
    static Alias sibling(Resource parent, String name) {
        return Alias.builder().parent(parent).name(name).build();
    }

    /**
     * The runtime account id: {@code run-<service>}, or for long names a prefix of the name and a hash of it,
     * within Google's 6 to 30 characters. Stable, so that the identity never changes under a service.
     */
    static String accountId(String serviceName) {
        var id = "run-" + serviceName;
        if (id.length() < 6) {
            return id + "-sa";
        }
        if (id.length() <= 30) {
            return id;
        }
        var prefix = serviceName.substring(0, 21).replaceAll("-+$", "");
        return prefix + "-" + Sha256.hex(serviceName).substring(0, 8);
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    public Output<String> uri() {
        return uri;
    }

    public Output<String> runtimeIdentity() {
        return runtimeIdentity;
    }

    public Output<String> runtimeMember() {
        return runtimeMember;
    }
}
