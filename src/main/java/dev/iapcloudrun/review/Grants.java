package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ServiceSpec;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.StructJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may reach which service, read from a plan rather than from the stack file: the plan is what the
 * engine would apply, so a report or a diff built on it cannot disagree with a deployment.
 */
public final class Grants {

    private Grants() {}

    /** How the principal of this project's own IAP service agent is shown, whether its address is known yet or not. */
    public static final String IAP_AGENT = "[this project's IAP service agent]";

    /** The default Compute Engine service account: Google advises never to run a service as it, it may hold Editor. */
    private static final Pattern DEFAULT_COMPUTE = Pattern.compile("(serviceAccount:)?[0-9]+-compute@developer\\.gserviceaccount\\.com");

    private static final Pattern SECRET_PATH = Pattern.compile("projects/([^/]+)/secrets/([^/]+)");

    /** Authoritative grants come from a Binding (exactly these members), additive ones from a Member. */
    public enum Kind {
        AUTHORITATIVE("authoritative"), ADDITIVE("additive");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** An IAM condition on a grant. */
    public record Condition(String title, String expression) {}

    /**
     * One principal holding one role on one service.
     *
     * @param principal the member as the plan sends it; {@code "[unknown]"} values are replaced by a
     *                  description, since a grant to an address known only after deployment must still be told apart
     * @param iapAgent  the principal is this project's own IAP service agent (the grant its IapProjectSetup makes),
     *                  not merely some address under {@code gcp-sa-iap}
     */
    public record Grant(String service, String role, String principal, Kind kind, Optional<Condition> condition,
                        boolean iapAgent) {

        /**
         * Grants are compared per service, role and principal: a changed condition or kind is a change of that grant.
         * Principals are compared as IAM compares them, so a change of case only is no change of access. The project's
         * own agent is one principal whether its address is declared or known only after deployment, as it is to a real
         * preview, which reads the number from the project.
         */
        public String key() {
            return service + " " + role + " " + (iapAgent ? IAP_AGENT : Principal.canonical(principal));
        }

        public boolean isPublic() {
            return principal.equals("allUsers") || principal.equals("allAuthenticatedUsers");
        }

        public boolean isIapAgent() {
            return iapAgent;
        }

        /**
         * An authoritative binding with a condition owns only the entry of its role and that condition: grants of the
         * role without it, or with another, made outside the stack, survive every apply.
         */
        public String describe() {
            if (kind == Kind.AUTHORITATIVE && condition.isPresent()) {
                return "authoritative for condition '" + condition.get().title() + "' only";
            }
            // The expression is shown once for all the grants that share it, not in every grant's description.
            return kind.label + condition.map(c -> ", condition '" + c.title() + "'").orElse(", no condition");
        }
    }

    /**
     * The access-relevant settings of one Cloud Run service. Missing inputs take the provider's defaults.
     *
     * @param runtimeIdentity the email the service runs as ({@code template.serviceAccount}); empty when none is set,
     *                        which makes Cloud Run use the project's default Compute Engine account
     * @param binaryAuthorization the policy its images are checked against: the policy's path, "the project's default
     *                        policy", or empty when Binary Authorization is off
     * @param breakglass      the breakglass justification; empty when the policy is enforced
     */
    public record ServiceSettings(String service, boolean iapEnabled, boolean invokerIamDisabled, String ingress,
                                  boolean deletionProtection, String runtimeIdentity, String binaryAuthorization, String breakglass) {

        static ServiceSettings of(Plan.PlannedResource service) {
            var in = service.inputs();
            return new ServiceSettings(in.path("name").asText(service.name()),
                    in.path("iapEnabled").asBoolean(false),
                    in.path("invokerIamDisabled").asBoolean(false),
                    in.path("ingress").asText("INGRESS_TRAFFIC_ALL"),
                    in.path("deletionProtection").asBoolean(true),
                    in.path("template").path("serviceAccount").asText(""),
                    binaryAuthorization(in.path("binaryAuthorization")),
                    in.path("binaryAuthorization").path("breakglassJustification").asText(""));
        }

        /** A policy path wins over useDefault, as Cloud Run takes it; useDefault false or neither is no policy at all. */
        private static String binaryAuthorization(com.fasterxml.jackson.databind.JsonNode in) {
            var policy = in.path("policy").asText("");
            if (!policy.isEmpty()) {
                return policy;
            }
            return in.path("useDefault").asBoolean(false) ? "the project's default policy" : "";
        }

        /** The ingress as the stack file writes it ({@code internal}), or the API's value when no stack file word means it. */
        public String ingressWord() {
            return ingressWord(ingress);
        }

        static String ingressWord(String wire) {
            return Arrays.stream(ServiceSpec.Ingress.values()).filter(i -> i.wire.equals(wire)).map(i -> i.yaml).findFirst().orElse(wire);
        }

        /** The runtime identity as an IAM member, the form grants name it in. */
        public String runtimeMember() {
            return "serviceAccount:" + runtimeIdentity;
        }

        public boolean runsAsDefaultComputeAccount() {
            return runtimeIdentity.isEmpty() || isDefaultComputeAccount(runtimeIdentity);
        }

        /** The runtime identity for a reader. */
        public String runtimeLabel() {
            if (runtimeIdentity.isEmpty()) {
                return "the project's default Compute Engine account (none set)";
            }
            if (runtimeIdentity.equals(StructJson.UNKNOWN)) {
                return "(known after deployment)";
            }
            return runtimeIdentity + (isDefaultComputeAccount(runtimeIdentity) ? " (default Compute Engine account)" : "");
        }
    }

