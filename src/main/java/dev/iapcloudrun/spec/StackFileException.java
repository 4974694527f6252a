package dev.iapcloudrun.spec;

import java.util.List;

/** Every problem found in one stack file and its config, reported together so that one edit can fix them all. */
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
        return FileSection.text(problems, "problem");
    }
}
