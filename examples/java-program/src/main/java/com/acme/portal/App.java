package com.acme.portal;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.components.EnvVarArgs;
import dev.iapcloudrun.components.IapAccessorBinding;
import dev.iapcloudrun.components.IapAccessorBindingArgs;
import dev.iapcloudrun.components.IapCloudRunService;
import dev.iapcloudrun.components.IapCloudRunServiceArgs;
import dev.iapcloudrun.components.IapOAuthClientSettings;
import dev.iapcloudrun.components.IapOAuthClientSettingsArgs;
import dev.iapcloudrun.components.IapProjectSetup;
import dev.iapcloudrun.components.IapProjectSetupArgs;
import dev.iapcloudrun.provider.gcp.GcpProvider;

/** A portal behind IAP: a frontend that people sign in to, and a backend that only the frontend calls. */
public final class App {

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        var project = ctx.config("gcp").require("project");
        var region = ctx.config("gcp").require("region");

        var setup = new IapProjectSetup(project, IapProjectSetupArgs.builder().project(project).build(), null);
        // The services wait for the Cloud Run API that the setup enables.
        var afterSetup = ComponentResourceOptions.builder().dependsOn(setup).build();

        var backend = new IapCloudRunService("portal-api", IapCloudRunServiceArgs.builder()
                .project(project)
                .region(region)
                .image(config.require("backendImage"))
                .iapAgentMember(setup.iapAgentMember())
                .build(), afterSetup);

        // The frontend runs as an identity of the program's own, which it can grant more than the component would.
        // gcp's Account class rather than the library's binding of it: that one binds no email output. Its wire
        // schema is the 9.37.0 provider's; pinned to the plugin the components ask for, pulumi runs one gcp plugin.
        var frontendIdentity = new Account("portal-web-identity", AccountArgs.builder()
                .project(project)
                .accountId("portal-web")
                .displayName("Portal frontend")
                .build(), CustomResourceOptions.builder().version(GcpProvider.VERSION).build());

        var frontend = new IapCloudRunService("portal-web", IapCloudRunServiceArgs.builder()
                .project(project)
                .region(region)
                .image(config.require("frontendImage"))
                .serviceAccount(frontendIdentity.email())
                .env(EnvVarArgs.builder().name("BACKEND_URL").value(backend.uri()).build())
                .iapAgentMember(setup.iapAgentMember())
                .build(), afterSetup);

        new IapAccessorBinding("portal-web-accessors", IapAccessorBindingArgs.builder()
                .project(project)
                .region(region)
                .serviceName(frontend.serviceName())
                .mode("authoritative")
                .members("group:portal-users@acme.example")
                .build(), null);

        // IAP checks every request to the backend before Cloud Run does, so the frontend needs IAP access, not
        // roles/run.invoker. Authoritative members may wait for other resources: here, for the frontend's identity.
        new IapAccessorBinding("portal-api-accessors", IapAccessorBindingArgs.builder()
                .project(project)
                .region(region)
                .serviceName(backend.serviceName())
                .mode("authoritative")
                .members(Output.all(frontend.runtimeMember(), Output.of("group:portal-oncall@acme.example")))
                .build(), null);

        // A custom OAuth client signs in users from outside the organization; its secret stays a Pulumi secret.
        new IapOAuthClientSettings(project + "-iap-settings", IapOAuthClientSettingsArgs.builder()
                .projectNumber(setup.projectNumber())
                .clientId(config.require("oauthClientId"))
                .clientSecret(config.requireSecret("oauthClientSecret"))
                .build(), afterSetup);

        ctx.export("frontendUri", frontend.uri());
        ctx.export("backendUri", backend.uri());
    }
}
