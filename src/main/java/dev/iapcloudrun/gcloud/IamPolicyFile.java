package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.components.IapServiceAgent;
import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.spec.Location;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A live IAM policy as gcloud prints it with {@code --format=json}: {@code {"bindings": [{"role", "members",
 * "condition": {"title", "expression", "description"}}], "etag", "version"}} (the IAM API's Policy resource, which both
 * {@code gcloud run services get-iam-policy} and {@code gcloud iap web get-iam-policy} print unchanged).
 *
 * <p>A policy names no resource, so which service it belongs to cannot be read from it. What can be told is checked: a
 * policy of the other kind (the two files swapped), a project's policy, a service description given as a policy, and an
 * IAP service agent of another project.
 *
 * @param file the file as the user named it
 */
public record IamPolicyFile(String file, List<Binding> bindings) {

    public IamPolicyFile {
        bindings = List.copyOf(bindings);
    }

    /** The command that prints a service's Cloud Run policy. */
    public static final String RUN_POLICY_COMMAND = "gcloud run services get-iam-policy SERVICE --region REGION --format=json";
    /** The command that prints a service's IAP policy. */
    public static final String IAP_POLICY_COMMAND = "gcloud iap web get-iam-policy --resource-type=cloud-run --service=SERVICE "
            + "--region=REGION --format=json";

    /** Which of the two policies of an IAP service a file is. */
    public enum Which {
        RUN("the service's Cloud Run policy (" + RUN_POLICY_COMMAND + ")", "roles/run."),
        IAP("the service's IAP policy (" + IAP_POLICY_COMMAND + ")", "roles/iap.");

        public final String description;
        final String rolePrefix;

        Which(String description, String rolePrefix) {
            this.description = description;
            this.rolePrefix = rolePrefix;
        }

        Which other() {
            return this == RUN ? IAP : RUN;
        }
    }

    /** An IAM condition; gcloud prints {@code description} only when it was set. */
    public record Condition(String title, String expression, String description) {

        /** IAM tells grants apart by role and the whole condition, so two conditions are one key only when all three agree. */
        public String key() {
            return title + "\n" + expression + "\n" + description;
        }
    }

    /** One member of a binding, where it stands in the file. */
    public record Member(String value, Location location) {

        public boolean isPublic() {
            return value.equals("allUsers") || value.equals("allAuthenticatedUsers");
        }
    }

    /** One role+condition entry of the policy. */
    public record Binding(String role, List<Member> members, Optional<Condition> condition, String path) {
        public Binding {
            members = List.copyOf(members);
        }
    }

    /** Keys of the IAM Policy resource; {@code auditConfigs} only ever appears in a project's policy. */
    private static final Set<String> POLICY_KEYS = Set.of("bindings", "etag", "version");
    private static final Set<String> BINDING_KEYS = Set.of("role", "members", "condition");
    private static final Set<String> CONDITION_KEYS = Set.of("title", "expression", "description", "location");
    /** Keys only a Cloud Run resource description has (Knative's object shape). */
    private static final Set<String> DESCRIPTION_KEYS = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    /** Roles that are only ever granted on a project (service agents, basic roles), never on one service. */
    private static final Pattern PROJECT_ROLE = Pattern.compile("roles/(owner|editor|resourcemanager\\..*|iam\\..*|[a-zA-Z]+\\.serviceAgent)");

    /**
     * Reads and checks a policy file.
     *
     * @param projectNumber the service's project number, when known: an IAP service agent of another project is refused
     * @throws GcloudInputException with every problem of the file
     */
    public static IamPolicyFile read(Path path, String displayName, Which which, Optional<String> projectNumber) {
        return GcloudJson.checked(problems -> GcloudJson.read(path, displayName, "a JSON IAM policy, " + which.description, problems),
                (root, problems) -> of(displayName, root, which, projectNumber, problems));
    }

    /** Parses policy text; see {@link #read}. */
    public static IamPolicyFile parse(String displayName, String text, Which which, Optional<String> projectNumber) {
        return GcloudJson.checked(problems -> GcloudJson.parse(displayName, text, "a JSON IAM policy, " + which.description, problems),
                (root, problems) -> of(displayName, root, which, projectNumber, problems));
    }

