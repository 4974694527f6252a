package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.synth.Plan;
import org.junit.jupiter.api.Test;

import static dev.iapcloudrun.review.ReviewFixtures.ADDITIVE;
import static dev.iapcloudrun.review.ReviewFixtures.stack;
import static dev.iapcloudrun.review.ReviewFixtures.withResources;
import static org.assertj.core.api.Assertions.assertThat;

class DiffFormatTest {

    private static final Plan BASE = stack(ADDITIVE);
    private static final Plan HEAD = stack("ingress: internal\n" + ADDITIVE.replace("[user:ada@example.com]", "[user:ada_lovelace@example.com]"));
    private static final PlanDiff DIFF = PlanDiff.between(BASE, HEAD);

    @Test
    void textPutsSecurityChangesBeforeResourceChanges() {
        var text = DiffFormat.TEXT.render(DIFF, "rerun");

        assertThat(text).startsWith("Stack test: 1 to add, 1 to update, 0 to replace, 1 to delete.\n");
        assertThat(text.indexOf("Security-relevant changes:")).isLessThan(text.indexOf("Resource changes:"));
        assertThat(text).contains("  ! access-granted: user:ada_lovelace@example.com gains roles/iap.httpsResourceAccessor on hello (additive, no condition)",
                "  ! access-revoked: user:ada@example.com loses");
    }

    @Test
    void showsIngressInTheStackFilesWordsThenTheApis() {
        var widened = PlanDiff.between(HEAD, stack(ADDITIVE));

        assertThat(DiffFormat.TEXT.render(widened, "rerun")).contains(
                "  ! ingress-widened: ingress of hello widens from internal to all\n",
                "  ~ gcp:cloudrunv2/service:Service hello\n      ingress: internal → all (INGRESS_TRAFFIC_INTERNAL_ONLY → INGRESS_TRAFFIC_ALL)\n");
        assertThat(DiffFormat.MARKDOWN.render(widened, "rerun")).contains(
                "- **ingress-widened**: ingress of hello widens from internal to all\n",
                "    ingress: internal → all (INGRESS_TRAFFIC_INTERNAL_ONLY → INGRESS_TRAFFIC_ALL)\n");
    }

    private static final String CONDITIONED = """
            accessors:
              mode: authoritative
              members: [user:ada@example.com, group:ops@example.com, group:qa@example.com]
              condition:
                title: until-2027
                expression: request.time < timestamp("2027-01-01T00:00:00Z")
            """;

    @Test
    void showsAConditionsExpressionOnceForEveryFindingThatNamesIt() {
        var diff = PlanDiff.between(stack(ReviewFixtures.AUTHORITATIVE), stack(CONDITIONED));
        var expression = "request.time < timestamp(\"2027-01-01T00:00:00Z\")";

        var text = DiffFormat.TEXT.render(diff, "rerun");
        assertThat(text).contains("  ! access-granted: group:qa@example.com gains roles/iap.httpsResourceAccessor on hello "
                        + "(authoritative for condition 'until-2027' only)\n",
                "  ! access-changed: user:ada@example.com's roles/iap.httpsResourceAccessor on hello changes from authoritative, "
                        + "no condition to authoritative for condition 'until-2027' only\n",
                "  Conditions named above:\n    'until-2027' on hello: " + expression + "\n\nResource changes:");
        assertThat(text.substring(0, text.indexOf("Resource changes:")).split(java.util.regex.Pattern.quote(expression), -1)).hasSize(2);

        var markdown = DiffFormat.MARKDOWN.render(diff, "rerun");
        var security = markdown.substring(0, markdown.indexOf("#### Resource changes"));
        assertThat(security).contains("\nConditions named above:\n\n- `until-2027` on hello: `" + expression + "`\n")
                .contains("- **access-changed**: group:ops@example.com's");
        assertThat(security.split(java.util.regex.Pattern.quote(expression), -1)).hasSize(2);
    }

