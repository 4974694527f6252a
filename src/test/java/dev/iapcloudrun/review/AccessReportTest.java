package dev.iapcloudrun.review;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.synth.Plan;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.iapcloudrun.review.ReviewFixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;

class AccessReportTest {

    static AccessReport bundledStacks() {
        return new AccessReport(List.of("dev", "staging", "prod").stream()
                .map(AccessReportTest::bundled).toList());
    }

    /** A bundled stack as the access command sees it: its plan, and the audience its stack file declares. */
    static AccessReport.Environment bundled(String stack) {
        var file = "stacks/" + stack + ".yaml";
        var audience = StackFileReader.read(Path.of(file), file, StackFileReader.Defaults.NONE).audience();
        return AccessReport.Environment.of(TestPlans.bundled(stack).synth(), audience);
    }

    @Test
    void listsEveryGrantOfEveryEnvironmentWithItsKindAndCondition() {
        var markdown = bundledStacks().markdown();

        assertThat(markdown).contains("## prod: project `acme-portal-prod`, europe-west1",
                "| partner-portal | domain:partners.example | IAP accessor | authoritative for condition 'partner-contract-2027' "
                        + "only | partner-contract-2027: `request.time < timestamp(\"2028-01-01T00:00:00Z\")` |",
                "| orders-api | serviceAccount:billing-worker@acme-portal-dev.iam.gserviceaccount.com | IAP accessor | additive | none |",
                "| orders-api | user:lena.hofmann@acme.example | IAP accessor | additive | none |",
                "- `orders-api`: IAP on, ingress internal-and-cloud-load-balancing");
        assertThat(markdown.indexOf("## dev:")).isLessThan(markdown.indexOf("## staging:"));
    }

    @Test
    void showsTheIapAgentAsAPropertyOfTheServiceNotAsSomeoneWithAccess() {
        var report = bundledStacks();

        assertThat(report.markdown()).doesNotContain("gcp-sa-iap").doesNotContain("IAP agent cannot invoke");
        assertThat(report.environments()).allSatisfy(env -> assertThat(env.agentCanInvoke()).containsOnlyKeys(
                env.services().stream().map(Grants.ServiceSettings::service).toList()).doesNotContainValue(false));
    }

    @Test
    void flagsAServiceWhoseIapAgentCannotInvokeIt() {
        var plan = ReviewFixtures.withResources(stack(ReviewFixtures.ADDITIVE),
                resources -> resources.removeIf(r -> r.name().equals("hello-invoker-iap-agent")));

        var report = new AccessReport(List.of(ReviewFixtures.environment(plan)));

        assertThat(report.markdown()).contains("- `hello`: IAP on, ingress all, IAP agent cannot invoke it");
        assertThat(Jsoup.parse(report.html(Provenance.NOT_A_REPOSITORY)).select("th[data-service=hello] .status.off").text())
                .isEqualTo("IAP on, ingress all, IAP agent cannot invoke it");
    }

    @Test
    void htmlHasOneMatrixOfPrincipalsAndServicesPerEnvironment() {
        var page = Jsoup.parse(bundledStacks().html(Provenance.NOT_A_REPOSITORY));

        assertThat(page.select("section").eachAttr("data-stack")).containsExactly("dev", "staging", "prod");
        var prod = page.selectFirst("section[data-stack=prod] table");
        assertThat(prod.select("thead th[data-service]").eachAttr("data-service")).containsExactly("orders-api", "partner-portal");
        assertThat(prod.select("tbody tr").eachAttr("data-principal")).containsExactly("domain:partners.example",
                "group:orders-oncall@acme.example", "group:partner-success@acme.example",
                "serviceAccount:partner-portal-backend@acme-portal-prod.iam.gserviceaccount.com");
        var partners = prod.selectFirst("tr[data-principal=domain:partners.example] td[data-service=partner-portal]");
        assertThat(partners.ownText()).isEqualTo("IAP accessor, authoritative for condition 'partner-contract-2027' only");
        assertThat(partners.selectFirst(".condition").attr("title")).isEqualTo("request.time < timestamp(\"2028-01-01T00:00:00Z\")");
        assertThat(prod.selectFirst("tr[data-principal=domain:partners.example] td[data-service=orders-api]").hasClass("none")).isTrue();
    }

    @Test
    void escapesWhatTheStackFileSaysInHtml() {
        var plan = stack("""
                accessors:
                  mode: authoritative
                  members: [user:ada@example.com]
                  condition:
                    title: <script>alert(1)</script>
                    expression: request.host == "a&b"
                """);

        var html = new AccessReport(List.of(ReviewFixtures.environment(plan))).html(Provenance.NOT_A_REPOSITORY);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a&amp;b");
    }