    /**
     * A role on a Secret Manager secret, such as the accessor grant a service's runtime identity needs to read it.
     *
     * @param service the service whose runtime identity holds it, or empty when the principal is no service's
     * @param project the secret's project, as the grant names it; empty when it names none (the provider's default)
     */
    public record SecretGrant(String service, String principal, String project, String secret, String role) {

        public String key() {
            return project + "/" + secret + " " + role + " " + principal;
        }

        /** {@code projects/P/secrets/S}, as a reader finds the secret in the console. */
        public String path() {
            return (project.isEmpty() ? "(default project)" : "projects/" + project) + "/secrets/" + secret;
        }
    }

    /**
     * A role on a whole project ({@code gcp:projects/iAMMember:IAMMember}), such as one a service's runtime identity
     * holds to export traces or reach Cloud SQL: whoever declared it, it is what the service itself may do.
     *
     * @param service the service whose runtime identity holds it, or empty when the principal is no service's
     */
    public record ProjectRole(String service, String principal, String project, String role) {

        public String key() {
            return project + " " + role + " " + Principal.canonical(principal);
        }
    }

    public static final Comparator<Grant> ORDER = Comparator.comparing(Grant::service).thenComparing(Grant::role)
            .thenComparing(Grant::principal);

    /** Whether an email or member is a project's default Compute Engine service account. */
    public static boolean isDefaultComputeAccount(String emailOrMember) {
        return DEFAULT_COMPUTE.matcher(emailOrMember).matches();
    }

    /** Every IAP accessor and Cloud Run invoker grant of a plan, sorted by service, role and principal. */
    public static List<Grant> of(Plan plan) {
        var agentGrants = agentGrants(plan);
        var agentAddresses = agentAddresses(plan);
        var grants = new ArrayList<Grant>();
        for (var r : plan.resources()) {
            var in = r.inputs();
            switch (r.type()) {
                // Only the agent's invoker grant is how IAP works; any other grant to it is shown like anyone's.
                case GcpTypes.IAP_WEB_RUN_IAM_BINDING -> in.path("members").forEach(member ->
                        grants.add(grant(r, in.path("cloudRunServiceName"), member, Kind.AUTHORITATIVE, false)));
                case GcpTypes.IAP_WEB_RUN_IAM_MEMBER -> grants.add(grant(r, in.path("cloudRunServiceName"), in.path("member"),
                        Kind.ADDITIVE, false));
                case GcpTypes.RUN_SERVICE_IAM_MEMBER -> grants.add(grant(r, in.path("name"), in.path("member"), Kind.ADDITIVE,
                        agentGrants.contains(r.urn()) || agentAddresses.contains(in.path("member").asText())));
                default -> { }
            }
        }
        grants.sort(ORDER);
        return grants;
    }

    /**
     * The addresses that are this project's own IAP service agent in a plan: those of the grants made to the agent
     * that the plan's own IapProjectSetup asks for. Another project's agent is an ordinary principal.
     */
    public static Set<String> agentAddresses(Plan plan) {
        var agentGrants = agentGrants(plan);
        var addresses = new HashSet<String>();
        plan.resources().stream().filter(r -> agentGrants.contains(r.urn()))
                .map(r -> r.inputs().path("member").asText())
                .filter(m -> !m.equals(StructJson.UNKNOWN)).forEach(addresses::add);
        return addresses;
    }

    /**
     * The URNs of the invoker grants whose member is the agent of the plan's own {@code iap.googleapis.com} service
     * identity: the agent's address carries that identity as a dependency, whether the project number was declared
     * or is looked up during deployment.
     */
    private static Set<String> agentGrants(Plan plan) {
        var identities = new HashSet<String>();
        plan.ofType(GcpTypes.SERVICE_IDENTITY).stream()
                .filter(r -> r.inputs().path("service").asText().equals("iap.googleapis.com"))
                .forEach(r -> identities.add(r.urn()));
        var urns = new HashSet<String>();
        plan.ofType(GcpTypes.RUN_SERVICE_IAM_MEMBER).stream()
                .filter(r -> r.dependsOn().stream().anyMatch(identities::contains))
                .forEach(r -> urns.add(r.urn()));
        return urns;
    }

