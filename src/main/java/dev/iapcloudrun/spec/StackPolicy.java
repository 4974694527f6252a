package dev.iapcloudrun.spec;

/**
 * What a stack demands beyond the defaults, written in its stack file under {@code policy}. Each switch
 * turns one warning into an error for that stack, so that production can refuse what development allows.
 *
 * @param requireImageDigests           every image must be pinned by digest ({@code @sha256:...})
 * @param requireDeletionProtection     no service may switch deletion protection off
 * @param requireAuthoritativeAccessors every accessors block must be authoritative
 */
public record StackPolicy(boolean requireImageDigests, boolean requireDeletionProtection, boolean requireAuthoritativeAccessors) {

    public static final StackPolicy NONE = new StackPolicy(false, false, false);
}
