package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.review.IamTransition.Problem;
import dev.iapcloudrun.review.IamTransition.Violation;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.iapcloudrun.review.ReviewFixtures.stack;
import static dev.iapcloudrun.review.ReviewFixtures.withResources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The IAM model, one worked case per rule of the provider and the engine. */
class IamTransitionTest {

    private static final String IAP_ROLE = "roles/iap.httpsResourceAccessor";

    private static String accessors(String mode, String members) {
        return "accessors:\n  mode: " + mode + "\n  members: [" + members + "]\n";
    }

    private static String urnOf(Plan plan, String type, String name) {
        return plan.named(type, name).urn();
    }

    private static List<Problem> problems(Plan a, Plan b) {
        return IamTransition.check(a, b, Set.of());
    }

    @Test
    void switchingAuthoritativeToAdditiveLosesEveryMemberAtTheBindingsDelete() {
        var a = stack(accessors("authoritative", "user:ada@example.com, group:ops@example.com"));
        var b = stack(accessors("additive", "user:ada@example.com, group:ops@example.com"));

        var binding = urnOf(a, GcpTypes.IAP_WEB_RUN_IAM_BINDING, "hello-accessors");
        assertThat(problems(a, b)).extracting(Problem::kind, Problem::principal, p -> p.step().urn()).containsExactlyInAnyOrder(
                tuple(Violation.LOST, "group:ops@example.com", binding), tuple(Violation.LOST, "user:ada@example.com", binding));
        assertThat(IamTransition.verdict(a, b).stateDeletes()).containsExactly(binding);
    }

    @Test
    void switchingAuthoritativeToAdditiveIsSafeOnceTheBindingLeftTheState() {
        var a = stack(accessors("authoritative", "user:ada@example.com, group:ops@example.com"));
        var b = stack(accessors("additive", "user:ada@example.com, group:ops@example.com"));

        assertThat(IamTransition.check(a, b, Set.of(urnOf(a, GcpTypes.IAP_WEB_RUN_IAM_BINDING, "hello-accessors")))).isEmpty();
    }

