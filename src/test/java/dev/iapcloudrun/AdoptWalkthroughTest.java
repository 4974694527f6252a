package dev.iapcloudrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through from the seed recipe (a service made by gcloud run deploy --iap, with two accessors) to a
 * stack, run step by step on the seed's gcloud output in examples/adopt/gcloud: each file and each output it shows is
 * what the commands write and print.
 */
class AdoptWalkthroughTest {

    private static final String JAR = "java -jar target/iap-cloudrun.jar ";

    @TempDir
    Path root;

    private final Console console = new Console();

    private static String walkthrough() {
        return Readme.section("### Walk-through: from `gcloud run deploy --iap` to a stack");
    }

    /** Runs the command of a {@code $ java -jar ...} line, as the README writes it. */
    private String run(String commandLine) {
        assertThat(commandLine).startsWith(JAR);
        console.reset();
        int code = console.run(root, Arrays.stream(commandLine.substring(JAR.length()).split(" ")).toArray(String[]::new));
        assertThat(code).as(commandLine + "\n" + console.stderr()).isZero();
        return console.stdout();
    }

    private static String firstLine(String block) {
        return block.substring(2, block.indexOf('\n'));
    }

    private static String afterFirstLine(String block) {
        return block.substring(block.indexOf('\n') + 1);
    }

    @Test
    void eachStepWritesAndPrintsWhatTheReadmeShows() throws Exception {
        var text = walkthrough();
        Files.writeString(root.resolve("Pulumi.yaml"), "name: iap-cloudrun\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.tools.yaml"), Readme.blockAfter(text, "**2. Give the environment its config**", "```yaml\n"));
        for (var file : new String[] {"team-wiki.describe.json", "team-wiki.run-policy.json", "team-wiki.iap-policy.json"}) {
            assertThat(text).contains(file);
            Files.copy(Path.of("examples/adopt/gcloud").resolve(file), root.resolve(file));
        }
        // The base of the pull request that adds the stack: the project without it.
        Processes.git(root, "init", "-q");
        Processes.git(root, "add", ".");
        Processes.git(root, "-c", "user.name=Walk-through", "-c", "user.email=walk@example.com", "commit", "-q", "-m", "before the stack");
        Files.createDirectories(root.resolve("stacks"));

        // 3. The starter stack file, by the command the README's starter-stack-file section gives.
        run(JAR + "adopt-init --describe team-wiki.describe.json --run-policy team-wiki.run-policy.json --iap-policy "
                + "team-wiki.iap-policy.json --project-id acme-tools --out stacks/tools.yaml");
        assertThat(Files.readString(Path.of("README.md"))).contains("--iap-policy team-wiki.iap-policy.json --project-id acme-tools --out stacks/tools.yaml");
        assertThat(Files.readString(root.resolve("stacks/tools.yaml"))).isEqualTo(Readme.blockAfter(text, "**3. Write the stack file**", "```yaml\n"));

        // 4. The adopt report: nobody loses access, since the list is today's.
        var report = Readme.blockAfter(text, "**4. Read who keeps, gains and loses access**", "```\n");
        assertThat(run(firstLine(report).replace("origin/main", "HEAD"))).isEqualTo(afterFirstLine(report));

        // 5. The pull request's diff, against the commit before the stack, and the import file.
        var diff = Readme.blockAfter(text, "**5. Check the plan and the import.**", "```\n");
        assertThat(run(firstLine(diff).replace("origin/main", "HEAD"))).isEqualTo(afterFirstLine(diff));
        run(JAR + "import-file --stack tools --out import.json");
        assertThat(Files.readString(root.resolve("import.json"))).isEqualTo(Readme.blockAfter(text, "`import-file --stack tools --out import.json` writes", "```json\n"));
    }
}
