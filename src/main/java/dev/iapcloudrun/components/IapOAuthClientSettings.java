package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.iap.Settings;
import dev.iapcloudrun.provider.gcp.iap.SettingsArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsAllowedDomainsSettingsArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.SettingsAccessSettingsOauthSettingsArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The custom OAuth client IAP signs users in with, for audiences Google's managed client does not serve
 * (users outside the organization, projects without one): one {@code gcp:iap/settings:Settings} named
 * {@code <name>} at the given scope. The client itself is created by hand in the Cloud console; only its id
 * and secret travel here, the secret always as a Pulumi secret.
 */
public final class IapOAuthClientSettings extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapOAuthClientSettings";

    public IapOAuthClientSettings(String name, IapOAuthClientSettingsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var client = args.client();
        var oauth = SettingsAccessSettingsOauthSettingsArgs.builder()
                .clientId(client.clientId())
                // asSecret: the secret must stay masked in every plan, diff and state file.
                .clientSecret(args.clientSecret().asSecret());
        if (client.loginHint() != null) {
            oauth.loginHint(client.loginHint());
        }
        if (!client.programmaticClients().isEmpty()) {
            oauth.programmaticClients(client.programmaticClients());
        }
        var access = SettingsAccessSettingsArgs.builder().oauthSettings(oauth.build());
        if (!client.allowedRequestHosts().isEmpty()) {
            access.allowedDomainsSettings(SettingsAccessSettingsAllowedDomainsSettingsArgs.builder()
                    .enable(true)
                    .domains(client.allowedRequestHosts())
                    .build());
        }
        new Settings(name, SettingsArgs.builder()
                .name(args.scope())
                .accessSettings(access.build())
                .build(), GcpProvider.childOf(this).build());
        registerOutputs(Map.of());
    }

    /** IAP settings name for every IAP resource of a project. */
    public static Output<String> projectScope(Output<String> projectNumber) {
        return projectNumber.applyValue(n -> "projects/" + n + "/iap_web");
    }

    /** IAP settings name for one Cloud Run service (the same path as its IAP IAM resource). */
    public static Output<String> serviceScope(Output<String> projectNumber, String region, Output<String> serviceName) {
        return Output.tuple(projectNumber, serviceName)
                .applyValue(t -> "projects/" + t.t1 + "/iap_web/cloud_run-" + region + "/services/" + t.t2);
    }
}
