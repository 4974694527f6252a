package dev.iapcloudrun.synth;

/**
 * Resource URNs as the Pulumi engine makes them: {@code urn:pulumi:STACK::PROJECT::QUALIFIED-TYPE::NAME}, where a
 * resource's qualified type is its parent's qualified type, {@code $}, its own type; except that the root stack's type
 * is never part of it. A component at the top of a stack is
 * {@code urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService::orders}, its service
 * {@code urn:pulumi:dev::iap-cloudrun::iap-cloudrun:index:IapCloudRunService$gcp:cloudrunv2/service:Service::orders}.
 * This is {@code NewURN} in pulumi's {@code sdk/go/common/resource/urn.go} (a parent type equal to {@code RootStackType}
 * is dropped), and the engine resolves an alias with it too ({@code collapseAliasToUrn} in
 * {@code pkg/resource/deploy/step_generator.go}). The Java SDK's own {@code Urn.create}, which its mock monitor uses,
 * keeps the root stack's type; but {@code pulumi state delete}, {@code --target} and {@code import} take the engine's.
 */
public final class Urns {

    /** The type of a stack's root resource, which the engine leaves out of its descendants' URNs. */
    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    private static final String PREFIX = "urn:pulumi:";
    private static final String ROOT_STACK_PARENT = "::" + ROOT_STACK_TYPE + "$";

    private Urns() {}

    /**
     * The URN of the resource {@code name} of type {@code type} under the resource whose URN is {@code parent}
     * (empty for none), in {@code stack} of {@code project}.
     */
    public static String of(String stack, String project, String parent, String type, String name) {
        var parentType = parent.isEmpty() ? "" : qualifiedType(parent);
        var qualified = parentType.isEmpty() || parentType.equals(ROOT_STACK_TYPE) ? type : parentType + "$" + type;
        return PREFIX + stack + "::" + project + "::" + qualified + "::" + name;
    }

    /**
     * The qualified type of a URN: its ancestors' types and its own, joined by {@code $}. Neither a stack, a project
     * nor a type contains {@code ::}; a name may.
     */
    public static String qualifiedType(String urn) {
        int afterStack = urn.startsWith(PREFIX) ? urn.indexOf("::", PREFIX.length()) : -1;
        int afterProject = afterStack < 0 ? -1 : urn.indexOf("::", afterStack + 2);
        int afterType = afterProject < 0 ? -1 : urn.indexOf("::", afterProject + 2);
        if (afterType < 0) {
            throw new IllegalArgumentException("not a URN: '" + urn + "'; expected urn:pulumi:STACK::PROJECT::TYPE::NAME");
        }
        return urn.substring(afterProject + 2, afterType);
    }

    /**
     * The engine's URN for one written with the root stack's type before its own (by this tool before it followed the
     * engine, or by the Java SDK's {@code Urn.create}); any other string unchanged.
     */
    public static String withoutRootStackType(String urn) {
        if (!urn.startsWith(PREFIX)) {
            return urn;
        }
        int afterStack = urn.indexOf("::", PREFIX.length());
        int afterProject = afterStack < 0 ? -1 : urn.indexOf("::", afterStack + 2);
        return afterProject >= 0 && urn.startsWith(ROOT_STACK_PARENT, afterProject)
                ? urn.substring(0, afterProject + 2) + urn.substring(afterProject + ROOT_STACK_PARENT.length())
                : urn;
    }

    /**
     * The URN an alias names, as the engine resolves it ({@code collapseAliasToUrn} in pulumi's
     * {@code pkg/resource/deploy/step_generator.go}): what the alias spec leaves out (stack, project, type, parent) is
     * the resource's own, {@code request}'s, in stack {@code stack} of {@code project}.
     */
    public static String ofAlias(String stack, String project, pulumirpc.AliasOuterClass.Alias alias, pulumirpc.Resource.RegisterResourceRequest request) {
        if (alias.hasUrn()) {
            return alias.getUrn();
        }
        var spec = alias.getSpec();
        var parent = switch (spec.getParentCase()) {
            case PARENTURN -> spec.getParentUrn();
            case NOPARENT -> "";
            case PARENT_NOT_SET -> request.getParent();
        };
        return of(spec.getStack().isEmpty() ? stack : spec.getStack(), spec.getProject().isEmpty() ? project : spec.getProject(),
                parent, spec.getType().isEmpty() ? request.getType() : spec.getType(),
                spec.getName().isEmpty() ? request.getName() : spec.getName());
    }
}
