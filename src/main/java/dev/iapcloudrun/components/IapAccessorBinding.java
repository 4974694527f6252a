package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.adopt.ImportIds;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamBinding;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamBindingArgs;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamMember;
import dev.iapcloudrun.provider.gcp.iap.WebCloudRunServiceIamMemberArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.WebCloudRunServiceIamBindingConditionArgs;
import dev.iapcloudrun.provider.gcp.iap.inputs.WebCloudRunServiceIamMemberConditionArgs;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.rules.WarningTexts;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.StackRules;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

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

    private static final String COMPONENT = "IapAccessorBinding";

    /** The members granted, as IAM holds them. */
    @Export(name="members", refs={List.class, String.class}, tree="[0,1]")
    private Output<List<String>> members;

    public IapAccessorBinding(String name, IapAccessorBindingArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, InputChecks.now(COMPONENT, name, checks -> inputs(checks, args)), options);
        var in = inputs(InputChecks.later(COMPONENT, name, this), args);
        switch (in.mode()) {
            case "authoritative" -> {
                var binding = WebCloudRunServiceIamBindingArgs.builder()
                        .project(in.project())
                        .location(in.region())
                        .cloudRunServiceName(in.serviceName())
                        .role(Roles.IAP_ACCESSOR)
                        // As IAM holds them: the provider lower-cases emails anyway, and the plan shows what IAM will hold.
                        .members(in.members());
                in.condition().ifPresent(condition -> binding.condition(InputChecks.map(condition, c -> {
                    var args1 = WebCloudRunServiceIamBindingConditionArgs.builder().title(c.title()).expression(c.expression());
                    // The description is optional: an absent one is left out, not sent as null.
                    c.description().ifPresent(args1::description);
                    return args1.build();
                })));
                new WebCloudRunServiceIamBinding(name, binding.build(), adopting(GcpProvider.childOf(this), options,
                        in.adoption().map(a -> a.importId(GcpTypes.IAP_WEB_RUN_IAM_BINDING))).build());
            }
            default -> {
                for (Principal principal : in.additive()) {
                    var member = WebCloudRunServiceIamMemberArgs.builder()
                            .project(in.project())
                            .location(in.region())
                            .cloudRunServiceName(in.serviceName())
                            .role(Roles.IAP_ACCESSOR)
                            .member(principal.canonical());
                    in.condition().ifPresent(condition -> member.condition(InputChecks.map(condition, c -> {
                        var args1 = WebCloudRunServiceIamMemberConditionArgs.builder().title(c.title()).expression(c.expression());
                        c.description().ifPresent(args1::description);
                        return args1.build();
                    })));
                    new WebCloudRunServiceIamMember(name + "-" + principal.canonical(), member.build(), adopting(GcpProvider.childOf(this)
                            .aliases(IapCloudRunService.writtenNameAlias(this, name + "-", principal)), options,
                            in.adoption().map(a -> a.importId(GcpTypes.IAP_WEB_RUN_IAM_MEMBER, "member", principal.canonical()))).build());
                }
            }
        }
        this.members = in.members();
        registerOutputs(Map.of());
    }

    /**
     * @param mode     known now: it decides which resources exist
     * @param additive the members of an additive grant, known now: each is a resource named after its principal
     * @param members  the members as IAM holds them, sorted: possibly known only at deploy time for a binding
     */
    private record Inputs(Output<String> project, Output<String> region, Output<String> serviceName, String mode,
                          List<Principal> additive, Output<List<String>> members, Optional<Output<AccessorConditionArgs>> condition,
                          Optional<Adoption> adoption) {}

    /** What the import IDs of adopted grants name, each known when the program runs. */
    private record Adoption(String project, String region, String serviceName, Optional<String> conditionTitle) {

        String importId(String type, String... inputs) {
            var known = new HashMap<String, String>(Map.of("project", project, "location", region,
                    "cloudRunServiceName", serviceName, "role", Roles.IAP_ACCESSOR));
            conditionTitle.ifPresent(title -> known.put("condition.title", title));
            return ImportIds.of(type, known, inputs);
        }
    }

    /**
     * An adopted grant carries its import ID, and waits for what the component waits for (the service): its service name
     * is then a plain value, which carries no dependency on the service.
     */
    private static CustomResourceOptions.Builder adopting(CustomResourceOptions.Builder child, @Nullable ComponentResourceOptions options,
                                                          Optional<String> importId) {
        return importId.isEmpty() ? child : child.importId(importId.get()).dependsOn(GcpProvider.dependsOnOf(options));
    }

    /** With {@code adopt}, what each import ID names: known now, or refused. */
    private static Optional<Adoption> adoption(InputChecks c, IapAccessorBindingArgs args) {
        var adopt = c.known("adopt", args.adopt().orElse(null), "it decides whether grants are created or adopted").orElse(false);
        if (!adopt) {
            return Optional.empty();
        }
        var why = "with adopt, each grant's import ID names it";
        var project = c.known("project", args.project(), why);
        var region = c.known("region", args.region(), why);
        var serviceName = c.known("serviceName", args.serviceName(), why);
        var condition = args.condition().isPresent() ? c.known("condition", args.condition().get(), why) : Optional.<AccessorConditionArgs>empty();
        if (project.isEmpty() || region.isEmpty() || serviceName.isEmpty() || (args.condition().isPresent() && condition.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Adoption(project.get(), region.get(), serviceName.get(), condition.map(AccessorConditionArgs::title)));
    }

    private static Inputs inputs(InputChecks c, IapAccessorBindingArgs args) {
        var mode = c.known("mode", args.mode(), "it decides whether one binding or one grant per member is made");
        if (args.mode() == null) {
            c.missing("mode", InputRules.ACCESSOR_MODE_MEANING);
        }
        mode.flatMap(m -> InputRules.oneOf(m, InputRules.ACCESSOR_MODES)).ifPresent(problem -> c.refuse("mode", problem));
        var additive = new ArrayList<Principal>();
        Output<List<String>> members;
        if (args.members() == null) {
            c.missing("members", "a list of principals");
            members = Output.of(List.of());
        } else if (mode.filter("additive"::equals).isPresent()) {
            var known = c.known("members", args.members(), "with mode additive each member's grant is a resource named after "
                    + "its principal");
            if (known.filter(List::isEmpty).isPresent()) {
                c.refuse("members", InputRules.noMembers());
            }
            var written = known.orElse(List.of());
            IapCloudRunService.principals(c, "members", written, additive);
            members = Output.of(additive.stream().map(Principal::canonical).sorted().toList());
        } else {
            members = InputChecks.map(c.optional("members", args.members(), IapAccessorBinding::memberProblem).orElseThrow(),
                    list -> list.stream().map(Principal::canonical).distinct().sorted().toList());
        }
        var adoption = adoption(c, args);
        if (adoption.isPresent() && mode.orElse("authoritative").equals("authoritative")) {
            // Every time: taking over a hand-made policy is the point of adopting, and who loses access is the review. The
            // members may be known only at deploy time; the service's name is known, as adopting needs it.
            c.warn("mode", StackRules.Rule.ADOPTED_AUTHORITATIVE_ACCESSORS, () -> WarningTexts.adoptedAuthoritativeAccessors(
                    adoption.get().serviceName(), InputChecks.shownNow(args.members()).map(m -> OptionalInt.of(m.size())).orElse(OptionalInt.empty())));
        }
        return new Inputs(
                c.required("project", args.project(), "a project id", InputRules::projectId),
                c.required("region", args.region(), "a region such as europe-west1", r -> InputRules.region(r, Set.of())),
                c.required("serviceName", args.serviceName(), "the service's name (IapCloudRunService's serviceName)", n -> Optional.empty()),
                mode.orElse("authoritative"), List.copyOf(additive), members,
                c.optional("condition", args.condition().orElse(null), IapAccessorBinding::conditionProblem), adoption);
    }

    /** The first refused member of a list, if any, by the rules the stack file's members meet. */
    private static Optional<String> memberProblem(List<String> members) {
        if (members.isEmpty()) {
            return Optional.of(InputRules.noMembers());
        }
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < members.size(); i++) {
            var text = members.get(i);
            var problem = text == null ? Optional.of("found no principal; expected a principal") : InputRules.principal(text);
            if (problem.isEmpty()) {
                var first = seen.putIfAbsent(Principal.canonical(text), i);
                problem = first == null ? Optional.empty()
                        : Optional.of(InputRules.principalTwice(text, members.get(first), "at members[" + first + "]"));
            }
            if (problem.isPresent()) {
                return Optional.of("members[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> conditionProblem(AccessorConditionArgs condition) {
        if (condition.title() == null || condition.expression() == null) {
            return Optional.of("expected both a title and an expression");
        }
        return InputRules.conditionTitle(condition.title()).map(p -> "title: " + p)
                .or(() -> InputRules.conditionExpression(condition.expression()).map(p -> "expression: " + p));
    }

    public Output<List<String>> members() {
        return members;
    }
}
