package dev.iapcloudrun.bench;

/**
 * The start-up floor: this jar doing nothing but start the Pulumi SDK's in-process engine, run an empty
 * program and exit. {@code bench} times {@code synth --stack dev} as a whole process against it.
 */
public final class SdkStartup {

    private SdkStartup() {}

    public static void main(String[] args) {
        // The same process set-up as Main, so that the comparison is of the work and nothing else.
        dev.iapcloudrun.Main.useAPooledAsyncExecutor();
        Bench.floor(0);
        System.exit(0);
    }
}
