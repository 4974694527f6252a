package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the files gcloud printed, reported together; the command exits with code 2 and writes nothing. */
public final class GcloudInputException extends InputException {

    private final transient List<Problem> problems;

    public GcloudInputException(List<Problem> problems) {
        super(problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n",
                (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + " in gcloud's output:\n", "")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
