package dev.iapcloudrun.components;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.cloudrunv2.Service;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceIamMember;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvValueSourceArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerPortsArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateContainerResourcesArgs;
import dev.iapcloudrun.provider.gcp.cloudrunv2.inputs.ServiceTemplateScalingArgs;
import dev.iapcloudrun.provider.gcp.secretmanager.SecretIamMember;
import dev.iapcloudrun.provider.gcp.serviceaccount.Account;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ServiceSpec;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One Cloud Run service behind IAP, with what it needs to work and nothing more:
 * <ul>
 *   <li>{@code <name>}: the {@code gcp:cloudrunv2/service:Service}, IAP on, the IAM invoker check on;</li>
 *   <li>{@code <name>-runtime}: its dedicated runtime service account, holding no project role, unless the
 *       stack names an existing one;</li>
 *   <li>{@code <name>-invoker-iap-agent}: {@code roles/run.invoker} for the project's IAP service agent, without
 *       which signed-in users get "IAP for Cloud Run app is not set up correctly";</li>
 *   <li>{@code <name>-invoker-<principal>}: {@code roles/run.invoker} for each declared service-to-service caller,
 *       named after the principal as IAM compares it;</li>
 *   <li>{@code <name>-secret-<secret>}: {@code roles/secretmanager.secretAccessor} on each secret the service reads,
 *       for the dedicated identity only; the service waits for them.</li>
 * </ul>
 * Invoker grants are additive members, never a binding: an authoritative invoker list would remove grants
 * that the platform or Google itself makes on the service.
 */
