package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.spec.OAuthClientSpec;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PlanJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class IapOAuthClientSettingsTest {

    private static final String SETTINGS = "gcp:iap/settings:Settings";
    private static final String SECRET = "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-show";
    private static final OAuthClientSpec CLIENT = new OAuthClientSpec("123-abc.apps.googleusercontent.com", "iapOauthClientSecret",
            "partners.example", List.of("456-cli.apps.googleusercontent.com"), List.of("partners.example"), OAuthClientSpec.Scope.PROJECT);

    static Plan plan(Output<String> scope, Output<String> secret) {
        return TestPlans.run(ctx -> new IapOAuthClientSettings("acme-prod-iap-settings",
                new IapOAuthClientSettingsArgs(scope, CLIENT, secret), null));
    }

    @Test
    void setsTheOAuthClientAtProjectScope() {
        var plan = plan(IapOAuthClientSettings.projectScope(Output.of("905718264301")), Output.ofSecret(SECRET));
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
        var scope = IapOAuthClientSettings.serviceScope(Output.of("905718264301"), "europe-west1", Output.of("partner-portal"));
        var settings = plan(scope, Output.ofSecret(SECRET)).named(SETTINGS, "acme-prod-iap-settings");
        assertThat(text(settings, "name")).isEqualTo("projects/905718264301/iap_web/cloud_run-europe-west1/services/partner-portal");
    }

    @Test
    void masksTheSecretEvenWhenTheCallerPassedItInPlainText() {
        var plan = plan(IapOAuthClientSettings.projectScope(Output.of("905718264301")), Output.of(SECRET));
        assertThat(text(plan.named(SETTINGS, "acme-prod-iap-settings"), "accessSettings.oauthSettings.clientSecret")).isEqualTo("[secret]");
        assertThat(PlanJson.write(plan)).doesNotContain(SECRET);
    }
}
