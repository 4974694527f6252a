package dev.iapcloudrun.program;

import com.pulumi.core.Output;
import dev.iapcloudrun.components.AccessorConditionArgs;
import dev.iapcloudrun.components.BinaryAuthorizationArgs;
import dev.iapcloudrun.components.EnvVarArgs;
import dev.iapcloudrun.components.IapAccessorBindingArgs;
import dev.iapcloudrun.components.IapCloudRunServiceArgs;
import dev.iapcloudrun.components.IapOAuthClientSettingsArgs;
import dev.iapcloudrun.components.LabelArgs;
import dev.iapcloudrun.components.NetworkArgs;
import dev.iapcloudrun.components.ProbeArgs;
import dev.iapcloudrun.components.ProbeGrpcArgs;
import dev.iapcloudrun.components.ProbeHttpGetArgs;
import dev.iapcloudrun.components.ProbeTcpSocketArgs;
import dev.iapcloudrun.components.SecretEnvVarArgs;
import dev.iapcloudrun.components.SecretVolumeArgs;
import dev.iapcloudrun.components.VolumesArgs;
import dev.iapcloudrun.spec.AccessorsSpec;
import dev.iapcloudrun.spec.OAuthClientSpec;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ProbeSpec;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.spec.StackSpec;

/**
 * A validated stack file as the components' arguments: the stack-file program is one caller of the components'
 * public API, like any other program. Only what the file sets is passed, so that defaults stay the components'.
 */
public final class StackArgs {

    private StackArgs() {}

    /** A validated service of the stack file as the component's arguments: only what the file sets, so defaults stay the component's. */
    public static IapCloudRunServiceArgs service(StackSpec stack, ServiceSpec service, Output<String> iapAgentMember) {
        var args = IapCloudRunServiceArgs.builder()
                .project(stack.project())
                .region(stack.region())
                .image(service.image())
                .ingress(service.ingress().yaml)
                .deletionProtection(service.deletionProtection())
                .iap(service.iap())
                .publicAccess(service.publicAccess())
                .iapAgentMember(iapAgentMember);
        if (service.adopt()) {
            args.adopt(true);
        }
        stack.projectNumber().ifPresent(args::projectNumber);
        service.serviceAccount().ifPresent(args::serviceAccount);
        if (stack.policy().allowDefaultServiceAccounts()) {
            args.allowDefaultServiceAccount(true);
        }
        if (!service.runtimeRoles().isEmpty()) {
            args.runtimeRoles(service.runtimeRoles());
        }
        if (stack.policy().allowAdminRoles()) {
            args.allowAdminRoles(true);
        }
        if (!service.env().isEmpty()) {
            args.env(service.env().entrySet().stream().map(e -> EnvVarArgs.builder().name(e.getKey()).value(e.getValue()).build()).toList());
        }
        if (!service.secretEnv().isEmpty()) {
            args.secrets(service.secretEnv().entrySet().stream().map(e -> SecretEnvVarArgs.builder().name(e.getKey())
                    .secret(e.getValue().secret()).version(e.getValue().version()).build()).toList());
        }
        service.minInstances().ifPresent(args::minInstances);
        service.maxInstances().ifPresent(args::maxInstances);
        service.cpu().ifPresent(args::cpu);
        service.memory().ifPresent(args::memory);
        service.cpuIdle().ifPresent(args::cpuIdle);
        service.startupCpuBoost().ifPresent(args::startupCpuBoost);
        service.concurrency().ifPresent(args::concurrency);
        service.executionEnvironment().ifPresent(args::executionEnvironment);
        service.sessionAffinity().ifPresent(args::sessionAffinity);
        if (!service.command().isEmpty()) {
            args.command(service.command());
        }
        if (!service.args().isEmpty()) {
            args.args(service.args());
        }
        service.startupProbe().ifPresent(p -> args.startupProbe(probe(p)));
        service.livenessProbe().ifPresent(p -> args.livenessProbe(probe(p)));
        service.network().ifPresent(n -> args.network(NetworkArgs.builder().connector(n.connector().orElse(null)).vpc(n.vpc().orElse(null))
                .subnetwork(n.subnetwork().orElse(null)).tags(n.tags().isEmpty() ? null : n.tags()).egress(n.egress()).build()));
        service.binaryAuthorization().ifPresent(b -> args.binaryAuthorization(BinaryAuthorizationArgs.builder().policy(b.policy())
                .breakglassJustification(b.breakglassJustification().orElse(null)).build()));
        if (!service.volumes().equals(ServiceSpec.Volumes.NONE)) {
            args.volumes(VolumesArgs.builder()
                    .secrets(service.volumes().secrets().entrySet().stream().map(e -> SecretVolumeArgs.builder().path(e.getKey())
                            .secret(e.getValue().secret()).version(e.getValue().version()).build()).toList())
                    .cloudSqlInstances(service.volumes().cloudSqlInstances())
                    .build());
        }
        service.timeout().ifPresent(args::timeout);
        service.port().ifPresent(args::port);
        if (!service.customAudiences().isEmpty()) {
            args.customAudiences(service.customAudiences());
        }
        if (!service.invokers().isEmpty()) {
            args.invokers(service.invokers().stream().map(Principal::value).toList());
        }
        if (!stack.labels().isEmpty()) {
            args.labels(stack.labels().entrySet().stream().map(e -> LabelArgs.builder().key(e.getKey()).value(e.getValue()).build()).toList());
        }
        return args.build();
    }

