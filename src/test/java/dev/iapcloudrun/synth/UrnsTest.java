package dev.iapcloudrun.synth;

import com.pulumi.core.internal.Urn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's URNs: pulumi's {@code NewURN} ({@code sdk/go/common/resource/urn.go}) puts a parent's qualified type
 * before a resource's own type, except the root stack's type ({@code RootStackType}, {@code pulumi:pulumi:Stack}).
 */
class UrnsTest {

    private static final String STACK = "urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack::iap-cloudrun-dev";

    @Test
    void omitsTheRootStackTypeFromChildUrns() {
        var setup = Urns.of("dev", "iap-cloudrun", STACK, "iap-cloudrun:index:IapProjectSetup", "acme-portal-dev-iap");
        assertThat(setup).isEqualTo("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapProjectSetup::acme-portal-dev-iap");
        assertThat(Urns.of("dev", "iap-cloudrun", setup, "gcp:projects/service:Service", "acme-portal-dev-iap-api"))
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapProjectSetup$gcp:projects/service:Service::acme-portal-dev-iap-api");
    }

    @Test
    void omitsTheRootStackTypeWhereTheSdksUrnCreateKeepsIt() {
        // The Java SDK's Urn.create (its mock monitor's) is no guide to the URNs the engine gives a stack's resources.
        assertThat(Urn.create("dev", "iap-cloudrun", Optional.of(STACK), "iap-cloudrun:index:IapCloudRunService", "orders"))
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapCloudRunService::orders");
        assertThat(Urns.of("dev", "iap-cloudrun", STACK, "iap-cloudrun:index:IapCloudRunService", "orders"))
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService::orders");
    }

    @ParameterizedTest(name = "{2} under [{1}]")
    @CsvSource(delimiter = '|', value = {
            "dev|''|pulumi:pulumi:Stack|iap-cloudrun-dev",
            "dev|urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService::orders-api|gcp:cloudrunv2/service:Service|orders-api",
            "prod|urn:pulumi:prod::iap-cloudrun::iap-cloudrun:index:IapCloudRunService$iap-cloudrun:index:IapAccessorBinding::a-accessors|gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember|a-accessors-group:x@acme.example",
            "prod|urn:pulumi:prod::other::x:index:Component::s|gcp:iap/settings:Settings|name::with::colons",
    })
    void keepsEveryOtherAncestorsTypeAsTheSdkDoes(String stack, String parent, String type, String name) {
        assertThat(Urns.of(stack, "iap-cloudrun", parent, type, name))
                .isEqualTo(Urn.create(stack, "iap-cloudrun", Optional.of(parent), type, name));
    }

    @Test
    void failsWhenTheParentIsNoUrn() {
        assertThatThrownBy(() -> Urns.of("dev", "iap-cloudrun", "iap-cloudrun-dev", "gcp:iap/settings:Settings", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a URN: 'iap-cloudrun-dev'");
        assertThatThrownBy(() -> Urns.qualifiedType("urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesTheRootStackTypeOutOfAUrnWrittenWithIt() {
        assertThat(Urns.withoutRootStackType("urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapProjectSetup"
                + "$gcp:projects/service:Service::acme-portal-dev-iap-api"))
                .isEqualTo("urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapProjectSetup$gcp:projects/service:Service::acme-portal-dev-iap-api");
        assertThat(Urns.withoutRootStackType(STACK)).as("the stack's own URN").isEqualTo(STACK);
        var named = "urn:pulumi:dev::iap-cloudrun::gcp:iap/settings:Settings::x::pulumi:pulumi:Stack$y";
        assertThat(Urns.withoutRootStackType(named)).as("a name is a name").isEqualTo(named);
        assertThat(Urns.withoutRootStackType("")).isEmpty();
    }
}
