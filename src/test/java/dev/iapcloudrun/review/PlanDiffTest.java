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

    /** A plan in which the member of every additive accessor grant is written as {@code member}, as older plans sent it. */
    private static Plan withAccessorMemberWrittenAs(Plan plan, String member) {
        return withResources(plan, resources -> resources.replaceAll(r -> {
            if (!r.type().equals(GcpTypes.IAP_WEB_RUN_IAM_MEMBER)) {
                return r;
            }
            var inputs = r.inputs().deepCopy();
            inputs.put("member", member);
            return new Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs, r.dependsOn(), r.protect(),
                    r.version(), r.aliases());
        }));
    }

    @Test
    void aMemberThatDiffersOnlyInTheCaseOfItsEmailIsNoChangeAsToTheProvider() {
        var written = withAccessorMemberWrittenAs(stack(ADDITIVE), "user:Ada@Example.com");

        var diff = PlanDiff.between(written, stack(ADDITIVE));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.findings()).isEmpty();
    }

    @Test
    void aMemberWhoseEmailReallyChangesIsStillAReplacement() {
        var other = withAccessorMemberWrittenAs(stack(ADDITIVE), "user:adam@example.com");

        var diff = PlanDiff.between(other, stack(ADDITIVE));

        assertThat(diff.changes()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo(PlanDiff.Action.REPLACE));
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
    void reviewsVolumesAddedToAServiceWithTheirGrants() {
        var base = stack(ADDITIVE);
        var head = stack(ADDITIVE + """
                volumes:
                  secrets: {/etc/hello/tls/tls.key: {secret: hello-tls-key, version: "2"}}
                  cloudSqlInstances: [acme-demo:europe-west1:hello-db, acme-data:europe-west1:warehouse]
                """);

        var diff = PlanDiff.between(base, head);

        assertThat(diff.changes()).extracting(PlanDiff.ResourceChange::action, PlanDiff.ResourceChange::name).containsExactlyInAnyOrder(
                tuple(Action.UPDATE, "hello"), tuple(Action.ADD, "hello-secret-hello-tls-key"),
                tuple(Action.ADD, "hello-role-cloudsql.client"), tuple(Action.ADD, "hello-role-cloudsql.client-acme-data"));
        assertThat(IamTransition.check(base, head, java.util.Set.of())).isEmpty();
        assertThat(Grants.of(head)).as("the accessor grant, read past the new resource types").containsAll(Grants.of(base));
        assertThat(new AccessReport(List.of(ReviewFixtures.environment(head))).markdown()).contains("hello-tls-key");
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
            assertThat(f.message()).endsWith("from authoritative, no condition to authoritative for condition 'until-2027' only");
            assertThat(f.conditions()).containsExactly(new Finding.ConditionRef("hello", new Grants.Condition("until-2027",
                    "request.time < timestamp(\"2027-01-01T00:00:00Z\")"), Finding.Side.HEAD));
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
            assertThat(f.message()).isEqualTo("ingress of hello widens from internal to all");
        });
        assertThat(PlanDiff.between(all, internal).findings()).isEmpty();
    }

    @Test
    void reportsDeletionProtectionRemoved() {
        var diff = PlanDiff.between(stack(ADDITIVE), stack("deletionProtection: false\n" + ADDITIVE));

        assertThat(kinds(diff)).containsExactly(Kind.DELETION_PROTECTION_REMOVED);
    }

    @Test
    void reportsBinaryAuthorizationSwitchedOffWithThePolicyThatNoLongerApplies() {
        var named = stack("binaryAuthorization: {policy: strict-images}\n" + ADDITIVE);
        var none = stack(ADDITIVE);

        assertThat(PlanDiff.between(named, none).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.BINARY_AUTHORIZATION_DISABLED);
            assertThat(f.kind().id).isEqualTo("binary-authorization-disabled");
            assertThat(f.service()).isEqualTo("hello");
            assertThat(f.message()).isEqualTo("Binary Authorization is switched off on hello: its images are no longer checked against "
                    + "projects/acme-demo/platforms/cloudRun/strict-images when a revision is deployed");
        });
        assertThat(PlanDiff.between(stack("binaryAuthorization: {policy: default}\n" + ADDITIVE), none).findings())
                .extracting(Finding::message).containsExactly("Binary Authorization is switched off on hello: its images are no "
                        + "longer checked against the project's default policy when a revision is deployed");
        assertThat(PlanDiff.between(none, named).findings()).as("switching it on is no finding").isEmpty();
        assertThat(PlanDiff.between(named, stack("binaryAuthorization: {policy: default}\n" + ADDITIVE)).findings())
                .as("another policy still enforces").isEmpty();
    }

    @Test
    void reportsABreakglassJustificationWhenItAppearsOrChanges() {
        var enforced = stack("binaryAuthorization: {policy: default}\n" + ADDITIVE);
        var breakglass = stack("binaryAuthorization: {policy: default, breakglassJustification: INC-4711}\n" + ADDITIVE);

        assertThat(PlanDiff.between(enforced, breakglass).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.BREAKGLASS);
            assertThat(f.message()).isEqualTo("hello is deployed with Binary Authorization's breakglass (\"INC-4711\"): images its "
                    + "policy would refuse are deployed");
        });
        assertThat(kinds(PlanDiff.between(breakglass, stack("binaryAuthorization: {policy: default, breakglassJustification: INC-4712}\n"
                + ADDITIVE)))).containsExactly(Kind.BREAKGLASS);
        assertThat(PlanDiff.between(breakglass, enforced).findings()).as("breakglass ending is no finding").isEmpty();
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

    @Test
    void removingTheDeclaredProjectNumberIsNeitherALossNorAReplacementOfTheIapAgentsGrant() {
        var declared = stack(ADDITIVE);
        var lookedUp = TestPlans.runStack(stackText(ADDITIVE).replace("projectNumber: \"123456789012\"\n", ""));
        assertThat(lookedUp.named(GcpTypes.RUN_SERVICE_IAM_MEMBER, "hello-invoker-iap-agent").inputs().path("member").asText())
                .as("without a number the agent's address is known only after deployment").isEqualTo("[unknown]");

        for (var diff : List.of(PlanDiff.between(declared, lookedUp), PlanDiff.between(lookedUp, declared))) {
            assertThat(diff.findings()).isEmpty();
            assertThat(diff.changes()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("hello-invoker-iap-agent");
                assertThat(c.action()).isEqualTo(Action.UPDATE);
            });
            assertThat(DiffFormat.TEXT.render(diff, "rerun")).contains("member: ", "(known after deployment)")
                    .doesNotContain("replaced", "loses");
        }
    }

    @Test
    void anUnknownValueIsStillAReplacementWhereTheKnownOneIsNotTheProjectsOwnAgent() {
        var base = stack(ADDITIVE);
        var head = withResources(base, resources -> resources.replaceAll(r -> r.name().equals("hello-accessors-user:ada@example.com")
                ? withInput(r, "member", "[unknown]") : r));

        var diff = PlanDiff.between(base, head);

        assertThat(diff.changes()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo(Action.REPLACE));
    }

    @Test
    void aGrantToAnotherProjectsIapAgentIsShownAsAnOrdinaryGrant() {
        var base = stack(ADDITIVE);
        var accessor = base.named(GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com");
        var other = "serviceAccount:service-999999999999@gcp-sa-iap.iam.gserviceaccount.com";
        var head = withResources(base, resources -> resources.add(new Plan.PlannedResource(accessor.urn() + "-other", accessor.type(),
                accessor.name() + "-other", accessor.parent(), true, accessor.inputs().deepCopy().put("member", other),
                accessor.dependsOn(), false, "")));

        var diff = PlanDiff.between(base, head);

        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_GRANTED);
            assertThat(f.message()).startsWith(other + " gains roles/iap.httpsResourceAccessor on hello");
        });
    }

    @Test
    void anInvokerOfAnIapServiceIsNotReportedAsAccess() {
        var invoker = "invokers: [serviceAccount:caller@acme-demo.iam.gserviceaccount.com]\n";

        var behindIap = PlanDiff.between(stack(ADDITIVE), stack(invoker + ADDITIVE));
        var withoutIap = PlanDiff.between(stack("iap: false\n"), stack("iap: false\n" + invoker));

        assertThat(behindIap.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.INVOKER_BEHIND_IAP);
            assertThat(f.message()).contains("gains roles/run.invoker on hello", "does not pass IAP", "needs IAP access (an accessor)");
        });
        assertThat(withoutIap.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_GRANTED);
            assertThat(f.message()).startsWith("serviceAccount:caller@acme-demo.iam.gserviceaccount.com gains roles/run.invoker on hello");
        });
    }

    @Test
    void switchingIapOffNamesTheInvokersWhoCanNowCallTheService() {
        var invoker = "invokers: [serviceAccount:caller@acme-demo.iam.gserviceaccount.com]\n";

        var diff = PlanDiff.between(stack(invoker + ADDITIVE), stack("iap: false\n" + invoker));

        assertThat(diff.findings()).filteredOn(f -> f.kind() == Kind.IAP_DISABLED).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("its invokers can call it directly: serviceAccount:caller@acme-demo.iam.gserviceaccount.com"));
    }

    @Test
    void flagsAServiceThatGainsASecretOfAnotherProject() {
        var own = "secrets:\n  DB_PASSWORD: {secret: db-password}\n";
        var prod = "secrets:\n  DB_PASSWORD: {secret: projects/acme-prod/secrets/db-password}\n";

        var diff = PlanDiff.between(stack(own + ADDITIVE), stack(prod + ADDITIVE));

        assertThat(diff.findings()).extracting(Finding::kind, Finding::service, Finding::message).containsExactly(
                tuple(Kind.CROSS_PROJECT_SECRET, "hello", "the runtime identity of hello (serviceAccount:run-hello@acme-demo.iam"
                        + ".gserviceaccount.com) gains roles/secretmanager.secretAccessor on the secret "
                        + "projects/acme-prod/secrets/db-password, a secret of another project than this stack's (acme-demo)"),
                tuple(Kind.ACCESS_REVOKED, "hello", "the runtime identity of hello (serviceAccount:run-hello@acme-demo.iam"
                        + ".gserviceaccount.com) loses roles/secretmanager.secretAccessor on the secret projects/acme-demo/secrets/db-password"));
    }

    @Test
    void reportsASecretOfTheStacksOwnProjectGainedByARuntimeIdentity() {
        var diff = PlanDiff.between(stack(ADDITIVE), stack("secrets:\n  DB_PASSWORD: {secret: db-password}\n" + ADDITIVE));

        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_GRANTED);
            assertThat(f.message()).endsWith("gains roles/secretmanager.secretAccessor on the secret projects/acme-demo/secrets/db-password");
        });
    }

    @Test
    void reportsAProjectRoleGainedOrLostByARuntimeIdentityAsAccessGrantedOrRevoked() {
        var diff = PlanDiff.between(stack("runtimeRoles: [roles/cloudtrace.agent]\n" + ADDITIVE),
                stack("runtimeRoles: [roles/monitoring.metricWriter]\n" + ADDITIVE));

        assertThat(diff.findings()).extracting(Finding::kind, Finding::service, Finding::message).containsExactly(
                tuple(Kind.ACCESS_GRANTED, "hello", "the runtime identity of hello (serviceAccount:run-hello@acme-demo.iam"
                        + ".gserviceaccount.com) gains roles/monitoring.metricWriter on the project acme-demo"),
                tuple(Kind.ACCESS_REVOKED, "hello", "the runtime identity of hello (serviceAccount:run-hello@acme-demo.iam"
                        + ".gserviceaccount.com) loses roles/cloudtrace.agent on the project acme-demo"));
    }

    @Test
    void reportsAProjectRoleOfARuntimeIdentityThatAnotherPartOfTheStackGrants() {
        var base = stack("runtimeRoles: [roles/cloudtrace.agent]\n" + ADDITIVE);
        // Cloud SQL's client role, granted to the identity by another component under the same naming.
        var head = withResources(base, resources -> {
            var trace = resources.stream().filter(r -> r.name().equals("hello-role-cloudtrace.agent")).findFirst().orElseThrow();
            var inputs = trace.inputs().deepCopy();
            inputs.put("role", "roles/cloudsql.client");
            resources.add(new Plan.PlannedResource(trace.urn().replace("cloudtrace.agent", "cloudsql.client"), trace.type(),
                    "hello-role-cloudsql.client", trace.parent(), true, inputs, List.of(), false, "9.37.0"));
        });

        assertThat(PlanDiff.between(base, head).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_GRANTED);
            assertThat(f.service()).isEqualTo("hello");
            assertThat(f.message()).endsWith("gains roles/cloudsql.client on the project acme-demo");
        });
    }

    @Test
    void namesTheServiceWhoseRuntimeIdentityGainsARole() {
        var diff = PlanDiff.between(stack("iap: false\n"),
                stack("iap: false\ninvokers: [serviceAccount:run-hello@acme-demo.iam.gserviceaccount.com]\n"));

        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ACCESS_GRANTED);
            assertThat(f.message()).startsWith("serviceAccount:run-hello@acme-demo.iam.gserviceaccount.com (runtime identity of hello) "
                    + "gains roles/run.invoker on hello");
        });
    }

    @Test
    void flagsAServiceThatNowRunsAsTheDefaultComputeAccount() {
        var base = stack(ADDITIVE);
        var head = withResources(base, resources -> resources.replaceAll(r -> r.type().equals(GcpTypes.RUN_SERVICE)
                ? withTemplateAccount(r, "123456789012-compute@developer.gserviceaccount.com") : r));

        var diff = PlanDiff.between(base, head);

        assertThat(diff.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.DEFAULT_COMPUTE_IDENTITY);
            assertThat(f.message()).isEqualTo("hello now runs as 123456789012-compute@developer.gserviceaccount.com (default "
                    + "Compute Engine account), which may hold Editor on the project; it ran as run-hello@acme-demo.iam.gserviceaccount.com");
        });
    }

    @Test
    void reportsARuntimeIdentityChangeAndTheSecretGrantItTakesAway() {
        var secret = "secrets:\n  DB_PASSWORD: {secret: db-password}\n";

        var diff = PlanDiff.between(stack(secret + ADDITIVE), stack("serviceAccount: app@acme-demo.iam.gserviceaccount.com\n" + secret + ADDITIVE));

        assertThat(diff.findings()).extracting(Finding::kind).containsExactly(Kind.ACCESS_REVOKED, Kind.RUNTIME_IDENTITY_CHANGED);
        assertThat(diff.findings().get(1).message()).isEqualTo("the runtime identity of hello changes from "
                + "run-hello@acme-demo.iam.gserviceaccount.com to app@acme-demo.iam.gserviceaccount.com: what it can reach is now what "
                + "the new identity holds");
    }

    private static Plan.PlannedResource withInput(Plan.PlannedResource r, String key, String value) {
        return new Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), r.inputs().deepCopy().put(key, value),
                r.dependsOn(), r.protect(), r.version());
    }

    private static Plan.PlannedResource withTemplateAccount(Plan.PlannedResource r, String email) {
        ObjectNode inputs = r.inputs().deepCopy();
        ((ObjectNode) inputs.path("template")).put("serviceAccount", email);
        return new Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs, r.dependsOn(), r.protect(), r.version());
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

    private static final String ADOPTED = ADDITIVE + "adopt: true\n";

    private static Plan nothing() {
        return withResources(stack(ADDITIVE), List::clear);
    }

    @Test
    void showsEachAdoptedResourceAsAnImportWithItsIdAndWhatItCreatesAsAdditions() {
        var diff = PlanDiff.between(nothing(), stack(ADOPTED));

        assertThat(diff.changes()).filteredOn(c -> c.action() == Action.IMPORT).extracting(PlanDiff.ResourceChange::type, PlanDiff.ResourceChange::name)
                .containsExactlyInAnyOrder(tuple(GcpTypes.RUN_SERVICE, "hello"), tuple("gcp:serviceaccount/account:Account", "hello-runtime"),
                        tuple(GcpTypes.RUN_SERVICE_IAM_MEMBER, "hello-invoker-iap-agent"),
                        tuple(GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com"));
        assertThat(diff.changes()).filteredOn(c -> c.action() == Action.ADD).extracting(PlanDiff.ResourceChange::type)
                .as("the project's APIs and IAP agent are created, as they are idempotent to create").contains("gcp:projects/service:Service")
                .doesNotContain(GcpTypes.RUN_SERVICE, GcpTypes.RUN_SERVICE_IAM_MEMBER, GcpTypes.IAP_WEB_RUN_IAM_MEMBER);
        var service = diff.changes().stream().filter(c -> c.type().equals(GcpTypes.RUN_SERVICE)).findFirst().orElseThrow();
        assertThat(service.properties().get(0).path()).isEqualTo(PlanDiff.IMPORT_ID);
        assertThat(service.properties().get(0).after().asText()).isEqualTo("projects/acme-demo/locations/europe-west1/services/hello");
        assertThat(DiffFormat.summary(diff)).endsWith(", 4 to import");
        assertThat(DiffFormat.text(diff)).contains("= " + GcpTypes.RUN_SERVICE + " hello (adopted: import projects/acme-demo/locations/europe-west1/services/hello)");
    }

    @Test
    void turningAdoptOffAfterTheFirstUpChangesNothing() {
        var diff = PlanDiff.between(stack(ADOPTED), stack(ADDITIVE));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.findings()).isEmpty();
    }

    @Test
    void aStackThatAdoptsNothingKeepsItsSummaryWithoutImports() {
        var diff = PlanDiff.between(nothing(), stack(ADDITIVE));

        assertThat(diff.count(Action.IMPORT)).isZero();
        assertThat(DiffFormat.summary(diff)).doesNotContain("import");
        assertThat(DiffFormat.JSON.render(diff, "")).doesNotContain("\"import\"");
    }
}