    /**
     * An adopted service's grants name it by a plain value, which their import IDs need; the program makes the binding
     * wait for the service instead.
     */
    public static IapAccessorBindingArgs accessors(String project, String region, ServiceSpec service, Output<String> serviceName) {
        var args = IapAccessorBindingArgs.builder();
        if (service.adopt()) {
            args.adopt(true);
        }
        return accessors(args, project, region, service.adopt() ? Output.of(service.name()) : serviceName, service.accessors().orElseThrow());
    }

    public static IapAccessorBindingArgs accessors(String project, String region, Output<String> serviceName, AccessorsSpec accessors) {
        return accessors(IapAccessorBindingArgs.builder(), project, region, serviceName, accessors);
    }

    private static IapAccessorBindingArgs accessors(IapAccessorBindingArgs.Builder args, String project, String region,
                                                    Output<String> serviceName, AccessorsSpec accessors) {
        args
                .project(project)
                .region(region)
                .serviceName(serviceName)
                .mode(accessors.mode().yaml)
                .members(accessors.members().stream().map(Principal::value).toList());
        accessors.condition().ifPresent(c -> {
            var condition = AccessorConditionArgs.builder().title(c.title()).expression(c.expression());
            c.description().ifPresent(condition::description);
            args.condition(condition.build());
        });
        return args.build();
    }

    /** The settings of the stack's OAuth client; a caller adds region and service name for settings of one service. */
    public static IapOAuthClientSettingsArgs.Builder oauthClient(OAuthClientSpec client, Output<String> clientSecret, Output<String> projectNumber) {
        var args = IapOAuthClientSettingsArgs.builder()
                .projectNumber(projectNumber)
                .clientId(client.clientId())
                .clientSecret(clientSecret);
        if (client.loginHint() != null) {
            args.loginHint(client.loginHint());
        }
        if (!client.programmaticClients().isEmpty()) {
            args.programmaticClients(client.programmaticClients());
        }
        if (!client.allowedRequestHosts().isEmpty()) {
            args.allowedRequestHosts(client.allowedRequestHosts());
        }
        return args;
    }

    private static ProbeArgs probe(ProbeSpec p) {
        var probe = ProbeArgs.builder()
                .initialDelaySeconds(p.initialDelaySeconds().orElse(null))
                .periodSeconds(p.periodSeconds().orElse(null))
                .timeoutSeconds(p.timeoutSeconds().orElse(null))
                .failureThreshold(p.failureThreshold().orElse(null));
        var port = p.port().orElse(null);
        switch (p.check()) {
            case "httpGet" -> probe.httpGet(ProbeHttpGetArgs.builder().path(p.path().orElse(null)).port(port).build());
            case "tcpSocket" -> probe.tcpSocket(ProbeTcpSocketArgs.builder().port(port).build());
            default -> probe.grpc(ProbeGrpcArgs.builder().port(port).service(p.service().orElse(null)).build());
        }
        return probe.build();
    }
}
