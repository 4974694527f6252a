package dev.iapcloudrun.synth;

import com.pulumi.Log;
import com.pulumi.core.internal.Urn;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceIamMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pulumirpc.AliasOuterClass.Alias;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingMonitorTest {

    @ParameterizedTest(name = "{2} under [{1}]")
    @CsvSource(delimiter = '|', value = {
            "dev|''|pulumi:pulumi:Stack|iap-cloudrun-dev",
            "dev|urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack::iap-cloudrun-dev|iap-cloudrun:index:IapCloudRunService|orders-api",
            "dev|urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapCloudRunService::orders-api|gcp:cloudrunv2/service:Service|orders-api",
            "prod|urn:pulumi:prod::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapAccessorBinding::a-accessors|gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember|a-accessors-group:x@acme.example",
            "prod|urn:pulumi:prod::iap-cloudrun::pulumi:pulumi:Stack::s|gcp:iap/settings:Settings|name::with::colons",
    })
    void makesTheUrnsTheSdkMakes(String stack, String parent, String type, String name) {
        assertThat(RecordingMonitor.urn(stack, "iap-cloudrun", parent, type, name))
                .isEqualTo(Urn.create(stack, "iap-cloudrun", Optional.of(parent), type, name));
    }

    @Test
    void resolvesAnAliasAsTheEngineDoes() {
        var monitor = new RecordingMonitor(new PreviewMocks(), Log.ignore(), "iap-cloudrun", "dev");
        var parent = "urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapAccessorBinding::a-accessors";
        var request = RegisterResourceRequest.newBuilder().setParent(parent)
                .setType("gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember").setName("a-accessors-user:zoe@x.example").build();
        var member = "urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapAccessorBinding$"
                + "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember::";

        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder().setName("a-accessors-user:Zoe@x.example").setParentUrn(parent)), request))
                .isEqualTo(member + "a-accessors-user:Zoe@x.example");
        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder().setName("old")), request)).as("the resource's own parent")
                .isEqualTo(member + "old");
        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder().setName("old").setNoParent(true)), request)).as("no parent: the stack's root")
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember::old");
        assertThat(monitor.aliasUrn(Alias.newBuilder().setUrn("urn:pulumi:dev::p::t::n").build(), request)).isEqualTo("urn:pulumi:dev::p::t::n");
    }

    @Test
    void anInputTakingAnOutputKnownOnlyAfterDeploymentWaitsForItsResource() {
        var plan = TestPlans.run(ctx -> {
            // gcp's own Account class binds its email, which is no input.
            var account = new Account("caller", AccountArgs.builder().accountId("caller").build(),
                    CustomResourceOptions.builder().version(GcpProvider.VERSION).build());
            new ServiceIamMember("grant", ServiceIamMemberArgs.builder()
                    .name("orders").location("europe-west1").role("roles/run.invoker")
                    .member(account.email().applyValue(email -> "serviceAccount:" + email)).build(), null);
        });

        var grant = plan.named("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "grant");
        assertThat(grant.inputs().path("member").asText()).isEqualTo("[unknown]");
        assertThat(grant.dependsOn()).containsExactly(plan.named("gcp:serviceaccount/account:Account", "caller").urn());
    }

    private static Alias alias(Alias.Spec.Builder spec) {
        return Alias.newBuilder().setSpec(spec).build();
    }
}
