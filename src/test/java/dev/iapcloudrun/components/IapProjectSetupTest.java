package dev.iapcloudrun.components;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class IapProjectSetupTest {

    @Test
    void enablesTheApisAndCreatesTheIapAgent() {
        var plan = TestPlans.run(ctx -> new IapProjectSetup("acme-dev", new IapProjectSetupArgs("acme-dev", Optional.of("123456789")), null));
        var component = plan.named(IapProjectSetup.TYPE, "acme-dev");
        assertThat(TestPlans.custom(plan)).extracting(Plan.PlannedResource::name)
                .containsExactlyInAnyOrder("acme-dev-run-api", "acme-dev-iap-api", "acme-dev-iap-agent");
        assertThat(TestPlans.custom(plan)).allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
        for (var api : plan.ofType("gcp:projects/service:Service")) {
            assertThat(text(api, "disableOnDestroy")).as("set explicitly: v9 has no default").isEqualTo("false");
            assertThat(text(api, "project")).isEqualTo("acme-dev");
        }
        assertThat(plan.ofType("gcp:projects/service:Service")).extracting(r -> text(r, "service"))
                .containsExactlyInAnyOrder("run.googleapis.com", "iap.googleapis.com");
        var agent = plan.named("gcp:projects/serviceIdentity:ServiceIdentity", "acme-dev-iap-agent");
        assertThat(text(agent, "service")).isEqualTo("iap.googleapis.com");
        assertThat(agent.dependsOn()).anySatisfy(urn -> assertThat(urn).endsWith("::acme-dev-iap-api"));
    }

    @Test
    void looksUpAnUndeclaredProjectNumberWithProviderVersion9370() {
        var plan = TestPlans.run(ctx -> new IapProjectSetup("acme-dev", new IapProjectSetupArgs("acme-dev", Optional.empty()), null));
        assertThat(plan.invokes()).singleElement().satisfies(invoke -> {
            assertThat(invoke.token()).isEqualTo("gcp:organizations/getProject:getProject");
            assertThat(invoke.version()).isEqualTo(GcpProvider.VERSION);
        });
    }

    @Test
    void needsNoLookupWhenTheProjectNumberIsDeclared() {
        var plan = TestPlans.run(ctx -> new IapProjectSetup("acme-dev", new IapProjectSetupArgs("acme-dev", Optional.of("123456789")), null));
        assertThat(plan.invokes()).isEmpty();
    }

    @Test
    void knowsTheAgentAddressFromADeclaredProjectNumber() {
        assertThat(IapServiceAgent.member("123456789")).isEqualTo("serviceAccount:service-123456789@gcp-sa-iap.iam.gserviceaccount.com");
    }
}
