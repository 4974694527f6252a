package dev.iapcloudrun.adopt;

import dev.iapcloudrun.provider.gcp.GcpTypes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider's import ID of each resource the program adopts, from what the program declares for it: its type and
 * its inputs by their wire names. The one place these formats live, so that the {@code import} resource option the
 * components set and the file {@code import-file} writes can never disagree.
 *
 * <p>Each ID is the first (fullest) form of the "Import" section of the type's {@code @pulumi/gcp} 9.37.0 declaration,
 * so that it names project and location itself and never falls back to the provider's configuration. IAM members and
 * bindings are adopted one role (and one condition) at a time, so their IDs carry every input that forces a
 * replacement: an ID that named another grant than the declared one would be followed by a replacement, which the
 * engine refuses for a resource that still has an import ID.
 */
public final class ImportIds {

    /** The types the program adopts; every other resource of a stack is created (see the README's "Adopting"). */
    public static final Set<String> ADOPTED_TYPES = Set.of(GcpTypes.RUN_SERVICE, GcpTypes.RUN_SERVICE_IAM_MEMBER,
            GcpTypes.IAP_WEB_RUN_IAM_BINDING, GcpTypes.IAP_WEB_RUN_IAM_MEMBER, GcpTypes.SERVICE_ACCOUNT);

    private ImportIds() {}

    /**
     * The import ID of a resource of {@code type} with {@code inputs} (wire names; a condition's title as
     * {@code condition.title}), empty for a type the program does not adopt.
     *
     * @throws IllegalArgumentException when an input the ID names is missing
     */
    public static Optional<String> of(String type, Map<String, String> inputs) {
        return Optional.ofNullable(switch (type) {
            // cloudrunv2/service.d.ts: projects/{{project}}/locations/{{location}}/services/{{name}}
            case GcpTypes.RUN_SERVICE -> runService(get(inputs, type, "project"), get(inputs, type, "location"), get(inputs, type, "name"));
            // cloudrunv2/serviceIamMember.d.ts: "<resource> <role> <member>", space-delimited
            case GcpTypes.RUN_SERVICE_IAM_MEMBER -> withCondition(String.join(" ",
                    runService(get(inputs, type, "project"), get(inputs, type, "location"), get(inputs, type, "name")),
                    get(inputs, type, "role"), get(inputs, type, "member")), inputs);
            // iap/webCloudRunServiceIamBinding.d.ts: "<resource> <role>"; a conditional binding's condition title follows
            // (projects/iammember.d.ts, "Conditional IAM Bindings"): the provider picks the binding by role and title.
            case GcpTypes.IAP_WEB_RUN_IAM_BINDING -> withCondition(String.join(" ", iapService(inputs, type), get(inputs, type, "role")), inputs);
            // iap/webCloudRunServiceIamMember.d.ts: "<resource> <role> <member>", then the condition title when there is one
            case GcpTypes.IAP_WEB_RUN_IAM_MEMBER -> withCondition(String.join(" ", iapService(inputs, type), get(inputs, type, "role"),
                    get(inputs, type, "member")), inputs);
            // serviceaccount/account.d.ts has no "Import" section in 9.37.0; the provider's own id, which a created account
            // gets too, is projects/{{project}}/serviceAccounts/{{email}}, and the email follows from the account id.
            case GcpTypes.SERVICE_ACCOUNT -> "projects/" + get(inputs, type, "project") + "/serviceAccounts/" + get(inputs, type, "accountId")
                    + "@" + get(inputs, type, "project") + ".iam.gserviceaccount.com";
            default -> null;
        });
    }

    /**
     * The import ID of an adopted resource of {@code type}: from the inputs its component knows of all its resources and
     * the pairs ({@code name, value, ...}) that name this one.
     *
     * @throws IllegalArgumentException when {@code type} is not adopted or an input the ID names is missing
     */
    public static String of(String type, Map<String, String> known, String... pairs) {
        var inputs = new HashMap<>(known);
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put(pairs[i], pairs[i + 1]);
        }
        return of(type, inputs).orElseThrow(() -> new IllegalArgumentException(type + " is not adopted"));
    }

    private static String runService(String project, String location, String name) {
        return "projects/" + project + "/locations/" + location + "/services/" + name;
    }

    private static String iapService(Map<String, String> inputs, String type) {
        return "projects/" + get(inputs, type, "project") + "/iap_web/cloud_run-" + get(inputs, type, "location")
                + "/services/" + get(inputs, type, "cloudRunServiceName");
    }

    private static String withCondition(String id, Map<String, String> inputs) {
        var title = inputs.get("condition.title");
        return title == null ? id : id + " " + title;
    }

    private static String get(Map<String, String> inputs, String type, String input) {
        var value = inputs.get(input);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the import ID of a " + type + " names its '" + input + "', which is not known");
        }
        return value;
    }
}
