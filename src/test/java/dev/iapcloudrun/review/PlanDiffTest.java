package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.review.Finding.Kind;
import dev.iapcloudrun.review.PlanDiff.Action;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.iapcloudrun.review.ReviewFixtures.ADDITIVE;
import static dev.iapcloudrun.review.ReviewFixtures.AUTHORITATIVE;
import static dev.iapcloudrun.review.ReviewFixtures.stack;
import static dev.iapcloudrun.review.ReviewFixtures.stackText;
import static dev.iapcloudrun.review.ReviewFixtures.withResources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlanDiffTest {

    private static List<Kind> kinds(PlanDiff diff) {
        return diff.findings().stream().map(Finding::kind).toList();
    }

    @Test
    void findsNothingBetweenTwoRunsOfTheSameStack() {
        var diff = PlanDiff.between(TestPlans.bundled("prod").synth(), TestPlans.bundled("prod").synth());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.findings()).isEmpty();
    }

    @Test
    void showsANewAccessorAsAnAddedMemberAndAnAccessGrant() {
        var diff = PlanDiff.between(stack(ADDITIVE), stack(ADDITIVE.replace("[user:ada@example.com]", "[user:ada@example.com, user:bob@example.com]")));

        assertThat(diff.changes()).extracting(PlanDiff.ResourceChange::action, PlanDiff.ResourceChange::name)
                .containsExactly(tuple(Action.ADD, "hello-accessors-user:bob@example.com"));
        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_GRANTED);
            assertThat(f.service()).isEqualTo("hello");
            assertThat(f.message()).isEqualTo("user:bob@example.com gains roles/iap.httpsResourceAccessor on hello (additive, no condition)");
        });
    }

    @Test
    void updatesAServiceInPlaceWhenOnlyTheImageChanges() {
        var diff = PlanDiff.between(stack(ADDITIVE), TestPlans.runStack(stackText(ADDITIVE).replace("hello:1", "hello:2")));

        var change = diff.change(serviceUrn(diff, "hello")).orElseThrow();
        assertThat(change.action()).isEqualTo(Action.UPDATE);
        assertThat(change.properties()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("template.containers[0].image");
            assertThat(p.before().asText()).endsWith("hello:1");
            assertThat(p.after().asText()).endsWith("hello:2");
            assertThat(p.replaces()).isFalse();
        });
        assertThat(diff.findings()).isEmpty();
    }

    @Test
    void replacesTheServiceWhenItMovesRegionAndWarnsThatItIsProtected() {
        var base = stack(ADDITIVE);
        var head = TestPlans.runStack(stackText(ADDITIVE).replace("region: europe-west1", "region: europe-west4"));

        var diff = PlanDiff.between(base, head);

        var service = diff.change(serviceUrn(diff, "hello")).orElseThrow();
        assertThat(service.action()).isEqualTo(Action.REPLACE);
        assertThat(service.replacedBecause()).containsExactly("location");
        assertThat(diff.findings()).filteredOn(f -> f.kind() == Kind.PROTECTED_RESOURCE_REPLACED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("hello", "deletionProtection: false"));
        // Every IAM member names the location, and every input of a member forces a new one.
        assertThat(diff.changes()).filteredOn(c -> c.type().equals(GcpTypes.IAP_WEB_RUN_IAM_MEMBER))
                .extracting(PlanDiff.ResourceChange::action).containsOnly(Action.REPLACE);
    }

    @Test
    void updatesAnAuthoritativeBindingInPlaceWhenMembersChange() {
        var diff = PlanDiff.between(stack(AUTHORITATIVE), stack(AUTHORITATIVE.replace(", group:ops@example.com", "")));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.name()).isEqualTo("hello-accessors");
            assertThat(c.properties()).extracting(PlanDiff.PropertyChange::path).containsExactly("members");
        });
        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_REVOKED);
            assertThat(f.message()).startsWith("group:ops@example.com loses roles/iap.httpsResourceAccessor on hello");
        });
    }

    @Test
    void replacesABindingWhoseConditionChangesAndReportsTheChangedGrants() {
        var conditioned = AUTHORITATIVE + """
                  condition:
                    title: until-2027
                    expression: request.time < timestamp("2027-01-01T00:00:00Z")
                """;
        var diff = PlanDiff.between(stack(AUTHORITATIVE), stack(conditioned));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.REPLACE);
            assertThat(c.replacedBecause()).containsExactly("condition");
        });
        assertThat(diff.findings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_CHANGED);
            assertThat(f.message()).contains("from authoritative, no condition to authoritative, condition 'until-2027'");
        });
    }

    @Test
    void reportsAuthoritativeAccessorsTurnedAdditive() {
        var diff = PlanDiff.between(stack(AUTHORITATIVE), stack(AUTHORITATIVE.replace("authoritative", "additive")));

        assertThat(diff.changes()).extracting(PlanDiff.ResourceChange::action)
                .containsExactlyInAnyOrder(Action.DELETE, Action.ADD, Action.ADD);
        assertThat(diff.findings()).filteredOn(f -> f.kind() == Kind.ACCESS_CHANGED).extracting(Finding::message).containsExactly(
                "group:ops@example.com's roles/iap.httpsResourceAccessor on hello changes from authoritative, no condition to additive, no condition",
                "user:ada@example.com's roles/iap.httpsResourceAccessor on hello changes from authoritative, no condition to additive, no condition");
    }

    @Test
    void reportsIapSwitchedOffAndTheInvokerCheckDisabled() {
        var diff = PlanDiff.between(stack(ADDITIVE), stack("iap: false\npublic: true"));

        assertThat(kinds(diff)).startsWith(Kind.IAP_DISABLED, Kind.INVOKER_CHECK_DISABLED).contains(Kind.ACCESS_REVOKED);
    }

    @Test
    void reportsWidenedIngressButNotNarrowedIngress() {
        var internal = stack("ingress: internal\n" + ADDITIVE);
        var all = stack("ingress: all\n" + ADDITIVE);

        assertThat(PlanDiff.between(internal, all).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.INGRESS_WIDENED);
            assertThat(f.message()).isEqualTo("ingress of hello widens from INGRESS_TRAFFIC_INTERNAL_ONLY to INGRESS_TRAFFIC_ALL");
        });
        assertThat(PlanDiff.between(all, internal).findings()).isEmpty();
    }

    @Test
    void reportsDeletionProtectionRemoved() {
        var diff = PlanDiff.between(stack(ADDITIVE), stack("deletionProtection: false\n" + ADDITIVE));

        assertThat(kinds(diff)).containsExactly(Kind.DELETION_PROTECTION_REMOVED);
    }

    @Test
    void reportsAProtectedServiceBeingDeleted() {
        var diff = PlanDiff.between(stack(ADDITIVE), TestPlans.runStack("""
                project: acme-demo
                projectNumber: "123456789012"
                region: europe-west1
                services:
                  - name: other
                    image: us-docker.pkg.dev/cloudrun/container/hello:1
                """));

        assertThat(kinds(diff)).contains(Kind.PROTECTED_RESOURCE_DELETED, Kind.ACCESS_REVOKED);
        // The agent's grant goes with its service: that is not a broken service.
        assertThat(diff.findings()).noneMatch(f -> f.message().contains("IAP service agent"));
    }

    @Test
    void reportsThePublicPrincipalOfAHandWrittenPlanFirst() {
        var base = stack(ADDITIVE);
        var member = base.named(GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com");
        var inputs = member.inputs().deepCopy().put("member", "allUsers");
        var head = withResources(base, resources -> resources.add(new Plan.PlannedResource(member.urn() + "-public", member.type(),
                member.name() + "-public", member.parent(), true, inputs, member.dependsOn(), false, "")));

        var diff = PlanDiff.between(base, head);

        assertThat(diff.findings().get(0).kind()).isEqualTo(Kind.PUBLIC_PRINCIPAL);
        assertThat(diff.findings().get(0).message()).startsWith("allUsers gains roles/iap.httpsResourceAccessor on hello");
    }

    @Test
    void reportsTheIapAgentLosingItsInvokerGrantOnAServiceThatStays() {
        var base = stack(ADDITIVE);
        var head = withResources(base, resources -> resources.removeIf(r -> r.name().equals("hello-invoker-iap-agent")));

        var diff = PlanDiff.between(base, head);

        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_REVOKED);
            assertThat(f.message()).startsWith("the IAP service agent loses roles/run.invoker on hello");
        });
    }

    @Test
    void reportsAChangedOAuthClientWithoutRevealingTheSecret() {
        var base = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", "GOCSPX-old-secret-value")).synth();
        var head = TestPlans.bundled("prod", Map.of("iap-cloudrun:iapOauthClientSecret", "GOCSPX-new-secret-value")).synth();

        assertThat(PlanDiff.between(base, head).isEmpty()).as("a changed secret shows only as its marker").isTrue();

        var diff = PlanDiff.between(base, withResources(head, resources -> resources.replaceAll(r ->
                r.type().equals(GcpTypes.IAP_SETTINGS) ? withLoginHint(r, "example.org") : r)));

        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.OAUTH_SETTINGS_CHANGED);
            assertThat(f.message()).endsWith("change: accessSettings.oauthSettings.loginHint");
        });
        for (var format : DiffFormat.values()) {
            assertThat(format.render(diff, "rerun")).contains("example.org").doesNotContain("GOCSPX-");
        }
    }

    private static Plan.PlannedResource withLoginHint(Plan.PlannedResource r, String hint) {
        ObjectNode inputs = r.inputs().deepCopy();
        ((ObjectNode) inputs.path("accessSettings").path("oauthSettings")).put("loginHint", hint);
        return new Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs, r.dependsOn(), r.protect(), r.version());
    }

    private static String serviceUrn(PlanDiff diff, String name) {
        return diff.changes().stream().filter(c -> c.type().equals(GcpTypes.RUN_SERVICE) && c.name().equals(name))
                .findFirst().orElseThrow().urn();
    }
}