    @Test
    void saysThatAConditionalAuthoritativeListLeavesUnconditionalGrantsAlone() {
        var markdown = bundledStacks().markdown();
        var prod = markdown.substring(markdown.indexOf("## prod:"));
        var dev = markdown.substring(markdown.indexOf("## dev:"), markdown.indexOf("## staging:"));

        assertThat(prod).contains("> An authoritative list with a condition is authoritative for that role and condition only: a grant "
                + "of the same role without the condition, made outside the stack, survives and is not shown here.");
        assertThat(dev).doesNotContain("authoritative for that role and condition only");
    }

    @Test
    void listsAnInvokerOfAnIapServiceAsNotPassingIapAndOfAServiceWithoutIapAsAccess() {
        var invoker = "invokers: [serviceAccount:caller@acme-demo.iam.gserviceaccount.com]\n";

        var behindIap = new AccessReport(List.of(ReviewFixtures.environment(stack(invoker + ReviewFixtures.ADDITIVE)))).markdown();
        var withoutIap = new AccessReport(List.of(ReviewFixtures.environment(stack("iap: false\n" + invoker)))).markdown();

        assertThat(behindIap).contains("| hello | serviceAccount:caller@acme-demo.iam.gserviceaccount.com | Cloud Run invoker "
                + "(does not pass IAP) | additive | none |", "A caller needs IAP access (an accessor row) and an ID token IAP accepts.");
        assertThat(withoutIap).contains("| hello | serviceAccount:caller@acme-demo.iam.gserviceaccount.com | Cloud Run invoker | additive | none |")
                .doesNotContain("does not pass IAP");
    }

    @Test
    void htmlShowsAnInvokerOfAnIapServiceApartFromAccess() {
        var invoker = "invokers: [serviceAccount:caller@acme-demo.iam.gserviceaccount.com]\n";

        var page = Jsoup.parse(new AccessReport(List.of(ReviewFixtures.environment(stack(invoker + ReviewFixtures.ADDITIVE)))).html(Provenance.NOT_A_REPOSITORY));

        var cell = page.selectFirst("tr[data-principal=serviceAccount:caller@acme-demo.iam.gserviceaccount.com] td[data-service=hello]");
        assertThat(cell.hasClass("inert")).isTrue();
        assertThat(cell.hasClass("grant")).isFalse();
        assertThat(cell.text()).isEqualTo("Cloud Run invoker (does not pass IAP), additive");
    }

    @Test
    void showsEachServicesRuntimeIdentityAndTheSecretsItCanReadFlaggingAnotherProjects() {
        var plan = stack("secrets:\n  A: {secret: db-password}\n  B: {secret: projects/acme-prod/secrets/api-key}\n"
                + ReviewFixtures.ADDITIVE);

        var report = new AccessReport(List.of(ReviewFixtures.environment(plan)));

        var line = "runs as run-hello@acme-demo.iam.gserviceaccount.com; project roles: none granted by this stack; "
                + "reads secrets: projects/acme-demo/secrets/db-password, "
                + "projects/acme-prod/secrets/api-key (ANOTHER PROJECT)";
        assertThat(report.markdown()).contains("- `hello`: IAP on, ingress all; " + line);
        assertThat(Jsoup.parse(report.html(Provenance.NOT_A_REPOSITORY)).select("th[data-service=hello] .identity.off").text()).isEqualTo(line);
    }

    @Test
    void showsWhatEachServicesIdentityMayDoInTheProjectWhoeverDeclaredTheRole() {
        var declared = stack("runtimeRoles: [roles/monitoring.metricWriter, roles/cloudtrace.agent]\n" + ReviewFixtures.ADDITIVE);
        // A project role of the identity that another part of the stack grants, as Cloud SQL's client role would be.
        var plan = ReviewFixtures.withResources(declared, resources -> {
            var trace = resources.stream().filter(r -> r.name().equals("hello-role-cloudtrace.agent")).findFirst().orElseThrow();
            var inputs = trace.inputs().deepCopy();
            inputs.put("role", "roles/cloudsql.client");
            resources.add(new Plan.PlannedResource(trace.urn().replace("cloudtrace.agent", "cloudsql.client"), trace.type(),
                    "hello-role-cloudsql.client", trace.parent(), true, inputs, List.of(), false, "9.37.0"));
        });

        var report = new AccessReport(List.of(ReviewFixtures.environment(plan)));

        var line = "runs as run-hello@acme-demo.iam.gserviceaccount.com; project roles: roles/cloudsql.client, roles/cloudtrace.agent, "
                + "roles/monitoring.metricWriter; reads secrets: none granted by this stack";
        assertThat(report.markdown()).contains("- `hello`: IAP on, ingress all; " + line);
        assertThat(Jsoup.parse(report.html(Provenance.NOT_A_REPOSITORY)).select("th[data-service=hello] .identity").text()).isEqualTo(line);
    }

