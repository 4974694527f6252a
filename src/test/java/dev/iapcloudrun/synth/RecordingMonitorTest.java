package dev.iapcloudrun.synth;

import com.pulumi.core.internal.Urn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingMonitorTest {

    @ParameterizedTest(name = "{2} under [{1}]")
    @CsvSource(delimiter = '|', value = {
            "dev|''|pulumi:pulumi:Stack|iap-cloudrun-dev",
            "dev|urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack::iap-cloudrun-dev|iap-cloudrun:index:IapCloudRunService|orders-api",
            "dev|urn:pulumi:dev::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapCloudRunService::orders-api|gcp:cloudrunv2/service:Service|orders-api",
            "prod|urn:pulumi:prod::iap-cloudrun::pulumi:pulumi:Stack$iap-cloudrun:index:IapAccessorBinding::a-accessors|gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember|a-accessors-group:x@acme.example",
            "prod|urn:pulumi:prod::iap-cloudrun::pulumi:pulumi:Stack::s|gcp:iap/settings:Settings|name::with::colons",
    })
    void makesTheUrnsTheSdkMakes(String stack, String parent, String type, String name) {
        assertThat(RecordingMonitor.urn(stack, "iap-cloudrun", parent, type, name))
                .isEqualTo(Urn.create(stack, "iap-cloudrun", Optional.of(parent), type, name));
    }
}
