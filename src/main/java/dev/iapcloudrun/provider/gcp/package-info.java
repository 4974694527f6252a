/**
 * Typed bindings for the pulumi-gcp 9.37.0 resources that {@code com.pulumi:gcp:7.0.0} lacks or gets wrong.
 *
 * <p>7.0.0 is the newest pulumi-gcp Java SDK available to this project. Its {@code cloudrunv2.Service}
 * cannot be used at all (its {@code ports} is a list where 9.x takes one object, and it has no
 * {@code iapEnabled}, {@code invokerIamDisabled} or {@code deletionProtection}), and it has no
 * {@code iap.WebCloudRunServiceIam*} family and no {@code iap.Settings}. The classes here carry exactly the
 * 9.37.0 type tokens and wire property names, and are shaped like the generated SDK classes (same class
 * names, immutable {@code *Args} with a {@code Builder} whose setters take a plain value or an
 * {@code Output}, required fields checked in {@code build()}), so that moving to a newer
 * {@code com.pulumi:gcp} is an import change: {@code dev.iapcloudrun.provider.gcp} becomes
 * {@code com.pulumi.gcp}. Only the inputs and outputs this program uses are bound.
 *
 * <p>Where a 7.0.0 {@code *Args} class's wire schema still equals 9.37.0's ({@code cloudrunv2.ServiceIamMember},
 * {@code projects.Service}, {@code projects.ServiceIdentity}, {@code serviceaccount.Account},
 * {@code secretmanager.SecretIamMember}), the resource class here takes it as is. The resource classes bind
 * only the outputs the program reads: for every resource it registers, the SDK parses the type of every bound
 * output and deserializes the engine's answer into it, so each unread output is work without a use. Invokes
 * ({@code organizations.getProject}) use 7.0.0's functions, always with
 * {@link dev.iapcloudrun.provider.gcp.GcpProvider#VERSION}.
 */
package dev.iapcloudrun.provider.gcp;
