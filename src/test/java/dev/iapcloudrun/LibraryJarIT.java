package dev.iapcloudrun;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two jars that {@code package} builds: the plain library that {@code install} publishes, for other Java projects
 * to depend on with its dependencies resolved from its pom, and the shaded jar that runs on its own.
 */
class LibraryJarIT {

    /** Set by failsafe from the pom: the jar's name carries the project's version. */
    private static final Path LIBRARY = Path.of(System.getProperty("library.jar", "target/iap-cloudrun-0.1.0.jar"));
    private static final Path SHADED = Path.of("target/iap-cloudrun.jar");

    private static final String COMPONENT = "dev/iapcloudrun/components/IapCloudRunService.class";

    @Test
    void theLibraryHoldsOnlyTheProjectsOwnClassesAndDeclaresItsDependencies() throws IOException {
        try (var jar = new JarFile(LIBRARY.toFile())) {
            var names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains(COMPONENT);
            assertThat(names).noneMatch(name -> name.startsWith("picocli/"))
                    .noneMatch(name -> name.startsWith("com/fasterxml/"))
                    .noneMatch(name -> name.startsWith("io/grpc/"));
            assertThat(names).filteredOn(name -> name.endsWith(".class")).allMatch(name -> name.startsWith("dev/iapcloudrun/"));
            // The one file under com/pulumi/ is this project's own resource (src/main/resources), not the SDK's.
            assertThat(names).filteredOn(name -> name.startsWith("com/pulumi/") && !name.endsWith("/"))
                    .containsExactly("com/pulumi/gcp/plugin.json");

            var pom = new String(jar.getInputStream(jar.getEntry("META-INF/maven/dev.iapcloudrun/iap-cloudrun/pom.xml"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pom).as("a consumer resolves the SDK from the pom, not from inside the jar")
                    .contains("<artifactId>pulumi</artifactId>", "<artifactId>gcp</artifactId>")
                    .doesNotContain("<finalName>");
        }
    }

    @Test
    void theShadedJarStillRunsOnItsOwn() throws IOException {
        try (var jar = new JarFile(SHADED.toFile())) {
            var names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains(COMPONENT, "com/pulumi/provider/internal/ComponentProviderHost.class",
                    "picocli/CommandLine.class", "io/grpc/stub/StreamObserver.class",
                    "io/grpc/netty/shaded/io/grpc/netty/NettyServerBuilder.class");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.iapcloudrun.Main");
        }
    }
}
