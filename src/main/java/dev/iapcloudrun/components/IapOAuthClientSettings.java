package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.iap.Settings;
import dev.iapcloudrun.provider.gcp.iap.SettingsArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsAllowedDomainsSettingsArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsOauthSettingsArgs;

import dev.iapcloudrun.rules.InputRules;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;

/**
 * The custom OAuth client IAP signs users in with, for audiences Google's managed client does not serve
 * (users outside the organization, projects without one): one {@code gcp:iap/settings:Settings} named
 * {@code <name>} at the given scope. The client itself is created by hand in the Cloud console; only its id
 * and secret travel here, the secret always as a Pulumi secret.
 */
public final class IapOAuthClientSettings extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapOAuthClientSettings";

    private static final String COMPONENT = "IapOAuthClientSettings";

    /** The IAP settings' name: the project's or the service's IAP resource they apply to. */
    @Export(name="settingsName", refs={String.class}, tree="[0]")
    private Output<String> settingsName;

    private record Inputs(Output<String> scope, Output<String> clientId, Output<String> clientSecret, Optional<Output<String>> loginHint,
                          Optional<Output<List<String>>> programmaticClients, Optional<Output<List<String>>> allowedRequestHosts) {}

    public IapOAuthClientSettings(String name, IapOAuthClientSettingsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, InputChecks.now(COMPONENT, name, checks -> inputs(checks, args)), options);
        var in = inputs(InputChecks.later(COMPONENT, name, this), args);
        var oauth = SettingsAccessSettingsOauthSettingsArgs.builder()
                .clientId(in.clientId())
                // asSecret: the secret must stay masked in every plan, diff and state file.
                .clientSecret(in.clientSecret().asSecret());
        in.loginHint().ifPresent(oauth::loginHint);
        in.programmaticClients().ifPresent(oauth::programmaticClients);
        var access = SettingsAccessSettingsArgs.builder().oauthSettings(oauth.build());
        in.allowedRequestHosts().ifPresent(hosts -> access.allowedDomainsSettings(SettingsAccessSettingsAllowedDomainsSettingsArgs.builder()
                .enable(true)
                .domains(hosts)
                .build()));
        this.settingsName = in.scope();
        new Settings(name, SettingsArgs.builder()
                .name(settingsName)
                .accessSettings(access.build())
                // Settings of a project whose IAP API is not enabled yet are refused: they wait for what the component waits for.
                .build(), GcpProvider.childOf(this).dependsOn(GcpProvider.dependsOnOf(options)).build());
        registerOutputs(Map.of());
    }

    private static Inputs inputs(InputChecks c, IapOAuthClientSettingsArgs args) {
        var projectNumber = c.required("projectNumber", args.projectNumber(), "the project number (IapProjectSetup's projectNumber)",
                InputRules::projectNumber);
        var region = c.optional("region", args.region().orElse(null), r -> InputRules.region(r, Set.of()));
        var serviceName = c.optional("serviceName", args.serviceName().orElse(null), InputRules::serviceName);
        if (region.isPresent() != serviceName.isPresent()) {
            c.refuse(region.isPresent() ? "serviceName" : "region", "settings of one service need both region and serviceName; "
                    + "expected both, or neither for settings of the whole project");
        }
        var scope = region.isPresent() && serviceName.isPresent()
                ? serviceScope(projectNumber, region.get(), serviceName.get()) : projectScope(projectNumber);
        var clientSecret = args.clientSecret();
        if (clientSecret == null) {
            c.missing("clientSecret", "the OAuth client's secret, as a secret");
        }
        return new Inputs(scope,
                c.required("clientId", args.clientId(), "an OAuth client id ending in .apps.googleusercontent.com", InputRules::oauthClientId),
                clientSecret == null ? Output.ofNullable(null) : clientSecret,
                args.loginHint(), args.programmaticClients(), args.allowedRequestHosts());
    }

    /** IAP settings name for every IAP resource of a project. */
    private static Output<String> projectScope(Output<String> projectNumber) {
        return projectNumber.applyValue(n -> "projects/" + n + "/iap_web");
    }

    /** IAP settings name for one Cloud Run service (the same path as its IAP IAM resource). */
    private static Output<String> serviceScope(Output<String> projectNumber, Output<String> region, Output<String> serviceName) {
        return Output.tuple(projectNumber, region, serviceName)
                .applyValue(t -> "projects/" + t.t1 + "/iap_web/cloud_run-" + t.t2 + "/services/" + t.t3);
    }

    public Output<String> settingsName() {
        return settingsName;
    }
}
