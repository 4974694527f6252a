package dev.iapcloudrun.spec;

/**
 * What a stack demands beyond the defaults, written in its stack file under {@code policy}. Each switch
 * turns one warning into an error for that stack, so that production can refuse what development allows.
 *
 * @param requireImageDigests           every image must be pinned by digest ({@code @sha256:...})
 * @param requireDeletionProtection     no service may switch deletion protection off
 * @param requireAuthoritativeAccessors every accessors block must be authoritative
 * @param requireBinaryAuthorization    every service must be deployed under a Binary Authorization policy
 * @param allowDefaultServiceAccounts   the one switch the other way: a service may run as the project's default Compute
 *                                      Engine or App Engine service account, with a warning each time, instead of an error
 * @param allowAdminRoles               the same way: a runtime identity may hold {@code roles/SERVICE.admin} roles, with a
 *                                      warning each time (roles that administer IAM stay refused)
 */
public record StackPolicy(boolean requireImageDigests, boolean requireDeletionProtection, boolean requireAuthoritativeAccessors,
        boolean allowDefaultServiceAccounts, boolean requireBinaryAuthorization, boolean allowAdminRoles) {

    public static final StackPolicy NONE = new StackPolicy(false, false, false, false, false, false);
}
