package dev.iapcloudrun.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one stack file, reported together so that one edit can fix them all. */
public final class StackFileException extends InputException {

    private final transient List<Problem> problems;

    public StackFileException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        var header = problems.size() == 1 ? "1 problem in the stack file:" : problems.size() + " problems in the stack file:";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
