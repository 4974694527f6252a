package dev.iapcloudrun.spec;

import java.util.Optional;

/**
 * The Binary Authorization policy of a service, validated.
 *
 * @param policy                  {@code default}, or a policy's name or path
 * @param breakglassJustification why the policy is bypassed; empty means it is enforced
 */
public record BinaryAuthorizationSpec(String policy, Optional<String> breakglassJustification) {}
