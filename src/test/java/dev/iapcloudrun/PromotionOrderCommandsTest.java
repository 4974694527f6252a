package dev.iapcloudrun;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports that cover several stacks list them in the project's promotion order, not the alphabet's. */
class PromotionOrderCommandsTest {

    @TempDir
    Path root;

    private final Console console = new Console();

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.createDirectories(root.resolve("stacks"));
        for (var stack : List.of("dev", "prod", "qa", "staging")) {
            Files.writeString(root.resolve("Pulumi." + stack + ".yaml"),
                    "config:\n  gcp:project: acme-" + stack + "\n  gcp:region: europe-west1\n");
            Files.writeString(root.resolve("stacks/" + stack + ".yaml"), """
                    services:
                      - name: hello
                        image: us-docker.pkg.dev/cloudrun/container/hello@sha256:4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d
                        accessors:
                          mode: additive
                          members: [user:ada@example.com]
                    """);
        }
        Files.writeString(root.resolve("promotion-order.yaml"), "order: [dev, staging, prod]\n");
    }

    private int run(String... args) {
        return console.run(root, args);
    }

    private String stdout() {
        return console.stdout();
    }

    /** The stacks in the order {@code pattern}'s first group finds them in {@code text}. */
    private static List<String> found(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(m -> m.group(1)).toList();
    }

    @Test
    void validateListsStacksInPromotionOrderWithUndeclaredOnesLast() {
        assertThat(run("validate")).as(console.stderr()).isZero();

        assertThat(found(Pattern.compile("(?m)^stacks/(\\w+)\\.yaml: ok"), stdout())).containsExactly("dev", "staging", "prod", "qa");
    }

    @Test
    void accessListsEnvironmentsInPromotionOrderInMarkdownAndHtml() throws IOException {
        assertThat(run("access")).isZero();
        assertThat(found(Pattern.compile("(?m)^## (\\w+): project"), stdout())).containsExactly("dev", "staging", "prod", "qa");

        assertThat(run("access", "--format", "html", "--out", "access.html")).isZero();
        assertThat(found(Pattern.compile("<section data-stack=\"(\\w+)\""), Files.readString(root.resolve("access.html"))))
                .containsExactly("dev", "staging", "prod", "qa");
    }

    @Test
    void validateFailsOnADeclaredNameThatIsNotAStackAndStillChecksEveryStack() throws IOException {
        Files.writeString(root.resolve("promotion-order.yaml"), "order: [dev, stagign, prod]\n");

        assertThat(run("validate")).isEqualTo(2);

        assertThat(stdout()).startsWith("""
                promotion-order.yaml: 1 problem:
                  promotion-order.yaml:1:14: order[1]: 'stagign' is not a stack of this project; did you mean 'staging'? \
                expected one of dev, prod, qa, staging (a stack is Pulumi.STACK.yaml with stacks/STACK.yaml), or remove it
                stacks/dev.yaml: ok
                stacks/prod.yaml: ok
                """).endsWith("validated 4 stacks: 0 with errors, 0 warnings, 1 problem in promotion-order.yaml\n");
    }

    @Test
    void validateReportsAMalformedOrderAsAnnotationsWithTheStacksProblems() throws IOException {
        Files.writeString(root.resolve("promotion-order.yaml"), "order: dev\n");

        assertThat(run("validate", "--format", "github")).isEqualTo(2);

        assertThat(stdout()).startsWith("::error file=promotion-order.yaml,line=1,col=8,title=iap-cloudrun%3A order::"
                + "found the text \"dev\"; expected a list of stack names\n");
    }

    @Test
    void validateJsonListsTheOrdersProblemsApartFromTheStacks() throws Exception {
        Files.writeString(root.resolve("promotion-order.yaml"), "order: [dev, stagign, prod]\n");

        assertThat(run("validate", "--format", "json")).isEqualTo(2);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout());
        // staging is not declared (stagign is), so it comes after the declared stacks.
        assertThat(json.path("stacks").findValuesAsText("file")).containsExactly(
                "stacks/dev.yaml", "stacks/prod.yaml", "stacks/qa.yaml", "stacks/staging.yaml");
        assertThat(json.path("projectErrors").get(0).path("path").asText()).isEqualTo("order[1]");
        assertThat(json.path("projectErrors").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(json.path("failed").asInt()).isZero();
    }

    @Test
    void accessRefusesAMalformedOrderWithItsLocatedProblems() throws IOException {
        Files.writeString(root.resolve("promotion-order.yaml"), "order: [dev, [staging]]\n");

        assertThat(run("access")).isEqualTo(2);

        assertThat(console.stderr()).isEqualTo("1 problem in promotion-order.yaml:\n"
                + "  promotion-order.yaml:1:14: order[1]: found a list; expected a stack name\n");
        assertThat(stdout()).isEmpty();
    }
}
