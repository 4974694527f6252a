package dev.iapcloudrun.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the validator found in one stack file: the stack when it is valid, every error, every warning.
 * {@code synth}, {@code validate} and the program under {@code pulumi up} all read stack files through this.
 *
 * @param spec     present exactly when there are no errors
 * @param errors   problems that stop the stack from being planned or deployed, in file order
 * @param warnings risky but allowed choices, in file order; a stack policy or {@code --strict} makes them errors
 */
public record StackCheck(Optional<StackSpec> spec, List<Problem> errors, List<Problem> warnings) {

    public StackCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (!errors.isEmpty()) {
            spec = Optional.empty();
        }
    }

    /** The same check with every warning counted as an error ({@code validate --strict}). */
    public StackCheck strict() {
        if (warnings.isEmpty()) {
            return this;
        }
        var all = new ArrayList<>(errors);
        all.addAll(warnings);
        all.sort(StackFileReader.FILE_ORDER);
        return new StackCheck(Optional.empty(), all, List.of());
    }

    /** The stack, or a {@link StackFileException} with every error. */
    public StackSpec orThrow() {
        if (!errors.isEmpty()) {
            throw new StackFileException(errors);
        }
        return spec.orElseThrow();
    }

    /** The warnings as the command line prints them, or empty text when there are none. */
    public String warningText() {
        if (warnings.isEmpty()) {
            return "";
        }
        return FileSection.text(warnings, "warning") + "\n";
    }
}
