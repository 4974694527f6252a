package dev.iapcloudrun.spec;

/**
 * One mistake in a stack file, written for the person who edits it: where ({@code file:line:column}),
 * which field ({@code services[2].accessors.members[1]}), and what was found against what is expected.
 */
public record Problem(Location location, String path, String message) {

    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
