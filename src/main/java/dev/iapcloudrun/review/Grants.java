package dev.iapcloudrun.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iapcloudrun.components.IapServiceAgent;
import dev.iapcloudrun.provider.gcp.GcpTypes;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.StructJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may reach which service, read from a plan rather than from the stack file: the plan is what the
 * engine would apply, so a report or a diff built on it cannot disagree with a deployment.
 */
public final class Grants {

    private Grants() {}

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
     */
    public record Grant(String service, String role, String principal, Kind kind, Optional<Condition> condition) {

        /** Grants are compared per service, role and principal: a changed condition or kind is a change of that grant. */
        public String key() {
            return service + " " + role + " " + principal;
        }

        public boolean isPublic() {
            return principal.equals("allUsers") || principal.equals("allAuthenticatedUsers");
        }

        public boolean isIapAgent() {
            return IapServiceAgent.isAgent(principal);
        }
    }

    /** The access-relevant settings of one Cloud Run service. Missing inputs take the provider's defaults. */
    public record ServiceSettings(String service, boolean iapEnabled, boolean invokerIamDisabled, String ingress,
                                  boolean deletionProtection) {

        static ServiceSettings of(Plan.PlannedResource service) {
            var in = service.inputs();
            return new ServiceSettings(in.path("name").asText(service.name()),
                    in.path("iapEnabled").asBoolean(false),
                    in.path("invokerIamDisabled").asBoolean(false),
                    in.path("ingress").asText("INGRESS_TRAFFIC_ALL"),
                    in.path("deletionProtection").asBoolean(true));
        }
    }

    public static final Comparator<Grant> ORDER = Comparator.comparing(Grant::service).thenComparing(Grant::role)
            .thenComparing(Grant::principal);

    /** Every IAP accessor and Cloud Run invoker grant of a plan, sorted by service, role and principal. */
    public static List<Grant> of(Plan plan) {
        var grants = new ArrayList<Grant>();
        for (var r : plan.resources()) {
            var in = r.inputs();
            switch (r.type()) {
                case GcpTypes.IAP_WEB_RUN_IAM_BINDING -> in.path("members").forEach(member ->
                        grants.add(grant(r, in.path("cloudRunServiceName"), member, Kind.AUTHORITATIVE)));
                case GcpTypes.IAP_WEB_RUN_IAM_MEMBER -> grants.add(grant(r, in.path("cloudRunServiceName"), in.path("member"), Kind.ADDITIVE));
                case GcpTypes.RUN_SERVICE_IAM_MEMBER -> grants.add(grant(r, in.path("name"), in.path("member"), Kind.ADDITIVE));
                default -> { }
            }
        }
        grants.sort(ORDER);
        return grants;
    }

    /** The settings of every Cloud Run service of a plan, by service name. */
    public static List<ServiceSettings> services(Plan plan) {
        return plan.ofType(GcpTypes.RUN_SERVICE).stream().map(ServiceSettings::of)
                .sorted(Comparator.comparing(ServiceSettings::service)).toList();
    }

    private static Grant grant(Plan.PlannedResource r, JsonNode service, JsonNode member, Kind kind) {
        var in = r.inputs();
        var principal = member.asText();
        if (StructJson.UNKNOWN.equals(member.asText())) {
            principal = "[known after deployment: " + r.name() + "]";
        }
        var condition = in.path("condition");
        Optional<Condition> c = condition.isObject()
                ? Optional.of(new Condition(condition.path("title").asText(), condition.path("expression").asText()))
                : Optional.empty();
        return new Grant(service.asText(r.name()), in.path("role").asText(), principal, kind, c);
    }
}
