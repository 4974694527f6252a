package dev.iapcloudrun.provider.gcp;

import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GcpProviderTest {

    @Test
    void pinsTheVersionWithoutTouchingTheSdksSharedEmptyOptions() {
        var pinned = GcpProvider.withVersion(null);

        assertThat(pinned.getVersion()).contains(GcpProvider.VERSION);
        assertThat(pinned).isNotSameAs(CustomResourceOptions.Empty);
        // A write into Empty would reach every later resource created without options, in every later deployment.
        assertThat(CustomResourceOptions.Empty.getVersion()).isEmpty();
    }

    @Test
    void overridesAVersionTheOptionsCarried() {
        var options = CustomResourceOptions.builder().version("7.0.0").build();

        assertThat(GcpProvider.withVersion(options).getVersion()).contains(GcpProvider.VERSION);
        assertThat(options.getVersion()).as("the caller's options are left as they were").contains("7.0.0");
    }

    @Test
    void leavesOptionsThatAlreadyAskForTheVersionAsTheyAre() {
        var options = CustomResourceOptions.builder().version(GcpProvider.VERSION).protect(true).build();

        assertThat(GcpProvider.withVersion(options)).isSameAs(options);
    }
}