    @Test
    void flagsAnAdminRoleOfAServicesIdentity() {
        var plan = TestPlans.runStack(ReviewFixtures.STACK.replace("services:", "policy:\n  allowAdminRoles: true\nservices:")
                .formatted(("runtimeRoles: [roles/storage.admin]\n" + ReviewFixtures.ADDITIVE).indent(4).stripTrailing()));

        var page = Jsoup.parse(new AccessReport(List.of(ReviewFixtures.environment(plan))).html(Provenance.NOT_A_REPOSITORY));

        assertThat(page.select("th[data-service=hello] .identity.off").text()).contains("project roles: roles/storage.admin (ADMIN);");
    }

    @Test
    void showsAServiceRunningAsTheDefaultComputeAccount() {
        var plan = ReviewFixtures.withResources(stack(ReviewFixtures.ADDITIVE), resources -> resources.replaceAll(r -> {
            if (!r.name().equals("hello") || !r.custom()) {
                return r;
            }
            var inputs = r.inputs().deepCopy();
            inputs.withObject("/template").remove("serviceAccount");
            return new dev.iapcloudrun.synth.Plan.PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), inputs,
                    r.dependsOn(), r.protect(), r.version());
        }));

        var report = new AccessReport(List.of(ReviewFixtures.environment(plan)));

        assertThat(report.markdown()).contains("runs as the project's default Compute Engine account (none set)");
    }

    @Test
    void treatsTheOwnAgentAsTheAgentWhenTheProjectNumberIsLookedUp() {
        var plan = TestPlans.runStack(ReviewFixtures.stackText(ReviewFixtures.ADDITIVE).replace("projectNumber: \"123456789012\"\n", ""));

        var env = ReviewFixtures.environment(plan);

        assertThat(env.agentCanInvoke()).containsEntry("hello", true);
        assertThat(env.grants()).extracting(Grants.Grant::role).containsExactly(Roles.IAP_ACCESSOR);
    }

    @Test
    void showsAGrantToAnotherProjectsIapAgentAsARow() {
        var base = stack(ReviewFixtures.ADDITIVE);
        var agent = base.named(dev.iapcloudrun.provider.gcp.GcpTypes.RUN_SERVICE_IAM_MEMBER, "hello-invoker-iap-agent");
        var other = "serviceAccount:service-999999999999@gcp-sa-iap.iam.gserviceaccount.com";
        var plan = ReviewFixtures.withResources(base, resources -> resources.add(new dev.iapcloudrun.synth.Plan.PlannedResource(
                agent.urn() + "-other", agent.type(), "hello-invoker-other", agent.parent(), true,
                agent.inputs().deepCopy().put("member", other), List.of(), false, "")));

        var report = new AccessReport(List.of(ReviewFixtures.environment(plan)));

        assertThat(report.markdown()).contains("| hello | " + DiffFormat.escape(other) + " | Cloud Run invoker (does not pass IAP) |");
    }

    @Test
    void showsAnAccessorGrantToTheProjectsOwnAgentAsARow() {
        var base = stack(ReviewFixtures.ADDITIVE);
        var accessor = base.named(dev.iapcloudrun.provider.gcp.GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "hello-accessors-user:ada@example.com");
        var own = "serviceAccount:service-123456789012@gcp-sa-iap.iam.gserviceaccount.com";
        var plan = ReviewFixtures.withResources(base, resources -> resources.add(new dev.iapcloudrun.synth.Plan.PlannedResource(
                accessor.urn() + "-agent", accessor.type(), "hello-accessors-agent", accessor.parent(), true,
                accessor.inputs().deepCopy().put("member", own), List.of(), false, "")));

        var report = new AccessReport(List.of(ReviewFixtures.environment(plan)));

        assertThat(report.markdown()).contains("| hello | " + DiffFormat.escape(own) + " | IAP accessor | additive | none |");
    }

    @Test
    void grantsKeepTheRoleOfEachResource() {
        assertThat(Grants.of(TestPlans.bundled("dev").synth())).extracting(Grants.Grant::role)
                .containsOnly(Roles.IAP_ACCESSOR, Roles.RUN_INVOKER);
    }

    @Test
    void saysPlainlyThatAServiceWithoutIapAndWithoutTheInvokerCheckIsPublicToAnyone() {
        var report = new AccessReport(List.of(ReviewFixtures.environment(stack("iap: false\npublic: true\n"))));

        assertThat(report.markdown()).contains("- `hello`: IAP OFF, ingress all, invoker check OFF: PUBLIC, anyone who reaches "
                + "its URL can call it, without signing in;");
        var page = Jsoup.parse(report.html(Provenance.NOT_A_REPOSITORY));
        assertThat(page.select("p.public[data-service=hello]").text()).isEqualTo("hello is public: anyone who reaches its URL can "
                + "call it, without signing in and without any grant (IAP off, invoker check off).");
        var anyone = page.selectFirst("section[data-stack=test] tbody tr.public");
        assertThat(anyone.attr("data-principal")).isEqualTo(AccessReport.ANYONE);
        assertThat(anyone.selectFirst("td[data-service=hello]").hasClass("public")).isTrue();
        assertThat(anyone.selectFirst("td[data-service=hello]").text()).isEqualTo("can call it: public, no sign-in");
    }

    @Test
    void addsNoPublicRowWhenNoServiceIsPublic() {
        var page = Jsoup.parse(new AccessReport(List.of(ReviewFixtures.environment(stack("iap: false\n")))).html(Provenance.NOT_A_REPOSITORY));

        assertThat(page.select("tr.public, p.public")).isEmpty();
    }

    @Test
    void showsEachStacksAudienceAndOAuthClientIdButNeverItsSecret() {
        var report = bundledStacks();

        var markdown = report.markdown();
        assertThat(markdown).contains("## dev: project `acme-portal-dev`, europe-west1\n\nAudience `internal`: users of the organization "
                + "sign in, through Google's managed OAuth client.\n");
        assertThat(markdown).contains("Audience `external`: users outside the organization sign in too, through OAuth client "
                + "905718264301-4k2q9m0r7vbt3d1e8s6p5n4c2a1f0g9h.apps.googleusercontent.com (for every service of the project).\n");
        var html = report.html(Provenance.NOT_A_REPOSITORY);
        var page = Jsoup.parse(html);
        assertThat(page.select("section[data-stack] p.audience").eachAttr("data-audience")).containsExactly("internal", "internal", "external");
        assertThat(page.selectFirst("section[data-stack=prod] p.audience").text()).contains("905718264301-4k2q9m0r7vbt3d1e8s6p5n4c2a1f0g9h.apps");
        assertThat(markdown + html).doesNotContain("[secret").doesNotContain("clientSecret");
    }

    @Test
    void namesTheServiceAnOAuthClientIsScopedTo() {
        var yaml = ReviewFixtures.stackText(ReviewFixtures.ADDITIVE) + """
                iap:
                  audience: no-organization
                  oauthClient:
                    clientId: 123-abc.apps.googleusercontent.com
                    clientSecretConfig: iapOauthClientSecret
                    scope: services
                """;
        var key = "iap-cloudrun:iapOauthClientSecret";
        var plan = TestPlans.runStack(yaml, java.util.Map.of(key, "v1:c2FsdHNhbHRzYWx0:Y2lwaGVydGV4dGNpcGhlcnRleHQ="), java.util.Set.of(key));

        var markdown = new AccessReport(List.of(AccessReport.Environment.of(plan, dev.iapcloudrun.spec.StackSpec.Audience.NO_ORGANIZATION))).markdown();

        assertThat(markdown).contains("Audience `no-organization`: the project has no organization; users sign in, through OAuth client "
                + "123-abc.apps.googleusercontent.com (for hello).");
    }

    @Test
    void htmlHasALegendOfEveryMarkItUses() {
        var page = Jsoup.parse(bundledStacks().html(Provenance.NOT_A_REPOSITORY));

        assertThat(page.select("aside.legend dt").eachText()).containsExactly("Green cell", "Grey cell", "—", "Red", "authoritative",
                "additive", "if TITLE", "Audience");
        assertThat(page.select("aside.legend dd")).hasSize(8).allSatisfy(dd -> assertThat(dd.text()).isNotBlank());
    }

    @Test
    void htmlNamesTheCommitAndDateItWasMadeFromAndUncommittedChanges() {
        var report = new AccessReport(List.of(ReviewFixtures.environment(stack(ReviewFixtures.ADDITIVE))));

        assertThat(Jsoup.parse(report.html(Provenance.of("0123456789abcdef0123456789abcdef01234567", "2026-11-24T09:30:00+01:00", true)))
                .selectFirst("p.provenance").text()).isEqualTo("Made from commit 0123456789abcdef0123456789abcdef01234567 "
                + "(committed 2026-11-24T09:30:00+01:00), with uncommitted changes.");
        assertThat(Jsoup.parse(report.html(Provenance.of("0123456789abcdef0123456789abcdef01234567", "2026-11-24T09:30:00+01:00", false)))
                .selectFirst("p.provenance").text()).endsWith("(committed 2026-11-24T09:30:00+01:00).");
        assertThat(Jsoup.parse(report.html(Provenance.NOT_A_REPOSITORY)).selectFirst("p.provenance").text())
                .isEqualTo("Made from a folder that is not in a git repository: no commit to name.");
        assertThat(report.html(Provenance.NOT_A_REPOSITORY)).isEqualTo(report.html(Provenance.NOT_A_REPOSITORY));
    }
}
