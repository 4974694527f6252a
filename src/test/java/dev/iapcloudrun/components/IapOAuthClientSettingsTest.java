package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.program.StackArgs;
import dev.iapcloudrun.spec.OAuthClientSpec;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class IapOAuthClientSettingsTest {

    private static final String SETTINGS = "gcp:iap/settings:Settings";
    private static final String SECRET = "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-show";
    private static final OAuthClientSpec CLIENT = new OAuthClientSpec("123-abc.apps.googleusercontent.com", "iapOauthClientSecret",
            "partners.example", List.of("456-cli.apps.googleusercontent.com"), List.of("partners.example"), OAuthClientSpec.Scope.PROJECT);

    /** Settings of the project, or of one service in europe-west1 when {@code service} is given. */
    static Plan plan(Optional<String> service, Output<String> secret) {
        var args = StackArgs.oauthClient(CLIENT, secret, Output.of("905718264301"));
        service.ifPresent(name -> args.region("europe-west1").serviceName(name));
        return TestPlans.run(ctx -> new IapOAuthClientSettings("acme-prod-iap-settings", args.build(), null));
    }

    @Test
    void setsTheOAuthClientAtProjectScope() {
        var plan = plan(Optional.empty(), Output.ofSecret(SECRET));
        assertThat(TestPlans.custom(plan)).singleElement().satisfies(settings -> {
            assertThat(settings.type()).isEqualTo(SETTINGS);
            assertThat(settings.parent()).isEqualTo(plan.named(IapOAuthClientSettings.TYPE, "acme-prod-iap-settings").urn());
            assertThat(text(settings, "name")).isEqualTo("projects/905718264301/iap_web");
            assertThat(text(settings, "accessSettings.oauthSettings.clientId")).isEqualTo("123-abc.apps.googleusercontent.com");
            assertThat(text(settings, "accessSettings.oauthSettings.loginHint")).isEqualTo("partners.example");
            assertThat(text(settings, "accessSettings.oauthSettings.programmaticClients.0")).isEqualTo("456-cli.apps.googleusercontent.com");
            assertThat(text(settings, "accessSettings.allowedDomainsSettings.enable")).isEqualTo("true");
            assertThat(text(settings, "accessSettings.oauthSettings.clientSecret")).isEqualTo("[secret]");
        });
    }

    @Test
    void namesTheServiceScopeLikeTheIapResourceOfTheService() {
        var settings = plan(Optional.of("partner-portal"), Output.ofSecret(SECRET)).named(SETTINGS, "acme-prod-iap-settings");
        assertThat(text(settings, "name")).isEqualTo("projects/905718264301/iap_web/cloud_run-europe-west1/services/partner-portal");
    }

    @Test
    void masksTheSecretEvenWhenTheCallerPassedItInPlainText() {
        var plan = plan(Optional.empty(), Output.of(SECRET));
        assertThat(text(plan.named(SETTINGS, "acme-prod-iap-settings"), "accessSettings.oauthSettings.clientSecret")).isEqualTo("[secret]");
        assertThat(PlanJson.write(plan)).doesNotContain(SECRET);
    }

    @Test
    void waitsForTheIapApiOfTheProjectItDependsOn() {
        var plan = TestPlans.run(ctx -> {
            var setup = new IapProjectSetup("acme-prod", IapProjectSetupArgs.builder().project("acme-prod").projectNumber("905718264301").build(), null);
            new IapOAuthClientSettings("acme-prod-iap-settings", StackArgs.oauthClient(CLIENT, Output.ofSecret(SECRET), setup.projectNumber()).build(),
                    com.pulumi.resources.ComponentResourceOptions.builder().dependsOn(setup).build());
        });

        assertThat(plan.named(SETTINGS, "acme-prod-iap-settings").dependsOn())
                .as("IAP refuses settings of a project whose IAP API is not enabled yet")
                .anySatisfy(urn -> assertThat(urn).endsWith("::acme-prod-iap-api"));
    }
}