    private static IamPolicyFile of(String file, YamlNode.Mapping root, Which which, Optional<String> projectNumber, List<Problem> problems) {
        if (root.entries().keySet().stream().anyMatch(DESCRIPTION_KEYS::contains)) {
            problems.add(new Problem(root.location(), "", "found a resource description (apiVersion, kind, metadata: what "
                    + "gcloud ... describe prints), not an IAM policy; expected " + which.description));
            return null;
        }
        for (var key : root.entries().keySet()) {
            if (!POLICY_KEYS.contains(key)) {
                problems.add(new Problem(root.keyLocations().get(key), key, "unknown key '" + key + "' for an IAM policy"
                        + (key.equals("auditConfigs") ? " (only a project's policy has audit configs: is this gcloud projects get-iam-policy?)" : "")
                        + "; expected bindings, etag and version, as " + which.description + " prints them"));
            }
        }
        // gcloud prints the etag of every policy, even an empty one ({"etag": "ACAB"}): a file without it was not printed by gcloud.
        if (GcloudJson.text(root, "etag", problems, "etag").isEmpty()) {
            problems.add(new Problem(root.location(), "etag", "the etag is missing; expected the whole policy as "
                    + which.description + " prints it"));
        }
        root.at("version").ifPresent(v -> {
            if (!(v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER && Set.of("0", "1", "3").contains(s.text()))) {
                problems.add(new Problem(v.location(), "version", "found " + v.describe() + "; expected the policy version 1 or 3"));
            }
        });
        var bindings = new ArrayList<Binding>();
        var items = GcloudJson.list(root, "bindings", problems, "bindings");
        for (int i = 0; i < items.size(); i++) {
            binding(items.get(i), "bindings[" + i + "]", which, projectNumber, problems).ifPresent(bindings::add);
        }
        return new IamPolicyFile(file, bindings);
    }

    private static Optional<Binding> binding(YamlNode node, String path, Which which, Optional<String> projectNumber, List<Problem> problems) {
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(new Problem(node.location(), path, "found " + node.describe() + "; expected a binding {role, members, condition}"));
            return Optional.empty();
        }
        m.entries().keySet().stream().filter(k -> !BINDING_KEYS.contains(k)).forEach(k -> problems.add(new Problem(
                m.keyLocations().get(k), path + "." + k, "unknown key '" + k + "' in a binding; expected role, members and condition")));
        var role = GcloudJson.text(m, path + ".role", problems, "role");
        if (role.isEmpty()) {
            problems.add(new Problem(m.location(), path + ".role", "the binding names no role; expected a role such as "
                    + (which == Which.RUN ? Roles.RUN_INVOKER : Roles.IAP_ACCESSOR)));
            return Optional.empty();
        }
        var roleAt = GcloudJson.where(m, "role");
        if (role.get().startsWith(which.other().rolePrefix)) {
            problems.add(new Problem(roleAt, path + ".role", "found " + role.get() + ", a role of " + which.other().description
                    + "; expected " + which.description + ": are the two files swapped?"));
        } else if (PROJECT_ROLE.matcher(role.get()).matches()) {
            problems.add(new Problem(roleAt, path + ".role", "found " + role.get() + ", a role granted on a whole project: is this "
                    + "gcloud projects get-iam-policy? expected " + which.description));
        }
        var members = new ArrayList<Member>();
        var items = GcloudJson.list(m, path + ".members", problems, "members");
        for (int i = 0; i < items.size(); i++) {
            var memberPath = path + ".members[" + i + "]";
            var value = GcloudJson.text(items.get(i), memberPath, problems);
            if (value.isEmpty() || value.get().isBlank()) {
                problems.add(new Problem(items.get(i).location(), memberPath, "found an empty member; expected a principal such as user:EMAIL"));
                continue;
            }
            var agent = IapServiceAgent.projectNumber(value.get());
            if (agent.isPresent() && projectNumber.isPresent() && !agent.get().equals(projectNumber.get())) {
                problems.add(new Problem(items.get(i).location(), memberPath, "found the IAP service agent of project number "
                        + agent.get() + "; expected that of the service's project, " + projectNumber.get()
                        + ": is this the policy of a service in another project?"));
            }
            members.add(new Member(value.get(), items.get(i).location()));
        }
        if (members.isEmpty() && items.isEmpty()) {
            problems.add(new Problem(m.location(), path + ".members", "the binding has no members; expected at least one, as IAM never stores an empty binding"));
        }
        Optional<Condition> condition = Optional.empty();
        var c = m.at("condition");
        if (c.isPresent() && c.get() instanceof YamlNode.Mapping cm) {
            cm.entries().keySet().stream().filter(k -> !CONDITION_KEYS.contains(k)).forEach(k -> problems.add(new Problem(
                    cm.keyLocations().get(k), path + ".condition." + k, "unknown key '" + k + "' in a condition; expected title, expression and description")));
            var title = GcloudJson.text(cm, path + ".condition.title", problems, "title");
            var expression = GcloudJson.text(cm, path + ".condition.expression", problems, "expression");
            if (expression.isEmpty()) {
                problems.add(new Problem(cm.location(), path + ".condition.expression", "the condition has no expression; expected a CEL expression"));
            } else {
                condition = Optional.of(new Condition(title.orElse(""), expression.get(),
                        GcloudJson.text(cm, path + ".condition.description", problems, "description").orElse("")));
            }
        } else if (c.isPresent()) {
            problems.add(new Problem(c.get().location(), path + ".condition", "found " + c.get().describe() + "; expected a condition {title, expression, description}"));
        }
        return Optional.of(new Binding(role.get(), members, condition, path));
    }

    /** The bindings of one role. */
    public List<Binding> of(String role) {
        return bindings.stream().filter(b -> b.role().equals(role)).toList();
    }
}
