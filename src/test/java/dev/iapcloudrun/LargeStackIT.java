package dev.iapcloudrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iapcloudrun.bench.BenchStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A 1,000-service stack synthesized by the packaged jar in a JVM limited to 1 GiB of heap. */
class LargeStackIT {

    @TempDir
    Path project;

    @Test
    void synthesizesAThousandServicesWithinOneGibibyteOfHeap() throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.big.yaml"), "config:\n  gcp:project: acme-bench\n  gcp:region: europe-west1\n");
        Files.createDirectories(project.resolve("stacks"));
        Files.writeString(project.resolve("stacks/big.yaml"), BenchStacks.stack(1_000, 0));

        var result = PackagedJarIT.java(project, "-Xmx1g", "-jar", Path.of("target/iap-cloudrun.jar").toAbsolutePath().toString(),
                "synth", "--stack", "big", "--out", "plan.json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var plan = new ObjectMapper().readTree(project.resolve("plan.json").toFile());
        assertThat(plan.path("resources")).hasSize(6_005);
        assertThat(plan.path("outputs").path("services")).hasSize(1_000);
    }
}
