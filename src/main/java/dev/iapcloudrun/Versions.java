package dev.iapcloudrun;

import dev.iapcloudrun.provider.gcp.GcpProvider;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code --version}: this project's version, the Pulumi Java SDK it runs on and the provider plugin every resource asks
 * for. The first two come from the build (a resource Maven fills in), so they cannot drift from the pom.
 */
final class Versions implements CommandLine.IVersionProvider {

    static final String RESOURCE = "/dev/iapcloudrun/versions.properties";

    @Override
    public String[] getVersion() {
        var versions = new Properties();
        try (var in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {
                "iap-cloudrun " + versions.getProperty("project"),
                "Pulumi Java SDK " + versions.getProperty("pulumi"),
                "pulumi-gcp provider " + GcpProvider.VERSION + " (pinned)",
        };
    }
}