    @Test
    void switchingAdditiveToAuthoritativeLosesEachMemberAtItsDeleteAndIsSafeAfterStateDeletes() {
        var a = stack(accessors("additive", "user:ada@example.com, group:ops@example.com"));
        var b = stack(accessors("authoritative", "user:ada@example.com, group:ops@example.com"));

        var ada = urnOf(a, GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com");
        var ops = urnOf(a, GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-group:ops@example.com");
        assertThat(problems(a, b)).extracting(Problem::kind, Problem::principal, p -> p.step().urn()).containsExactlyInAnyOrder(
                tuple(Violation.LOST, "group:ops@example.com", ops), tuple(Violation.LOST, "user:ada@example.com", ada));
        var verdict = IamTransition.verdict(a, b);
        assertThat(verdict.stateDeletes()).containsExactlyInAnyOrder(ada, ops);
        assertThat(IamTransition.check(a, b, new HashSet<>(verdict.stateDeletes()))).isEmpty();
    }

    @Test
    void aCaseOnlyChangeOfAnAdditiveMemberKeepsTheGrantBecauseItsResourceIsNamedAsIamComparesIt() {
        var a = stack(accessors("additive", "user:Ada@example.com"));
        var b = stack(accessors("additive", "user:ada@example.com"));

        assertThat(urnOf(a, GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com"))
                .isEqualTo(urnOf(b, GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com"));
        assertThat(problems(a, b)).isEmpty();
    }

    @Test
    void aBindingUpdatedInPlaceKeepsTheMembersBothStacksDeclare() {
        var a = stack(accessors("authoritative", "user:ada@example.com, group:ops@example.com"));
        var b = stack(accessors("authoritative", "user:ada@example.com, user:bob@example.com"));

        assertThat(problems(a, b)).isEmpty();
    }

    @Test
    void addingAndRemovingAdditiveMembersTouchesNoOneElse() {
        var a = stack(accessors("additive", "user:ada@example.com, group:ops@example.com"));
        var b = stack(accessors("additive", "user:ada@example.com, user:bob@example.com"));

        assertThat(problems(a, b)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"authoritative", "additive"})
    void aConditionChangeMovesTheGrantsToTheNewEntryWithoutLoss(String mode) {
        var a = stack(accessors(mode, "user:ada@example.com"));
        var b = stack(accessors(mode, "user:ada@example.com") + """
                  condition:
                    title: until-2030
                    expression: request.time < timestamp("2030-01-01T00:00:00Z")
                """);

        assertThat(problems(a, b)).isEmpty();
        assertThat(problems(b, a)).isEmpty();
    }

    @Test
    void aConditionIsPartOfTheKeySoAnUnconditionalGrantIsAnotherEntry() {
        var b = stack(accessors("authoritative", "user:ada@example.com") + """
                  condition:
                    title: until-2030
                    description: temporary
                    expression: request.time < timestamp("2030-01-01T00:00:00Z")
                """);

        var policy = IamTransition.declared(b);
        var iap = policy.entries().keySet().stream().filter(k -> k.kind().equals(IamTransition.PolicyKey.IAP)).findFirst().orElseThrow();
        assertThat(policy.members(iap, new IamTransition.Entry(IAP_ROLE, "", "", ""))).isEmpty();
        assertThat(policy.members(iap, new IamTransition.Entry(IAP_ROLE, "until-2030", "temporary",
                "request.time < timestamp(\"2030-01-01T00:00:00Z\")"))).containsExactly("user:ada@example.com");
    }

    private static final String RUNTIME = "serviceAccount:run-hello@acme-demo.iam.gserviceaccount.com";

    @Test
    void aRuntimeRoleIsAnAdditiveMemberOfTheProjectsPolicy() {
        var plan = stack("runtimeRoles: [roles/cloudtrace.agent]\n" + accessors("additive", "user:ada@example.com"));

        var project = new IamTransition.PolicyKey(IamTransition.PolicyKey.PROJECT, "acme-demo", "", "acme-demo");
        assertThat(IamTransition.declared(plan).members(project, new IamTransition.Entry("roles/cloudtrace.agent", "", "", "")))
                .containsExactly(RUNTIME);
    }

    @Test
    void gainingOrLosingARuntimeRoleMergesOrRemovesOnlyThatMember() {
        var a = stack("runtimeRoles: [roles/cloudtrace.agent]\n" + accessors("additive", "user:ada@example.com"));
        var b = stack("runtimeRoles: [roles/cloudtrace.agent, roles/monitoring.metricWriter]\n" + accessors("additive", "user:ada@example.com"));

        assertThat(problems(a, b)).isEmpty();
        assertThat(problems(b, a)).isEmpty();
    }

    @Test
    void aRuntimeRoleWhoseGrantMovesToAnotherNameIsLostAtTheOldGrantsDelete() {
        var a = stack("runtimeRoles: [roles/cloudtrace.agent]\n" + accessors("additive", "user:ada@example.com"));
        var old = a.named(GcpTypes.PROJECT_IAM_MEMBER, "hello-role-cloudtrace.agent");
        // The same role for the same identity under a new name: created first (a no-op to IAM), the old one deleted last.
        var b = withResources(a, resources -> {
            resources.remove(old);
            resources.add(new Plan.PlannedResource(old.urn() + "-moved", old.type(), old.name() + "-moved", old.parent(), true,
                    old.inputs().deepCopy(), old.dependsOn(), false, "9.37.0"));
        });

        assertThat(problems(a, b)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Violation.LOST);
            assertThat(p.principal()).isEqualTo(RUNTIME);
            assertThat(p.policy().toString()).isEqualTo("project acme-demo");
            assertThat(p.step().urn()).isEqualTo(old.urn());
        });
        assertThat(IamTransition.verdict(a, b).stateDeletes()).containsExactly(old.urn());
    }

    @Test
    void aNewBindingAndNewMembersOnOneEntryCanLoseTheMembersBecauseTheirOrderIsUndefined() {
        var a = stack(accessors("authoritative", "user:ada@example.com"));
        var member = a.named(GcpTypes.IAP_WEB_RUN_IAM_BINDING, "hello-accessors");
        var inputs = member.inputs().deepCopy();
        inputs.remove("members");
        inputs.put("member", "user:bob@example.com");
        var extra = new Plan.PlannedResource(member.urn().replace(GcpTypes.IAP_WEB_RUN_IAM_BINDING, GcpTypes.IAP_WEB_RUN_IAM_MEMBER) + "-bob",
                GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-bob", member.parent(), true, inputs, member.dependsOn(), false, "9.37.0");
        var b = withResources(a, resources -> resources.add(extra));

        // Bob's member may merge before the binding is written without him; an unchanged binding is not written at all.
        assertThat(problems(withResources(a, List::clear), b)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Violation.LOST);
            assertThat(p.principal()).isEqualTo("user:bob@example.com");
            assertThat(p.step().description()).startsWith("the create of binding hello-accessors, which rewrites");
        });
        assertThat(problems(a, b)).isEmpty();
    }

    @Test
    void aRemovedServiceAndARenamedServiceLoseOnlyWhatTheNewStackNoLongerDeclares() {
        var a = TestPlans.runStack(ReviewFixtures.stackText(accessors("additive", "user:ada@example.com")));
        var renamed = TestPlans.runStack(ReviewFixtures.stackText(accessors("additive", "user:ada@example.com"))
                .replace("name: hello", "name: hello-two"));
        var empty = withResources(a, List::clear);

        assertThat(problems(a, renamed)).isEmpty();
        assertThat(problems(a, empty)).isEmpty();
    }

    @Test
    void aValueKnownOnlyAfterDeploymentIsTakenToEqualTheKnownOneOfTheSameResource() {
        var known = stack(accessors("additive", "user:ada@example.com"));
        var unknown = withResources(known, resources -> resources.replaceAll(r -> {
            if (!r.name().equals("hello-invoker-iap-agent")) {
                return r;
            }
            ObjectNode inputs = r.inputs().deepCopy();
            inputs.put("member", "[unknown]");
            return new Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs, r.dependsOn(), r.protect(), r.version());
        }));

        assertThat(problems(known, unknown)).isEmpty();
        assertThat(problems(unknown, known)).isEmpty();
        assertThat(problems(withResources(known, List::clear), unknown)).isEmpty();
    }

    @Test
    void aCloudRunServiceReplacedUnderTheSameNameTakesItsPoliciesWithIt() {
        var a = stack(accessors("authoritative", "user:ada@example.com"));
        var b = withResources(a, resources -> resources.replaceAll(r -> {
            if (!r.type().equals(GcpTypes.RUN_SERVICE)) {
                return r;
            }
            ObjectNode inputs = r.inputs().deepCopy();
            inputs.set("tags", JsonNodeFactory.instance.objectNode().put("team", "platform"));
            return new Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs, r.dependsOn(), r.protect(), r.version());
        }));

        assertThat(problems(a, b)).extracting(Problem::kind, Problem::principal).contains(
                tuple(Violation.LOST_MIDWAY, "user:ada@example.com"));
    }

    @Test
    void diffFlagsAModeSwitchAsAnUnsafeTransitionWithTheStateDeleteToRunFirst() {
        var a = stack(accessors("authoritative", "user:ada@example.com"));
        var b = stack(accessors("additive", "user:ada@example.com"));

        var binding = urnOf(a, GcpTypes.IAP_WEB_RUN_IAM_BINDING, "hello-accessors");
        assertThat(PlanDiff.between(a, b).findings()).filteredOn(f -> f.kind() == Finding.Kind.UNSAFE_ACCESS_TRANSITION)
                .singleElement().satisfies(f -> {
                    assertThat(f.service()).isEqualTo("hello");
                    assertThat(f.message()).contains("user:ada@example.com loses access although the new stack declares it")
                            .contains("the delete of binding hello-accessors (pulumi up deletes last, after every create and update) "
                                    + "drops the whole role+condition entry")
                            .contains("pulumi state delete '" + binding + "'");
                });
    }

    @Test
    void diffSaysWhatToDoInsteadWhenNoStateDeleteMakesTheSwitchSafe() {
        var a = stack(accessors("authoritative", "user:ada@example.com, group:ops@example.com"));
        var b = stack(accessors("additive", "user:ada@example.com"));

        assertThat(IamTransition.verdict(a, b).stateDeletes()).isEmpty();
        assertThat(PlanDiff.between(a, b).findings()).filteredOn(f -> f.kind() == Finding.Kind.UNSAFE_ACCESS_TRANSITION)
                .singleElement().extracting(Finding::message).asString()
                .contains("No single update keeps access here").doesNotContain("pulumi state delete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void aBundledStackIsSafeFromEmptyAndAgainstItself(String name) {
        var plan = TestPlans.bundled(name).synth();

        assertThat(problems(withResources(plan, List::clear), plan)).isEmpty();
        assertThat(problems(plan, plan)).isEmpty();
        assertThat(IamTransition.declared(plan).entries()).isNotEmpty();
    }

    @Test
    void modelsEveryGrantOfEveryTypeThatGrantsARole() {
        var seen = new HashSet<String>();
        for (var name : List.of("dev", "staging", "prod")) {
            var plan = TestPlans.bundled(name).synth();
            var grants = plan.resources().stream().filter(r -> GcpTypes.IAM_GRANTS.contains(r.type())).toList();
            grants.forEach(r -> seen.add(r.type()));

            assertThat(IamTransition.iamResources(plan, java.util.Optional.empty()).keySet()).as(name)
                    .containsExactlyInAnyOrderElementsOf(grants.stream().map(Plan.PlannedResource::urn).toList());
        }
        // Every type is met in the bundled stacks, so none can be left out of the model unnoticed.
        assertThat(seen).containsExactlyInAnyOrderElementsOf(GcpTypes.IAM_GRANTS);
    }
}
