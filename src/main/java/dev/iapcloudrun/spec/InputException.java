package dev.iapcloudrun.spec;

import com.pulumi.exceptions.RunException;

/**
 * A mistake in what the user wrote (a stack file, a stack's config), as opposed to a bug. It is a
 * {@link RunException} so that under {@code pulumi up} the Pulumi SDK shows its message without a stack
 * trace; offline, {@code synth} prints it and exits with code 2.
 */
public class InputException extends RunException {

    public InputException(String message) {
        super(message);
    }
}
