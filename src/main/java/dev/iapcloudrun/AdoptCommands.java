package dev.iapcloudrun;

import dev.iapcloudrun.gcloud.AdoptReport;
import dev.iapcloudrun.gcloud.GcloudInputException;
import dev.iapcloudrun.gcloud.IamPolicyFile;
import dev.iapcloudrun.gcloud.ServiceDescription;
import dev.iapcloudrun.gcloud.StarterStackFile;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.StackFileReader;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** The two commands that bring a service made with gcloud or the console under a stack. */
final class AdoptCommands {

    // What each file option takes: the command that prints it, the same for both commands.
    private static final String RUN_POLICY = IamPolicyFile.RUN_POLICY_COMMAND;
    private static final String IAP_POLICY = IamPolicyFile.IAP_POLICY_COMMAND;
    private static final String DESCRIPTION = ServiceDescription.COMMAND;

    private AdoptCommands() {}

    @Command(name = "adopt-report", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Compare services' live IAM policies (as gcloud prints them) with what the stack declares: who keeps, "
                    + "gains and loses access when the stack adopts them; security findings first.",
                    "Repeat --service with its two policies for each service. Losses are always listed first and warned on stderr; "
                            + "--fail-on-loss also exits 1."})
    static final class Report implements Callable<Integer> {
        @ParentCommand Main main;
        @Spec CommandSpec spec;
        @Option(names = "--stack", required = true, paramLabel = "STACK", description = "The stack that adopts the services.")
        String stack;
        @ArgGroup(exclusive = false, multiplicity = "1..*")
        List<Live> services = new ArrayList<>();
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), markdown or json.")
        String format;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of printing it.")
        String out;
        @Option(names = "--fail-on-loss", description = "Exit with 1 when anyone loses access, a public principal is in a live policy, "
                + "or an adopted grant is not in it (its import would fail).")
        boolean failOnLoss;

        static final class Live {
            @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "A service of the stack.")
            String service;
            @Option(names = "--run-policy", required = true, paramLabel = "FILE",
                    description = RUN_POLICY)
            String runPolicy;
            @Option(names = "--iap-policy", required = true, paramLabel = "FILE",
                    description = IAP_POLICY)
            String iapPolicy;
            @Option(names = "--describe", paramLabel = "FILE",
                    description = "Optional: " + DESCRIPTION + ", checked to be that service.")
            String describe;
        }

        @Override
        public Integer call() throws IOException {
            if (!List.of("text", "markdown", "json").contains(format)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "' for adopt-report; expected text, markdown or json");
            }
            var root = main.root();
            var synthesized = new Workspace(root).synthesize(stack, warning -> { });
            var declared = synthesized.spec();
            var problems = new ArrayList<Problem>();
            var live = new ArrayList<AdoptReport.LiveService>();
            for (var s : services) {
                if (declared.services().stream().noneMatch(d -> d.name().equals(s.service))) {
                    throw new InputException("--service " + s.service + ": the stack '" + stack + "' declares no such service; expected one of "
                            + declared.services().stream().map(d -> d.name()).collect(Collectors.joining(", ")));
                }
                var number = declared.projectNumber();
                if (s.describe != null) {
                    try {
                        var description = ServiceDescription.read(root.resolve(s.describe), s.describe);
                        problems.addAll(description.mismatches(s.service, declared.region(), declared.projectNumber()));
                        number = Optional.of(description.projectNumber());
                    } catch (GcloudInputException e) {
                        problems.addAll(e.problems());
                    }
                }
                var run = read(root, s.runPolicy, IamPolicyFile.Which.RUN, number, problems);
                var iap = read(root, s.iapPolicy, IamPolicyFile.Which.IAP, number, problems);
                if (run != null && iap != null) {
                    live.add(new AdoptReport.LiveService(s.service, run, iap));
                }
            }
            if (!problems.isEmpty()) {
                throw new GcloudInputException(problems);
            }
            var report = AdoptReport.of(synthesized.plan(), declared, live);
            main.emit(report.render(format), out);
            // Losing access is never silent, wherever the report went.
            if (report.losses() > 0) {
                main.err().println("warning: " + report.losses() + (report.losses() == 1 ? " principal loses" : " principals lose")
                        + " access when stack '" + stack + "' adopts these services; see access-revoked above");
            }
            if (report.publicPrincipals() > 0) {
                main.err().println("warning: a public principal is in a live policy; see public-principal above");
            }
            if (report.importFailures() > 0) {
                main.err().println("warning: " + report.importFailures() + (report.importFailures() == 1 ? " adopted grant is" : " adopted grants are")
                        + " not in the live policy, so pulumi up fails to import it; see import-fails above");
            }
            return failOnLoss && (report.losses() > 0 || report.publicPrincipals() > 0 || report.importFailures() > 0)
                    ? Main.CHANGES_OR_FAILED : Main.OK;
        }

        private static IamPolicyFile read(java.nio.file.Path root, String file, IamPolicyFile.Which which, Optional<String> number,
                                          List<Problem> problems) {
            try {
                return IamPolicyFile.read(root.resolve(file), file, which, number);
            } catch (GcloudInputException e) {
                problems.addAll(e.problems());
                return null;
            }
        }
    }

    @Command(name = "adopt-init", mixinStandardHelpOptions = true, synopsisHeading = "usage: ",
            description = {"Write a starter stack file that declares a service as it runs today, from gcloud's description of it "
                    + "and its two IAM policies; checked like validate, never over an existing file.",
                    "What a stack file cannot declare is listed on stderr and in the file's comments, with where it was found."})
    static final class Init implements Callable<Integer> {
        @ParentCommand Main main;
        @Option(names = "--describe", required = true, paramLabel = "FILE",
                description = DESCRIPTION)
        String describe;
        @Option(names = "--run-policy", required = true, paramLabel = "FILE",
                description = RUN_POLICY)
        String runPolicy;
        @Option(names = "--iap-policy", required = true, paramLabel = "FILE",
                description = IAP_POLICY)
        String iapPolicy;
        @Option(names = "--project-id", required = true, paramLabel = "PROJECT_ID",
                description = "The service's project id: the description gives only the project number, and the service account "
                        + "may belong to another project.")
        String projectId;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the stack file to FILE (never over an existing one) instead of printing it.")
        String out;

        @Override
        public Integer call() throws IOException {
            var root = main.root();
            var problems = new ArrayList<Problem>();
            ServiceDescription description = null;
            try {
                description = ServiceDescription.read(root.resolve(describe), describe);
            } catch (GcloudInputException e) {
                problems.addAll(e.problems());
            }
            var number = Optional.ofNullable(description).map(ServiceDescription::projectNumber);
            var run = Report.read(root, runPolicy, IamPolicyFile.Which.RUN, number, problems);
            var iap = Report.read(root, iapPolicy, IamPolicyFile.Which.IAP, number, problems);
            if (!problems.isEmpty()) {
                throw new GcloudInputException(problems);
            }
            if (out != null && Files.exists(root.resolve(out))) {
                throw new InputException("--out " + out + ": the file already exists; adopt-init never overwrites a file");
            }
            var result = StarterStackFile.write(description, run, iap, projectId);
            var displayName = out != null ? out : "the starter stack file";
            var check = StackFileReader.check(displayName, result.text(), new StackFileReader.Defaults(Optional.of(result.projectId()),
                    Optional.of(description.region())), Optional.empty());
            if (!check.errors().isEmpty()) {
                throw new InputException("the service as it runs today breaks rules of the stack file, so no stack file was written:\n"
                        + check.errors().stream().map(p -> "  " + p.path() + ": " + p.message()).collect(Collectors.joining("\n")));
            }
            var err = main.err();
            main.emit(result.text(), out);
            err.println("project id " + result.projectId() + ", from --project-id");
            result.unexpressed().forEach(u -> err.println("not declared: " + u));
            result.warnings().forEach(w -> err.println("warning: " + w));
            check.warnings().forEach(w -> err.println("warning: " + w.path() + ": " + w.message()));
            return Main.OK;
        }
    }
}
