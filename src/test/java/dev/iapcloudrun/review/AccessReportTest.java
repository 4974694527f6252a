package dev.iapcloudrun.review;

import dev.iapcloudrun.TestPlans;
import dev.iapcloudrun.components.Roles;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.iapcloudrun.review.ReviewFixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;

class AccessReportTest {

    static AccessReport bundledStacks() {
        return new AccessReport(List.of("dev", "staging", "prod").stream()
                .map(stack -> AccessReport.Environment.of(TestPlans.bundled(stack).synth())).toList());
    }

    @Test
    void listsEveryGrantOfEveryEnvironmentWithItsKindAndCondition() {
        var markdown = bundledStacks().markdown();

        assertThat(markdown).contains("## prod: project `acme-portal-prod`, europe-west1",
                "| partner-portal | domain:partners.example | IAP accessor | authoritative | partner-contract-2027: "
                        + "`request.time < timestamp(\"2028-01-01T00:00:00Z\")` |",
                "| orders-api | serviceAccount:billing-worker@acme-portal-dev.iam.gserviceaccount.com | Cloud Run invoker | additive | none |",
                "| orders-api | user:lena.hofmann@acme.example | IAP accessor | additive | none |",
                "- `orders-api`: IAP on, ingress internal and load balancer");
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

        var report = new AccessReport(List.of(AccessReport.Environment.of(plan)));

        assertThat(report.markdown()).contains("- `hello`: IAP on, ingress all, IAP agent cannot invoke it");
        assertThat(Jsoup.parse(report.html()).select("th[data-service=hello] .status.off").text())
                .isEqualTo("IAP on, ingress all, IAP agent cannot invoke it");
    }

    @Test
    void htmlHasOneMatrixOfPrincipalsAndServicesPerEnvironment() {
        var page = Jsoup.parse(bundledStacks().html());

        assertThat(page.select("section").eachAttr("data-stack")).containsExactly("dev", "staging", "prod");
        var prod = page.selectFirst("section[data-stack=prod] table");
        assertThat(prod.select("thead th[data-service]").eachAttr("data-service")).containsExactly("orders-api", "partner-portal");
        assertThat(prod.select("tbody tr").eachAttr("data-principal")).containsExactly("domain:partners.example",
                "group:orders-oncall@acme.example", "group:partner-success@acme.example",
                "serviceAccount:partner-portal-backend@acme-portal-prod.iam.gserviceaccount.com");
        var partners = prod.selectFirst("tr[data-principal=domain:partners.example] td[data-service=partner-portal]");
        assertThat(partners.ownText()).isEqualTo("IAP accessor, authoritative");
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

        var html = new AccessReport(List.of(AccessReport.Environment.of(plan))).html();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a&amp;b");
    }

    @Test
    void grantsKeepTheRoleOfEachResource() {
        assertThat(Grants.of(TestPlans.bundled("dev").synth())).extracting(Grants.Grant::role)
                .containsOnly(Roles.IAP_ACCESSOR, Roles.RUN_INVOKER);
    }
}
