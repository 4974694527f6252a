package dev.iapcloudrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Environments" section is the whole recipe for a new environment, and its commands work as shown. */
class ReadmeEnvironmentsTest {

    private static final String JAR = "java -jar target/iap-cloudrun.jar ";

    private static String section() {
        return Readme.section("## Environments");
    }

    @Test
    void namesEveryStepFromTheFilesToTheGoldenPlan() throws IOException {
        assertThat(section()).contains(
                NewStack.SCHEMA_MODELINE.substring(2),
                "`gcp:project`", "`gcp:region`",
                "pulumi stack init qa",
                "pulumi config set --secret iapOauthClientSecret <client secret> --stack qa",
                JAR + "validate --stack qa",
                StackChecks.UPDATE_GOLDEN, StackChecks.GOLDEN.resolve("qa.json").toString(),
                "PULUMI_PREVIEW_STACKS", "`promotion-order.yaml`");
    }

    @Test
    void itsNewStackCommandsWriteStacksThatValidate(@TempDir Path root) throws IOException {
        var section = section();
        var block = Readme.blocks(section, "sh").get(0);
        var commands = block.lines().filter(line -> line.startsWith(JAR + "new-stack ")).toList();
        assertThat(commands).hasSize(2);
        for (var command : commands) {
            var copy = Files.createDirectory(root.resolve("copy" + commands.indexOf(command)));
            StackChecks.copyProject(Path.of(""), copy, "qa");
            var args = Arrays.asList(command.substring(JAR.length()).replaceFirst("\\s+#.*", "").trim().split("\\s+"));
            var err = new ByteArrayOutputStream();
            var stream = new PrintStream(err, true, StandardCharsets.UTF_8);
            assertThat(Main.run(args, copy, stream, stream)).as(command + "\n" + err).isZero();
            assertThat(Main.run(List.of("validate", "--stack", "qa"), copy, stream, stream)).as(command + "\n" + err).isZero();
        }
    }
}
