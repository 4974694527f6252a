package dev.iapcloudrun.program;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import com.pulumi.core.internal.Constants;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PulumiEntryPointTest {

    private static LogRequest log(LogSeverity severity, String message) {
        return LogRequest.newBuilder().setSeverity(severity).setMessage(message).build();
    }

    private static final String SECRET = "GOCSPX-\"quoted\"\\-ünïcode-4711";

    private static final PulumiEntryPoint.SecretWithholdingEngine ENGINE = new PulumiEntryPoint.SecretWithholdingEngine(null, List.of(SECRET));

    @Test
    void cutsTheSecretsValueFromEveryMessageWhateverItsMarker() {
        var messages = List.of(
                // What the SDK's serializer logs with PULUMI_EXCESSIVE_DEBUG_OUTPUT=true, before it marks the value secret.
                log(LogSeverity.DEBUG, "Serialize property[accessSettings.oauthSettings.clientSecret]: primitive=" + SECRET),
                log(LogSeverity.DEBUG, "Deserialize property[clientSecret]: value=" + SECRET + " intended for targetType=class java.lang.String"),
                // A protobuf dump without the secret signature, and the same value as JSON.
                log(LogSeverity.DEBUG, "request=key: \"clientSecret\" string_value: \"" + TextFormat.escapeBytes(ByteString.copyFromUtf8(SECRET)) + "\""),
                log(LogSeverity.INFO, "{\"clientSecret\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(SECRET)) + "\"}"),
                log(LogSeverity.ERROR, "failed: " + SECRET));

        for (var message : messages) {
            var sent = ENGINE.withheld(message).getMessage();
            assertThat(sent).as(message.getMessage()).contains("[secret]").doesNotContain("quoted").doesNotContain("4711");
        }
    }

    @Test
    void readsTheSecretKeysTheEngineNames() {
        assertThat(PulumiEntryPoint.secretKeys("[\"iap-cloudrun:iapOauthClientSecret\",\"gcp:credentials\"]"))
                .containsExactly("iap-cloudrun:iapOauthClientSecret", "gcp:credentials");
        assertThat(PulumiEntryPoint.secretKeys(null)).isEmpty();
    }

    @Test
    void withholdsTheDetailsOfADebugMessageThatHoldsASecret() {
        var dump = "Registering resource monitor start: t=gcp:iap/settings:Settings, name=s, custom=true, remote=false, request=type: \"x\" "
                + "key: \"" + Constants.SpecialSigKey + "\" string_value: \"" + Constants.SpecialSecretSig + "\" key: \"value\" string_value: \"GOCSPX-abc\"";

        var sent = ENGINE.withheld(log(LogSeverity.DEBUG, dump));

        assertThat(sent.getMessage()).isEqualTo("Registering resource monitor start: t=gcp:iap/settings:Settings, name=s, custom=true, "
                + "remote=false (details withheld: they hold a secret value)");
    }

    @Test
    void passesEveryOtherMessageUnchanged() {
        var debug = log(LogSeverity.DEBUG, "Preparing resource: t=gcp:cloudrunv2/service:Service, name=orders");
        var warning = log(LogSeverity.WARNING, "stacks/dev.yaml:15:12: services[0].image: ... [image-not-pinned]");

        assertThat(ENGINE.withheld(debug)).isSameAs(debug);
        assertThat(ENGINE.withheld(warning)).isSameAs(warning);
    }
}
