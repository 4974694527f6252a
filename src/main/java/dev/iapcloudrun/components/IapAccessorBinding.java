package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamBinding;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamBindingArgs;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamMember;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamMemberArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.WebCloudRunServiceIamBindingConditionArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.WebCloudRunServiceIamMemberConditionArgs;
import dev.iapcloudrun.spec.Principal;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * Who may reach one Cloud Run service through IAP: {@code roles/iap.httpsResourceAccessor} on the service's
 * IAP resource.
 * <ul>
 *   <li>authoritative: one {@code WebCloudRunServiceIamBinding} named {@code <name>} holding exactly the members;</li>
 *   <li>additive: one {@code WebCloudRunServiceIamMember} per principal, named {@code <name>-<principal>}, so that
 *       adding or removing one principal never touches the others' grants. The principal is written as IAM
 *       compares it ({@link Principal#canonical()}), so that a case-only edit keeps the grant's resource.</li>
 * </ul>
 * The optional IAM condition applies to every grant.
 */
public final class IapAccessorBinding extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapAccessorBinding";

    public IapAccessorBinding(String name, IapAccessorBindingArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var accessors = args.accessors();
        switch (accessors.mode()) {
            case AUTHORITATIVE -> {
                var binding = WebCloudRunServiceIamBindingArgs.builder()
                        .project(args.project())
                        .location(args.region())
                        .cloudRunServiceName(args.serviceName())
                        .role(Roles.IAP_ACCESSOR)
                        // As IAM holds them: the provider lower-cases emails anyway, and the plan shows what IAM will hold.
                        .members(accessors.members().stream().map(Principal::canonical).distinct().sorted().toList());
                accessors.condition().ifPresent(c -> {
                    var condition = WebCloudRunServiceIamBindingConditionArgs.builder().title(c.title()).expression(c.expression());
                    // The description is optional: an absent one is left out, not sent as null.
                    c.description().ifPresent(condition::description);
                    binding.condition(condition.build());
                });
                new WebCloudRunServiceIamBinding(name, binding.build(), GcpProvider.childOf(this).build());
            }
            case ADDITIVE -> {
                for (Principal principal : accessors.members()) {
                    var member = WebCloudRunServiceIamMemberArgs.builder()
                            .project(args.project())
                            .location(args.region())
                            .cloudRunServiceName(args.serviceName())
                            .role(Roles.IAP_ACCESSOR)
                            .member(principal.canonical());
                    accessors.condition().ifPresent(c -> {
                        var condition = WebCloudRunServiceIamMemberConditionArgs.builder().title(c.title()).expression(c.expression());
                        c.description().ifPresent(condition::description);
                        member.condition(condition.build());
                    });
                    new WebCloudRunServiceIamMember(name + "-" + principal.canonical(), member.build(), GcpProvider.childOf(this)
                            .aliases(IapCloudRunService.writtenNameAlias(this, name + "-", principal)).build());
                }
            }
        }
        registerOutputs(Map.of());
    }
}
