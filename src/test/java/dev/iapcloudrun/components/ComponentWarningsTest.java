package dev.iapcloudrun.components;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.iapcloudrun.rules.WarningTexts;
import dev.iapcloudrun.spec.StackFileReader;
import dev.iapcloudrun.synth.OfflineEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A component gives the warnings a stack file gives for the same choices, in the same words, on the engine's log: a
 * program in any language that allows an admin role or turns deletion protection off sees it in its preview.
 */
class ComponentWarningsTest {

    private static final String AGENT = "serviceAccount:service-123456789@gcp-sa-iap.iam.gserviceaccount.com";
    private static final String DIGEST = "@sha256:" + "4e5f6071".repeat(8);

    private static List<String> warnings(Consumer<Context> program) {
        var warnings = new ArrayList<String>();
        OfflineEngine.synth("iap-cloudrun", "dev", Map.of(), Set.of(), program, warnings::add);
        return warnings;
    }

    private static IapCloudRunServiceArgs.Builder service() {
        return IapCloudRunServiceArgs.builder().project("acme-dev").region("europe-west1")
                .image("europe-docker.pkg.dev/acme/apps/orders" + DIGEST).iapAgentMember(AGENT);
    }

    @Test
    void aServiceWithEveryDefaultKeptGivesNoWarning() {
        assertThat(warnings(ctx -> new IapCloudRunService("orders", service().build(), null))).isEmpty();
    }

    @Test
    void warnsOfEachAllowedChoiceThatWeakensADefaultNamingTheInputAndTheRule() {
        var warnings = warnings(ctx -> new IapCloudRunService("orders", service()
                .image("europe-docker.pkg.dev/acme/apps/orders:1.0")
                .allowDefaultServiceAccount(true).serviceAccount("123-compute@developer.gserviceaccount.com")
                .invokers("group:ops@acme.example")
                .binaryAuthorization(BinaryAuthorizationArgs.builder().policy("default").breakglassJustification("INC-1042").build())
                .deletionProtection(false).build(), null));

        var prefix = "IapCloudRunService 'orders' input ";
        assertThat(warnings).containsExactlyInAnyOrder(
                prefix + "'image': " + WarningTexts.imageNotPinned("orders", "europe-docker.pkg.dev/acme/apps/orders:1.0").orElseThrow()
                        + " [image-not-pinned]",
                prefix + "'serviceAccount': " + WarningTexts.defaultServiceAccount("orders", "123-compute@developer.gserviceaccount.com",
                        "allowDefaultServiceAccount") + " [default-service-account]",
                prefix + "'invokers': " + WarningTexts.invokerBehindIap("orders") + " [invoker-behind-iap]",
                prefix + "'binaryAuthorization.breakglassJustification': " + WarningTexts.breakglass("orders", "INC-1042") + " [breakglass]",
                prefix + "'deletionProtection': " + WarningTexts.deletionProtectionOff("orders") + " [deletion-protection-off]");
    }

    @Test
    void warnsOfAnAllowedAdminRoleAndOfACustomRoleAtTheirPlaceInTheList() {
        var warnings = warnings(ctx -> new IapCloudRunService("orders", service().allowAdminRoles(true)
                .runtimeRoles("roles/cloudtrace.agent", "roles/storage.admin", "projects/acme-dev/roles/traceWriter").build(), null));

        assertThat(warnings).containsExactly(
                "IapCloudRunService 'orders' input 'runtimeRoles[1]': the runtime identity of 'orders' holds the admin role "
                        + "roles/storage.admin, as allowAdminRoles allows; an admin role grants every permission of its service, usually "
                        + "including setting the IAM policy of its resources, to whoever controls the service's code [admin-runtime-role]",
                "IapCloudRunService 'orders' input 'runtimeRoles[2]': " + WarningTexts.customRuntimeRole("orders",
                        "projects/acme-dev/roles/traceWriter") + " [custom-runtime-role]");
    }

