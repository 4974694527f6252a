package dev.iapcloudrun.bench;

import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.iapcloudrun.synth.PreviewMocks;

import java.util.logging.Level;

/**
 * The start-up floor: this jar doing nothing but start the Pulumi SDK's in-process engine, run an empty
 * program and exit. {@code bench} times {@code synth --stack dev} as a whole process against it.
 */
public final class SdkStartup {

    private SdkStartup() {}

    public static void main(String[] args) {
        // The same process set-up as Main, so that the comparison is of the work and nothing else.
        dev.iapcloudrun.Main.useAPooledAsyncExecutor();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("iap-cloudrun").stackName("dev").preview(true).build())
                .standardLogger(PulumiTestInternal.logger(Level.OFF))
                .mocks(new PreviewMocks())
                .build()
                .runTest(ctx -> { });
        PulumiTestInternal.cleanup();
        System.exit(result.exitCode());
    }
}
