package dev.iapcloudrun.program;

import com.pulumi.core.internal.Constants;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import static org.assertj.core.api.Assertions.assertThat;

class PulumiEntryPointTest {

    private static LogRequest log(LogSeverity severity, String message) {
        return LogRequest.newBuilder().setSeverity(severity).setMessage(message).build();
    }

    @Test
    void withholdsTheDetailsOfADebugMessageThatHoldsASecret() {
        var dump = "Registering resource monitor start: t=gcp:iap/settings:Settings, name=s, custom=true, remote=false, request=type: \"x\" "
                + "key: \"" + Constants.SpecialSigKey + "\" string_value: \"" + Constants.SpecialSecretSig + "\" key: \"value\" string_value: \"GOCSPX-abc\"";

        var sent = PulumiEntryPoint.SecretWithholdingEngine.withheld(log(LogSeverity.DEBUG, dump));

        assertThat(sent.getMessage()).isEqualTo("Registering resource monitor start: t=gcp:iap/settings:Settings, name=s, custom=true, "
                + "remote=false (details withheld: they hold a secret value)");
    }

    @Test
    void passesEveryOtherMessageUnchanged() {
        var debug = log(LogSeverity.DEBUG, "Preparing resource: t=gcp:cloudrunv2/service:Service, name=orders");
        var warning = log(LogSeverity.WARNING, "stacks/dev.yaml:15:12: services[0].image: ... [image-not-pinned]");

        assertThat(PulumiEntryPoint.SecretWithholdingEngine.withheld(debug)).isSameAs(debug);
        assertThat(PulumiEntryPoint.SecretWithholdingEngine.withheld(warning)).isSameAs(warning);
    }
}