    @Test
    void showsAChangedExpressionOnceAsItsBaseAndHeadValue() throws Exception {
        var later = CONDITIONED.replace("2027-01-01", "2028-01-01");
        var diff = PlanDiff.between(stack(CONDITIONED), stack(later));

        assertThat(DiffFormat.TEXT.render(diff, "rerun")).contains(
                "  ! access-changed: user:ada@example.com's roles/iap.httpsResourceAccessor on hello (authoritative for condition "
                        + "'until-2027' only) changes: the condition's expression changes\n",
                "    'until-2027' on hello: request.time < timestamp(\"2027-01-01T00:00:00Z\") → "
                        + "request.time < timestamp(\"2028-01-01T00:00:00Z\")\n");
        var json = new ObjectMapper().readTree(DiffFormat.JSON.render(diff, "rerun"));
        assertThat(json.path("security").findParents("kind").stream().filter(f -> f.path("kind").asText().equals("access-changed"))
                .findFirst().orElseThrow().path("conditions").toString()).isEqualTo(
                "[{\"expression\":\"request.time < timestamp(\\\"2027-01-01T00:00:00Z\\\")\",\"side\":\"base\",\"title\":\"until-2027\"},"
                        + "{\"expression\":\"request.time < timestamp(\\\"2028-01-01T00:00:00Z\\\")\",\"side\":\"head\",\"title\":\"until-2027\"}]");
    }

    @Test
    void textSaysSoWhenNothingChanges() {
        assertThat(DiffFormat.TEXT.render(PlanDiff.between(BASE, BASE), "rerun")).isEqualTo("Stack test: no changes.\n");
    }

    @Test
    void markdownStartsWithTheStacksHiddenMarkerAndEscapesPrincipals() {
        var markdown = DiffFormat.MARKDOWN.render(DIFF, "rerun");

        assertThat(markdown).startsWith("<!-- iap-cloudrun:diff stack=test -->\n### iap-cloudrun: stack `test`\n");
        assertThat(markdown).contains("- **access-granted**: user:ada\\_lovelace@example.com gains");
        assertThat(markdown.indexOf("#### Security-relevant changes (2)")).isLessThan(markdown.indexOf("#### Resource changes (3)"));
        assertThat(markdown).doesNotContain("Truncated");
    }

    @Test
    void markdownOfAHugeDiffStaysUnderGitHubsLimitAndKeepsEverySecurityChange() {
        var template = HEAD.named(GcpTypes.RUN_SERVICE, "hello");
        var huge = withResources(HEAD, resources -> {
            for (int i = 0; i < 3_000; i++) {
                resources.add(new Plan.PlannedResource(template.urn() + "-copy-" + i, template.type(), "hello-copy-" + i,
                        template.parent(), true, template.inputs(), template.dependsOn(), false, ""));
            }
        });

        var markdown = DiffFormat.MARKDOWN.render(PlanDiff.between(BASE, huge), "java -jar target/iap-cloudrun.jar diff --stack test --base main");

        assertThat(markdown.length()).isLessThanOrEqualTo(DiffFormat.GITHUB_COMMENT_LIMIT);
        assertThat(markdown).contains("**access-granted**", "**access-revoked**");
        assertThat(markdown).containsPattern("> \\*\\*Truncated\\*\\*: showing 2 of 2 security-relevant changes and \\d+ of 3003 resource changes")
                .contains("run `java -jar target/iap-cloudrun.jar diff --stack test --base main`");
        assertThat(markdown).endsWith("`.\n").contains("```\n\n</details>\n");
    }

    @Test
    void markdownCutsSecurityChangesOnlyWhenTheyAloneExceedTheLimit() {
        var markdown = DiffFormat.markdown(DIFF, 600, "rerun");

        assertThat(markdown.length()).isLessThanOrEqualTo(600);
        assertThat(markdown).contains("showing 1 of 2 security-relevant changes and 0 of 3 resource changes");
    }

    @Test
    void jsonListsEveryChangeWithItsProperties() throws Exception {
        var json = new ObjectMapper().readTree(DiffFormat.JSON.render(DIFF, "rerun"));

        assertThat(json.path("stack").asText()).isEqualTo("test");
        assertThat(json.path("summary").toString()).isEqualTo("{\"add\":1,\"delete\":1,\"replace\":0,\"update\":1}");
        assertThat(json.path("security")).extracting(f -> f.path("kind").asText()).containsExactly("access-granted", "access-revoked");
        var service = json.path("changes").findParents("action").stream().filter(c -> c.path("type").asText().equals(GcpTypes.RUN_SERVICE)).findFirst().orElseThrow();
        assertThat(service.path("action").asText()).isEqualTo("update");
        assertThat(service.path("properties").get(0).toString())
                .isEqualTo("{\"after\":\"INGRESS_TRAFFIC_INTERNAL_ONLY\",\"before\":\"INGRESS_TRAFFIC_ALL\",\"path\":\"ingress\",\"replaces\":false}");
    }

    @Test
    void refusesAnUnknownFormatByNamingTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiffFormat.parse("html"))
                .hasMessage("unknown format 'html'; expected text, markdown or json");
    }
}