public final class IapCloudRunService extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapCloudRunService";

    // The component's outputs reach the engine through registerOutputs; they carry no @Export, for which the SDK
    // would parse a type and make an output of its own per field and instance, one the engine never fills.
    private final Output<String> serviceName;

    private final Output<String> uri;

    /** The runtime identity's email. */
    private final Output<String> runtimeIdentity;

    public IapCloudRunService(String name, IapCloudRunServiceArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var spec = args.service();
        this.runtimeIdentity = spec.serviceAccount().map(Output::of).orElseGet(() -> runtimeAccount(name, args));

        // Cloud Run checks that the runtime identity may read each secret when it creates a revision, so the
        // service waits for the grants its revision needs.
        var secretGrants = spec.serviceAccount().isEmpty() ? secretGrants(name, args) : List.<Resource>of();
        var dependsOn = new ArrayList<Resource>(args.dependsOn());
        dependsOn.addAll(secretGrants);
        var service = new Service(name, serviceArgs(args, runtimeIdentity),
                GcpProvider.childOf(this).dependsOn(dependsOn).build());
        this.serviceName = service.name();
        this.uri = service.uri();

        if (spec.iap()) {
            invoker(name + "-invoker-iap-agent", List.of(), args, args.iapAgentMember());
        }
        for (Principal invoker : new TreeSet<>(spec.invokers())) {
            invoker(name + "-invoker-" + invoker.canonical(), writtenNameAlias(this, name + "-invoker-", invoker), args,
                    Output.of(invoker.canonical()));
        }
        registerOutputs(Map.of("serviceName", serviceName, "uri", uri, "runtimeIdentity", runtimeIdentity));
    }

    private Output<String> runtimeAccount(String name, IapCloudRunServiceArgs args) {
        var accountId = accountId(name);
        var account = new Account(name + "-runtime", AccountArgs.builder()
                .project(args.project())
                .accountId(accountId)
                .displayName("Cloud Run runtime: " + name)
                .description("Runtime identity of the Cloud Run service " + name + " (managed by iap-cloudrun)")
                .build(), GcpProvider.childOf(this).build());
        // The email follows from the account id; deriving it (instead of waiting for the email output)
        // lets offline plans show the identity in full, while the URN keeps the service after the account.
        var email = accountId + "@" + args.project() + ".iam.gserviceaccount.com";
        return account.urn().applyValue(urn -> email);
    }

    private static ServiceArgs serviceArgs(IapCloudRunServiceArgs args, Output<String> runtimeIdentity) {
        var spec = args.service();
        var container = ServiceTemplateContainerArgs.builder().image(spec.image());
        spec.port().ifPresent(port -> container.ports(ServiceTemplateContainerPortsArgs.builder().containerPort(port).build()));
        var limits = new TreeMap<String, String>();
        spec.cpu().ifPresent(cpu -> limits.put("cpu", cpu));
        spec.memory().ifPresent(memory -> limits.put("memory", memory));
        if (!limits.isEmpty()) {
            container.resources(ServiceTemplateContainerResourcesArgs.builder().limits(limits).build());
        }
        var envs = envs(spec);
        if (!envs.isEmpty()) {
            container.envs(envs);
        }

        var template = ServiceTemplateArgs.builder()
                .serviceAccount(runtimeIdentity)
                .containers(container.build());
        if (spec.minInstances().isPresent() || spec.maxInstances().isPresent()) {
            var scaling = ServiceTemplateScalingArgs.builder();
            spec.minInstances().ifPresent(scaling::minInstanceCount);
            spec.maxInstances().ifPresent(scaling::maxInstanceCount);
            template.scaling(scaling.build());
        }
        spec.timeout().ifPresent(template::timeout);

        var service = ServiceArgs.builder()
                .name(spec.name())
                .project(args.project())
                .location(args.region())
                .ingress(spec.ingress().wire)
                .iapEnabled(spec.iap())
                // Always sent, even when false, so that a plan shows the invoker check is on.
                .invokerIamDisabled(spec.publicAccess())
                .deletionProtection(spec.deletionProtection())
                .template(template.build());
        if (!args.labels().isEmpty()) {
            service.labels(new TreeMap<>(args.labels()));
        }
        if (!spec.customAudiences().isEmpty()) {
            service.customAudiences(spec.customAudiences());
        }
        return service.build();
    }

    private static List<ServiceTemplateContainerEnvArgs> envs(ServiceSpec spec) {
        var byName = new TreeMap<String, ServiceTemplateContainerEnvArgs>();
        spec.env().forEach((key, value) -> byName.put(key, ServiceTemplateContainerEnvArgs.builder().name(key).value(value).build()));
        spec.secretEnv().forEach((key, ref) -> byName.put(key, ServiceTemplateContainerEnvArgs.builder()
                .name(key)
                .valueSource(ServiceTemplateContainerEnvValueSourceArgs.builder()
                        .secretKeyRef(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs.builder()
                                .secret(ref.secret())
                                .version(ref.version())
                                .build())
                        .build())
                .build()));
        return new ArrayList<>(byName.values());
    }

    /**
     * One {@code roles/secretmanager.secretAccessor} grant per secret the service reads, for its dedicated identity.
     * A secret is named by its project and id: {@code <name>-secret-<id>} in the stack's own project, whether written
     * as a bare id or as a full path naming that project (one secret, one grant), {@code <name>-secret-<project>/<id>}
     * in another project. Grants of another project's secret were once named {@code <name>-secret-<id>}; they keep
     * their resource through an alias from that name where no other grant of the service claims it.
     */
    private List<Resource> secretGrants(String name, IapCloudRunServiceArgs args) {
        var bySecret = new TreeMap<SecretName, String>();
        for (var ref : args.service().secretEnv().values()) {
            bySecret.merge(SecretName.of(ref.secret(), args), ref.secret(), IapCloudRunService::writtenForm);
        }
        var legacyNames = bySecret.keySet().stream().collect(Collectors.groupingBy(SecretName::id, Collectors.counting()));
        var grants = new ArrayList<Resource>();
        bySecret.forEach((secret, written) -> {
            var grant = SecretIamMemberArgs.builder().secretId(written);
            if (!written.startsWith("projects/")) {
                grant.project(args.project());
            }
            var options = GcpProvider.childOf(this);
            if (!secret.ownProject() && legacyNames.get(secret.id()) == 1) {
                options.aliases(sibling(this, name + "-secret-" + secret.id()));
            }
            grants.add(new SecretIamMember(name + "-secret-" + secret.suffix(), grant
                    .role(Roles.SECRET_ACCESSOR)
                    .member(runtimeIdentity.applyValue(email -> "serviceAccount:" + email))
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

        static SecretName of(String secret, IapCloudRunServiceArgs args) {
            if (!secret.startsWith("projects/")) {
                return new SecretName("", secret);
            }
            var parts = secret.split("/");
            var project = parts[1];
            boolean own = project.equals(args.project()) || args.projectNumber().filter(project::equals).isPresent();
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

    private void invoker(String name, List<Output<Alias>> aliases, IapCloudRunServiceArgs args, Output<String> member) {
        new ServiceIamMember(name, ServiceIamMemberArgs.builder()
                .project(args.project())
                .location(args.region())
                .name(serviceName)
                .role(Roles.RUN_INVOKER)
                .member(member)
                .build(), GcpProvider.childOf(this).aliases(aliases).build());
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
}