    /** The settings of every Cloud Run service of a plan, by service name. */
    public static List<ServiceSettings> services(Plan plan) {
        return plan.ofType(GcpTypes.RUN_SERVICE).stream().map(ServiceSettings::of)
                .sorted(Comparator.comparing(ServiceSettings::service)).toList();
    }

    /**
     * A custom OAuth client IAP signs users in with, as the plan's IAP settings name it; the client secret is never read.
     *
     * @param service the one service these settings are for, or empty for every service of the project
     */
    public record OAuthClient(String clientId, Optional<String> service) {}

    /** The custom OAuth clients of a plan, the project's first; none means Google's managed client. */
    public static List<OAuthClient> oauthClients(Plan plan) {
        return plan.ofType(GcpTypes.IAP_SETTINGS).stream().map(r -> {
            var name = r.inputs().path("name").asText("");
            var service = name.contains("/services/") ? Optional.of(name.substring(name.lastIndexOf('/') + 1)) : Optional.<String>empty();
            return new OAuthClient(r.inputs().path("accessSettings").path("oauthSettings").path("clientId").asText(""), service);
        }).sorted(Comparator.comparing((OAuthClient c) -> c.service().orElse(""))).toList();
    }

    /** Every Secret Manager grant of a plan, each tied to the service whose runtime identity holds it. */
    public static List<SecretGrant> secrets(Plan plan) {
        var services = services(plan);
        var stackProject = project(plan);
        var grants = new ArrayList<SecretGrant>();
        for (var r : plan.ofType(GcpTypes.SECRET_IAM_MEMBER)) {
            var in = r.inputs();
            var principal = in.path("member").asText();
            var secret = in.path("secretId").asText();
            var project = in.path("project").asText("");
            var path = SECRET_PATH.matcher(secret);
            if (path.matches()) {
                project = path.group(1);
                secret = path.group(2);
            } else if (project.isEmpty()) {
                project = stackProject;
            }
            grants.add(new SecretGrant(serviceOf(services, principal), principal, project, secret, in.path("role").asText()));
        }
        grants.sort(Comparator.comparing(SecretGrant::service).thenComparing(SecretGrant::path)
                .thenComparing(SecretGrant::role).thenComparing(SecretGrant::principal));
        return grants;
    }

    /** Every project role of a plan, each tied to the service whose runtime identity holds it. */
    public static List<ProjectRole> projectRoles(Plan plan) {
        var services = services(plan);
        var roles = new ArrayList<ProjectRole>();
        for (var r : plan.ofType(GcpTypes.PROJECT_IAM_MEMBER)) {
            var in = r.inputs();
            var principal = in.path("member").asText();
            roles.add(new ProjectRole(serviceOf(services, principal), principal, in.path("project").asText(""), in.path("role").asText()));
        }
        roles.sort(Comparator.comparing(ProjectRole::service).thenComparing(ProjectRole::project)
                .thenComparing(ProjectRole::role).thenComparing(ProjectRole::principal));
        return roles;
    }

    /** The service whose runtime identity {@code principal} is, as IAM compares members; empty for anyone else. */
    private static String serviceOf(List<ServiceSettings> services, String principal) {
        var member = Principal.canonical(principal);
        return services.stream().filter(s -> !s.runtimeIdentity().isEmpty() && Principal.canonical(s.runtimeMember()).equals(member))
                .map(ServiceSettings::service).findFirst().orElse("");
    }

    /** The stack's project: as it exports it, or as its services name it. */
    public static String project(Plan plan) {
        var exported = plan.outputs().path("project").asText("");
        if (!exported.isEmpty()) {
            return exported;
        }
        return plan.ofType(GcpTypes.RUN_SERVICE).stream().map(r -> r.inputs().path("project").asText(""))
                .filter(p -> !p.isEmpty()).findFirst().orElse("");
    }

    private static Grant grant(Plan.PlannedResource r, JsonNode service, JsonNode member, Kind kind, boolean agent) {
        var in = r.inputs();
        var principal = member.asText();
        if (StructJson.UNKNOWN.equals(member.asText())) {
            principal = agent ? IAP_AGENT : "[known after deployment: " + r.name() + "]";
        }
        var condition = in.path("condition");
        Optional<Condition> c = condition.isObject()
                ? Optional.of(new Condition(condition.path("title").asText(), condition.path("expression").asText()))
                : Optional.empty();
        return new Grant(service.asText(r.name()), in.path("role").asText(), principal, kind, c, agent);
    }
}
