package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.program.StackArgs;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.spec.AccessorsSpec;
import dev.iapcloudrun.spec.AccessorsSpec.ConditionSpec;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.iapcloudrun.TestPlans.text;
import static org.assertj.core.api.Assertions.assertThat;

class IapAccessorBindingTest {

    private static final String BINDING = "gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding";
    private static final String MEMBER = "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember";
    private static final ConditionSpec BUSINESS_HOURS = new ConditionSpec("business-hours",
            "request.time.getHours(\"Europe/Berlin\") >= 8", Optional.of("Only during office hours"));

    static Plan plan(AccessorsSpec.Mode mode, List<String> members, Optional<ConditionSpec> condition) {
        var accessors = new AccessorsSpec(mode, members.stream().map(Principal::new).toList(), condition);
        return TestPlans.run(ctx -> new IapAccessorBinding("orders-accessors",
                StackArgs.accessors("acme-dev", "europe-west1", Output.of("orders"), accessors), null));
    }

    @Test
    void authoritativeAccessIsOneBindingWithExactlyTheMembers() {
        var plan = plan(AccessorsSpec.Mode.AUTHORITATIVE, List.of("user:zoe@acme.example", "group:ops@acme.example"), Optional.empty());
        assertThat(TestPlans.custom(plan)).singleElement().satisfies(binding -> {
            assertThat(binding.type()).isEqualTo(BINDING);
            assertThat(binding.name()).isEqualTo("orders-accessors");
            assertThat(binding.parent()).isEqualTo(plan.named(IapAccessorBinding.TYPE, "orders-accessors").urn());
            assertThat(text(binding, "role")).isEqualTo("roles/iap.httpsResourceAccessor");
            assertThat(text(binding, "cloudRunServiceName")).isEqualTo("orders");
            assertThat(text(binding, "location")).isEqualTo("europe-west1");
            assertThat(text(binding, "members")).isEqualTo("[\"group:ops@acme.example\",\"user:zoe@acme.example\"]");
            assertThat(binding.inputs().has("condition")).isFalse();
        });
    }

    @Test
    void additiveAccessIsOneMemberPerPrincipalNamedByThePrincipal() {
        var plan = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:zoe@acme.example", "group:ops@acme.example"), Optional.empty());
        assertThat(plan.ofType(BINDING)).isEmpty();
        assertThat(plan.ofType(MEMBER)).extracting(Plan.PlannedResource::name).containsExactlyInAnyOrder(
                "orders-accessors-user:zoe@acme.example", "orders-accessors-group:ops@acme.example");
        assertThat(text(plan.named(MEMBER, "orders-accessors-user:zoe@acme.example"), "member")).isEqualTo("user:zoe@acme.example");
    }

    @Test
    void namesAnAdditiveMemberAfterThePrincipalAsIamComparesIt() {
        var plan = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:Zoe@Acme.example"), Optional.empty());
        var member = plan.named(MEMBER, "orders-accessors-user:zoe@acme.example");
        assertThat(text(member, "member")).isEqualTo("user:zoe@acme.example");
        assertThat(member.aliases()).as("existing stacks keep the resource named as written")
                .containsExactly(member.urn().replace("user:zoe@acme.example", "user:Zoe@Acme.example"));
    }

    @Test
    void aCaseOnlyEditOfAnAccessorKeepsItsGrantResource() {
        var before = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:Zoe@acme.example"), Optional.empty());
        var after = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:zoe@acme.example"), Optional.empty());
        assertThat(after.named(MEMBER, "orders-accessors-user:zoe@acme.example").urn())
                .isEqualTo(before.named(MEMBER, "orders-accessors-user:zoe@acme.example").urn());
        assertThat(PlanDiff.between(before, after).isEmpty()).isTrue();
    }

    @Test
    void aMemberNamedAsWrittenBeforeIsUpdatedNotDeletedOnceNamedAsIamComparesIt() {
        var written = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:zoe@acme.example"), Optional.empty());
        var old = written.named(MEMBER, "orders-accessors-user:zoe@acme.example");
        // The plan an earlier version made of user:Zoe@acme.example: the member named and sent as written.
        var oldUrn = old.urn().replace("user:zoe@", "user:Zoe@");
        var base = new Plan(written.project(), written.stack(), written.resources().stream().map(r -> r != old ? r
                : new Plan.PlannedResource(oldUrn, r.type(), "orders-accessors-user:Zoe@acme.example", r.parent(), r.custom(),
                        r.inputs().deepCopy().put("member", "user:Zoe@acme.example"), r.dependsOn(), r.protect(), r.version())).toList(),
                written.outputs(), written.invokes());

        var diff = PlanDiff.between(base, plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:Zoe@acme.example"), Optional.empty()));

        // The alias matches the old resource, so never a create and a delete (the delete would run last and revoke); and
        // the member differs only in case, which the provider ignores, so nothing changes at all.
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.findings()).isEmpty();
    }

    @Test
    void addingAPrincipalLeavesTheOtherGrantsUntouched() {
        var before = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:zoe@acme.example"), Optional.empty());
        var after = plan(AccessorsSpec.Mode.ADDITIVE, List.of("group:aaa@acme.example", "user:zoe@acme.example"), Optional.empty());
        var zoeBefore = before.named(MEMBER, "orders-accessors-user:zoe@acme.example");
        var zoeAfter = after.named(MEMBER, "orders-accessors-user:zoe@acme.example");
        assertThat(zoeAfter.urn()).isEqualTo(zoeBefore.urn());
        assertThat(zoeAfter.inputs()).isEqualTo(zoeBefore.inputs());
    }

    @Test
    void appliesTheConditionToTheBinding() {
        var binding = plan(AccessorsSpec.Mode.AUTHORITATIVE, List.of("user:zoe@acme.example"), Optional.of(BUSINESS_HOURS))
                .named(BINDING, "orders-accessors");
        assertThat(text(binding, "condition.title")).isEqualTo("business-hours");
        assertThat(text(binding, "condition.expression")).isEqualTo("request.time.getHours(\"Europe/Berlin\") >= 8");
        assertThat(text(binding, "condition.description")).isEqualTo("Only during office hours");
    }

    @Test
    void appliesTheConditionToEveryAdditiveMember() {
        var plan = plan(AccessorsSpec.Mode.ADDITIVE, List.of("user:zoe@acme.example", "group:ops@acme.example"), Optional.of(BUSINESS_HOURS));
        assertThat(plan.ofType(MEMBER)).hasSize(2).allSatisfy(m -> assertThat(text(m, "condition.title")).isEqualTo("business-hours"));
    }

    @Test
    void leavesOutAnAbsentConditionDescription() {
        var untitled = new AccessorsSpec.ConditionSpec("until-2027", "request.time < timestamp(\"2027-01-01T00:00:00Z\")", Optional.empty());
        for (var mode : AccessorsSpec.Mode.values()) {
            var plan = plan(mode, List.of("user:zoe@acme.example"), Optional.of(untitled));
            assertThat(TestPlans.custom(plan)).singleElement().satisfies(grant -> {
                assertThat(text(grant, "condition.title")).isEqualTo("until-2027");
                assertThat(grant.inputs().path("condition").has("description")).isFalse();
            });
        }
    }
}
