package dev.iapcloudrun;

import com.pulumi.Pulumi;
import dev.iapcloudrun.program.IapCloudRunProgram;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.PlanJson;
import dev.iapcloudrun.synth.PulumiProject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point. Without arguments it is a Pulumi program, run by the Pulumi CLI's language host
 * ({@code pulumi preview}, {@code pulumi up}). With {@code synth} it runs the same program offline.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = """
            usage:
              java -jar target/iap-cloudrun.jar synth --stack STACK [--out FILE]
                  run the stack's program offline and print (or write) its plan as JSON
              java -jar target/iap-cloudrun.jar
                  the Pulumi program itself, as run by 'pulumi preview' and 'pulumi up'
            """;

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") == null) {
            System.err.println("no Pulumi engine to talk to: without arguments this jar is the Pulumi program that "
                    + "'pulumi preview' and 'pulumi up' run; to see a stack's plan offline, use synth");
            System.err.print(USAGE);
            System.exit(BAD_INPUT);
        }
        if (args.length == 0) {
            // The language host names the project's folder (where Pulumi.yaml and stacks/ are).
            var root = Optional.ofNullable(System.getenv("PULUMI_ROOT_DIRECTORY")).filter(dir -> !dir.isEmpty())
                    .map(Path::of).orElse(Path.of(""));
            Pulumi.run(new IapCloudRunProgram(root)::run);
            return;
        }
        System.exit(run(List.of(args), Path.of(""), System.out, System.err));
    }

    /** Runs a command; returns the process exit code. */
    static int run(List<String> args, Path root, PrintStream out, PrintStream err) {
        if (!args.get(0).equals("synth")) {
            err.println("unknown command '" + args.get(0) + "'");
            err.print(USAGE);
            return BAD_INPUT;
        }
        var rest = new ArrayList<>(args.subList(1, args.size()));
        Optional<String> stack = option(rest, "--stack");
        Optional<String> outFile = option(rest, "--out");
        if (stack.isEmpty() || !rest.isEmpty()) {
            err.println(stack.isEmpty() ? "synth needs --stack STACK" : "unexpected arguments: " + String.join(" ", rest));
            err.print(USAGE);
            return BAD_INPUT;
        }
        try {
            var project = PulumiProject.load(root);
            var config = project.stackConfig(stack.get());
            var plan = OfflineEngine.synth(project.name(), stack.get(), config.values(), config.secretKeys(),
                    new IapCloudRunProgram(root)::run);
            if (outFile.isPresent()) {
                PlanJson.write(plan, root.resolve(outFile.get()));
                err.println("wrote the plan of stack '" + stack.get() + "' (" + plan.resources().size() + " resources) to " + outFile.get());
            } else {
                out.print(PlanJson.write(plan));
            }
            return OK;
        } catch (InputException | IOException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (com.pulumi.exceptions.RunException | IllegalArgumentException | IllegalStateException e) {
            err.println("synth failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            return Optional.empty();
        }
        var value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return Optional.of(value);
    }
}
