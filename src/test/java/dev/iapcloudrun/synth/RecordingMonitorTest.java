package dev.iapcloudrun.synth;

import com.pulumi.Log;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.cloudrunv2.ServiceIamMember;
import org.junit.jupiter.api.Test;

import pulumirpc.AliasOuterClass.Alias;
import pulumirpc.Resource.RegisterResourceRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingMonitorTest {

    private static final String MEMBER = "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember";

    @Test
    void resolvesAnAliasAsTheEngineDoes() {
        var monitor = new RecordingMonitor(new PreviewMocks(), Log.ignore(), "iap-cloudrun", "dev");
        var parent = "urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapAccessorBinding::a-accessors";
        var request = RegisterResourceRequest.newBuilder().setParent(parent)
                .setType(MEMBER).setName("a-accessors-user:zoe@x.example").build();
        var member = "urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapAccessorBinding$" + MEMBER + "::";

        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder().setName("a-accessors-user:Zoe@x.example").setParentUrn(parent)), request))
                .isEqualTo(member + "a-accessors-user:Zoe@x.example");
        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder().setName("old")), request)).as("the resource's own parent")
                .isEqualTo(member + "old");
        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder().setName("old").setNoParent(true)), request)).as("no parent: the stack's root")
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::" + MEMBER + "::old");
        assertThat(monitor.aliasUrn(Alias.newBuilder().setUrn("urn:pulumi:dev::p::t::n").build(), request)).isEqualTo("urn:pulumi:dev::p::t::n");
    }

    @Test
    void resolvesAnAliasAcrossAParentWithoutTheRootStackType() {
        // A member that moved from the service component into its accessor binding, and one that moved from the stack.
        var monitor = new RecordingMonitor(new PreviewMocks(), Log.ignore(), "iap-cloudrun", "dev");
        var request = RegisterResourceRequest.newBuilder()
                .setParent("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService$iap-cloudrun:index:IapAccessorBinding::orders-accessors")
                .setType(MEMBER).setName("orders-accessors-user:zoe@x.example").build();

        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder()
                .setParentUrn("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService::orders")), request))
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService$" + MEMBER + "::orders-accessors-user:zoe@x.example");
        assertThat(monitor.aliasUrn(alias(Alias.Spec.newBuilder()
                .setParentUrn("urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack::iap-cloudrun-dev").setName("zoe")), request))
                .as("the engine leaves the root stack's type out of an alias under the stack too")
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::" + MEMBER + "::zoe");
    }

    @Test
    void aProgramsUrnsAndAliasesLeaveOutTheRootStackType() {
        var plan = TestPlans.run(ctx -> {
            var before = new ComponentResource("test:index:Before", "b");
            var after = new ComponentResource("test:index:After", "a");
            new ServiceIamMember("grant", ServiceIamMemberArgs.builder()
                    .name("orders").location("europe-west1").role("roles/run.invoker").member("user:zoe@x.example").build(),
                    CustomResourceOptions.builder().parent(after).aliases(com.pulumi.core.Alias.builder().parent(before).build()).build());
        });

        var grant = plan.named("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "grant");
        assertThat(plan.named("test:index:After", "a").urn()).isEqualTo("urn:pulumi:test::iap-cloudrun::test:index:After::a");
        assertThat(grant.urn()).isEqualTo("urn:pulumi:test::iap-cloudrun::test:index:After$gcp:cloudrunv2/serviceIamMember:ServiceIamMember::grant");
        assertThat(grant.aliases()).as("an alias across parents, resolved by the SDK's alias spec and the engine's rule")
                .containsExactly("urn:pulumi:test::iap-cloudrun::test:index:Before$gcp:cloudrunv2/serviceIamMember:ServiceIamMember::grant");
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