    @Test
    void givesTheWordsTheStackFileGivesForTheSameChoice() {
        var check = StackFileReader.check("stacks/dev.yaml", """
                project: acme-dev
                region: europe-west1
                services:
                  - name: orders
                    image: europe-docker.pkg.dev/acme/apps/orders:1.0
                    deletionProtection: false
                    accessors: {mode: authoritative, members: [group:team@acme.example]}
                """, StackFileReader.Defaults.NONE, Optional.empty());
        var fromTheFile = check.warnings().stream().map(w -> w.message().substring(0, w.message().lastIndexOf(" ["))).toList();

        var fromTheComponent = warnings(ctx -> new IapCloudRunService("orders", service()
                .image("europe-docker.pkg.dev/acme/apps/orders:1.0").deletionProtection(false).build(), null)).stream()
                .map(w -> w.substring(w.indexOf("': ") + 3, w.lastIndexOf(" ["))).toList();

        assertThat(fromTheComponent).containsExactlyInAnyOrderElementsOf(fromTheFile).hasSize(2);
    }

    @Test
    void warnsThatAnAdoptedAuthoritativeBindingRemovesEveryoneElse() {
        var warnings = warnings(ctx -> new IapAccessorBinding("orders-accessors", IapAccessorBindingArgs.builder().project("acme-dev")
                .region("europe-west1").serviceName("orders").mode("authoritative").adopt(true)
                .members("group:team@acme.example", "user:ada@acme.example").build(), null));

        assertThat(warnings).containsExactly("IapAccessorBinding 'orders-accessors' input 'mode': "
                + WarningTexts.adoptedAuthoritativeAccessors("orders", java.util.OptionalInt.of(2)) + " [adopted-authoritative-accessors]");
    }

    @Test
    void warnsOfASecretValueWithoutShowingIt() {
        var image = "europe-docker.pkg.dev/acme/apps/orders:private-tag";
        var warnings = warnings(ctx -> new IapCloudRunService("orders", service().image(Output.ofSecret(image)).build(), null));

        assertThat(warnings).containsExactly("IapCloudRunService 'orders' input 'image': " + InputChecks.SECRET_WARNING
                + " [image-not-pinned]");
    }

    @Test
    void warnsOfASecretBreakglassJustificationWithoutShowingIt() {
        var warnings = warnings(ctx -> new IapCloudRunService("orders", service().binaryAuthorization(Output.ofSecret(
                BinaryAuthorizationArgs.builder().policy("default").breakglassJustification("INC-1042 private").build())).build(), null));

        assertThat(warnings).containsExactly("IapCloudRunService 'orders' input 'binaryAuthorization.breakglassJustification': "
                + InputChecks.SECRET_WARNING + " [breakglass]");
    }

    @Test
    void warnsOfARegionCloudRunIsNotKnownToRunIn() {
        var warnings = warnings(ctx -> new IapCloudRunService("orders", service().region("europe-west7").build(), null));

        assertThat(warnings).containsExactly("IapCloudRunService 'orders' input 'region': " + WarningTexts.unknownRegion("europe-west7",
                dev.iapcloudrun.spec.StackRules.CLOUD_RUN_REGIONS).orElseThrow() + " [unknown-region]");
    }

    @Test
    void warnsOfAnAdoptedAuthoritativeBindingWhoseMembersAreKnownOnlyLater() {
        var warnings = warnings(ctx -> {
            var members = new java.util.concurrent.CompletableFuture<List<String>>();
            new IapAccessorBinding("orders-accessors", IapAccessorBindingArgs.builder().project("acme-dev").region("europe-west1")
                    .serviceName("orders").mode("authoritative").adopt(true).members(Output.of(members)).build(), null);
            members.complete(List.of("group:team@acme.example"));
        });

        assertThat(warnings).containsExactly("IapAccessorBinding 'orders-accessors' input 'mode': "
                + WarningTexts.adoptedAuthoritativeAccessors("orders", java.util.OptionalInt.empty()) + " [adopted-authoritative-accessors]");
    }

    @Test
    void staysSilentWhereTheCallerReportsTheSameWarningsItself() {
        var warnings = warnings(ctx -> ComponentWarnings.reportedByCaller(() -> new IapCloudRunService("orders", service()
                .deletionProtection(false).build(), null)));

        assertThat(warnings).isEmpty();
    }
}
