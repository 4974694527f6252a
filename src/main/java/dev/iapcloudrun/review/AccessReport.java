package dev.iapcloudrun.review;

import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.review.Grants.Grant;
import dev.iapcloudrun.review.Grants.SecretGrant;
import dev.iapcloudrun.review.Grants.ServiceSettings;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.spec.StackSpec.Audience;
import dev.iapcloudrun.synth.Plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who can reach which service in which environment, and through which grant, read from the stacks' plans.
 * The project's own IAP service agent's invoker grant is how IAP itself calls a service, not a person's access,
 * so it is shown as a property of the service instead of a row. Each service's runtime identity, its project roles
 * and the secrets it can read are shown with it: they are what the service itself can reach.
 */
public record AccessReport(List<Environment> environments) {

    public AccessReport {
        environments = List.copyOf(environments);
    }

    /**
     * One stack: who signs in, with which OAuth client, its services, every accessor and invoker grant on them, and the
     * secret grants of their identities.
     *
     * @param audience the stack file's {@code iap.audience}, which the plan does not hold
     */
    public record Environment(String stack, String project, String region, Audience audience, List<Grants.OAuthClient> oauthClients,
                              List<ServiceSettings> services, List<Grant> grants, Map<String, Boolean> agentCanInvoke,
                              List<SecretGrant> secrets, List<Grants.ProjectRole> projectRoles) {

        public Environment {
            projectRoles = List.copyOf(projectRoles);
        }

        public static Environment of(Plan plan, Audience audience) {
            var all = Grants.of(plan);
            var services = Grants.services(plan);
            var invokedByAgent = all.stream().filter(g -> g.isIapAgent() && g.role().equals(Roles.RUN_INVOKER))
                    .map(Grant::service).collect(Collectors.toSet());
            var agent = new TreeMap<String, Boolean>();
            services.forEach(s -> agent.put(s.service(), invokedByAgent.contains(s.service())));
            return new Environment(plan.stack(), Grants.project(plan),
                    plan.outputs().path("region").asText(""), audience, Grants.oauthClients(plan), services,
                    all.stream().filter(g -> !g.isIapAgent()).toList(), agent, Grants.secrets(plan),
                    Grants.projectRoles(plan));
        }

        /** Who signs in, and through which OAuth client: the client id only, never its secret. */
        String signIn() {
            var who = switch (audience) {
                case INTERNAL -> "users of the organization sign in";
                case EXTERNAL -> "users outside the organization sign in too";
                case NO_ORGANIZATION -> "the project has no organization; users sign in";
            };
            var clients = oauthClients.isEmpty() ? "Google's managed OAuth client"
                    : oauthClients.stream().map(c -> "OAuth client " + c.clientId() + c.service().map(s -> " (for " + s + ")")
                            .orElse(" (for every service of the project)")).collect(Collectors.joining(", "));
            return who + ", through " + clients;
        }

        /** The services anyone can call: IAP off and the invoker check off, so no sign-in and no grant is needed. */
        List<String> publicServices() {
            return services.stream().filter(AccessReport::isPublic).map(ServiceSettings::service).toList();
        }

        /** Whether IAP is on for a service: then an invoker grant alone lets nobody reach it. */
        boolean iapOn(String service) {
            return services.stream().anyMatch(s -> s.service().equals(service) && s.iapEnabled());
        }

        /** The service's runtime identity, its project roles and the secrets the stack lets it read. */
        String identityLine(ServiceSettings s) {
            var roles = projectRoles.stream().filter(r -> r.service().equals(s.service()))
                    .map(r -> r.role() + (InputRules.isAdminRole(r.role()) ? " (ADMIN)" : "")
                            + (!project.isEmpty() && !r.project().equals(project) ? " on " + r.project() + " (ANOTHER PROJECT)" : ""))
                    .toList();
            var readable = secrets.stream().filter(g -> g.service().equals(s.service()) && g.role().equals(Roles.SECRET_ACCESSOR))
                    .map(g -> g.path() + (!project.isEmpty() && !g.project().equals(project) ? " (ANOTHER PROJECT)" : ""))
                    .toList();
            return "runs as " + s.runtimeLabel() + "; project roles: " + (roles.isEmpty() ? "none granted by this stack"
                    : String.join(", ", roles)) + "; reads secrets: " + (readable.isEmpty() ? "none granted by this stack"
                    : String.join(", ", readable));
        }

        /** Principals in order, each with its grants by service. */
        Map<String, Map<String, List<Grant>>> matrix() {
            var matrix = new TreeMap<String, Map<String, List<Grant>>>();
            for (var grant : grants) {
                matrix.computeIfAbsent(grant.principal(), p -> new TreeMap<>())
                        .computeIfAbsent(grant.service(), s -> new java.util.ArrayList<>()).add(grant);
            }
            return matrix;
        }

        List<String> serviceNames() {
            var names = new TreeSet<String>();
            services.forEach(s -> names.add(s.service()));
            grants.forEach(g -> names.add(g.service()));
            return List.copyOf(names);
        }
    }

    /** @param iapOn IAP is on for the grant's service, so an invoker grant does not let its holder past IAP */
    static String role(Grant grant, boolean iapOn) {
        return switch (grant.role()) {
            case Roles.IAP_ACCESSOR -> "IAP accessor";
            case Roles.RUN_INVOKER -> iapOn ? "Cloud Run invoker (does not pass IAP)" : "Cloud Run invoker";
            default -> grant.role();
        };
    }

    /** An authoritative binding with a condition owns only that role and condition, not the role. */
    static String grantKind(Grant grant) {
        return grant.kind() == Grants.Kind.AUTHORITATIVE && grant.condition().isPresent()
                ? "authoritative for condition '" + grant.condition().get().title() + "' only"
                : grant.kind().label;
    }

    /** Notes that say what a row does not: shown only where a row of the environment needs them. */
    static List<String> notes(Environment env) {
        var notes = new java.util.ArrayList<String>();
        if (env.grants().stream().anyMatch(g -> g.role().equals(Roles.RUN_INVOKER) && env.iapOn(g.service()))) {
            notes.add("A Cloud Run invoker grant on a service with IAP on does not let anyone past IAP: IAP checks every "
                    + "request first and calls the service as its own agent. A caller needs IAP access (an accessor row) "
                    + "and an ID token IAP accepts.");
        }
        if (env.grants().stream().anyMatch(g -> g.kind() == Grants.Kind.AUTHORITATIVE && g.condition().isPresent())) {
            notes.add("An authoritative list with a condition is authoritative for that role and condition only: a grant "
                    + "of the same role without the condition, made outside the stack, survives and is not shown here.");
        }
        return notes;
    }

    static boolean isPublic(ServiceSettings s) {
        return !s.iapEnabled() && s.invokerIamDisabled();
    }

    static String serviceLine(ServiceSettings s, boolean agentCanInvoke) {
        return (s.iapEnabled() ? "IAP on" : "IAP OFF") + ", ingress " + s.ingressWord()
                + (s.invokerIamDisabled() ? ", invoker check OFF" : "")
                + (isPublic(s) ? ": PUBLIC, anyone who reaches its URL can call it, without signing in" : "")
                + (s.iapEnabled() && !agentCanInvoke ? ", IAP agent cannot invoke it" : "");
    }

    public String markdown() {
        var out = new StringBuilder("# Access report\n\nWho can reach which Cloud Run service, per environment, "
                + "read from each stack's plan.\n");
        for (var env : environments) {
            out.append("\n## ").append(env.stack()).append(": project `").append(env.project()).append("`, ")
                    .append(env.region()).append("\n\n");
            out.append("Audience `").append(env.audience().yaml).append("`: ").append(cell(env.signIn())).append(".\n\n");
            for (var s : env.services()) {
                out.append("- `").append(s.service()).append("`: ")
                        .append(serviceLine(s, env.agentCanInvoke().getOrDefault(s.service(), false))).append("; ")
                        .append(cell(env.identityLine(s))).append('\n');
            }
            for (var note : notes(env)) {
                out.append("\n> ").append(note).append('\n');
            }
            out.append("\n| Service | Principal | Role | Grant | Condition |\n| --- | --- | --- | --- | --- |\n");
            for (var g : env.grants()) {
                out.append("| ").append(cell(g.service())).append(" | ").append(cell(g.principal())).append(" | ")
                        .append(role(g, env.iapOn(g.service()))).append(" | ").append(cell(grantKind(g))).append(" | ")
                        .append(g.condition().map(c -> cell(c.title()) + ": `" + c.expression().replace("`", "'")
                                .replace("|", "\\|") + "`").orElse("none"))
                        .append(" |\n");
            }
            if (env.grants().isEmpty()) {
                out.append("| | nobody | | | |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return DiffFormat.escape(text);
    }

    /**
     * A self-contained page (no scripts, no remote assets): principals × services, one matrix per environment, a legend,
     * and what it was made from.
     */
    public String html(Provenance provenance) {
        var out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Access report</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }
                table { border-collapse: collapse; margin-bottom: 2rem; }
                th, td { border: 1px solid #d0d7de; padding: .4rem .6rem; text-align: left; vertical-align: top; }
                thead th { background: #f6f8fa; }
                .none { color: #8c959f; text-align: center; }
                .grant { background: #dafbe1; }
                .inert { background: #f6f8fa; color: #57606a; }
                .condition, .status, .identity { display: block; font-size: .85em; color: #9a6700; }
                .off { color: #cf222e; font-weight: bold; }
                .public { background: #ffebe9; color: #cf222e; font-weight: bold; }
                .legend dt { font-weight: bold; margin-top: .4rem; text-align: left; display: inline-block; padding: 0 .3rem; }
                .legend dd { margin: 0 0 .2rem 1.5rem; }
                .provenance, .audience { color: #57606a; }
                </style>
                </head>
                <body>
                <h1>Access report</h1>
                <p>Who can reach which Cloud Run service, per environment, read from each stack's plan.</p>
                """);
        out.append("<p class=\"provenance\">").append(html(provenance.describe())).append("</p>\n").append(LEGEND);
        for (var env : environments) {
            var services = env.serviceNames();
            out.append("<section data-stack=\"").append(html(env.stack())).append("\">\n<h2>").append(html(env.stack()))
                    .append(": project ").append(html(env.project())).append(", ").append(html(env.region())).append("</h2>\n");
            out.append("<p class=\"audience\" data-audience=\"").append(env.audience().yaml).append("\">")
                    .append("Audience <b>").append(env.audience().yaml).append("</b>: ").append(html(env.signIn())).append(".</p>\n");
            for (var service : env.publicServices()) {
                out.append("<p class=\"public\" data-service=\"").append(html(service)).append("\">").append(html(service))
                        .append(" is public: anyone who reaches its URL can call it, without signing in and without any grant "
                                + "(IAP off, invoker check off).</p>\n");
            }
            out.append("<table>\n<thead>\n<tr><th>Principal</th>");
            for (var service : services) {
                var settings = env.services().stream().filter(s -> s.service().equals(service)).findFirst();
                out.append("<th data-service=\"").append(html(service)).append("\">").append(html(service));
                settings.ifPresent(s -> {
                    var line = serviceLine(s, env.agentCanInvoke().getOrDefault(service, false));
                    out.append("<span class=\"status").append(line.contains("OFF") || line.contains("cannot") ? " off" : "")
                            .append("\">").append(html(line)).append("</span>");
                    var identity = env.identityLine(s);
                    out.append("<span class=\"identity").append(s.runsAsDefaultComputeAccount() || identity.contains("ANOTHER PROJECT")
                            || identity.contains("(ADMIN)") ? " off" : "").append("\">").append(html(identity)).append("</span>");
                });
                out.append("</th>");
            }
            out.append("</tr>\n</thead>\n<tbody>\n");
            if (!env.publicServices().isEmpty()) {
                // Nobody is granted anything on a public service, so without this row its column would read as "nobody".
                out.append("<tr data-principal=\"").append(ANYONE).append("\" class=\"public\"><th>").append(ANYONE).append("</th>");
                for (var service : services) {
                    out.append(env.publicServices().contains(service)
                            ? "<td class=\"public\" data-service=\"" + html(service) + "\">can call it: public, no sign-in</td>"
                            : "<td class=\"none\" data-service=\"" + html(service) + "\">—</td>");
                }
                out.append("</tr>\n");
            }
            for (var row : env.matrix().entrySet()) {
                out.append("<tr data-principal=\"").append(html(row.getKey())).append("\"><th>").append(html(row.getKey())).append("</th>");
                for (var service : services) {
                    var grants = row.getValue().getOrDefault(service, List.of());
                    if (grants.isEmpty()) {
                        out.append("<td class=\"none\" data-service=\"").append(html(service)).append("\">—</td>");
                        continue;
                    }
                    // An invoker behind IAP reaches nothing: its cell must not read like access.
                    var inert = grants.stream().allMatch(g -> g.role().equals(Roles.RUN_INVOKER) && env.iapOn(service));
                    out.append("<td class=\"").append(inert ? "inert" : "grant").append("\" data-service=\"").append(html(service)).append("\">");
                    out.append(grants.stream().map(g -> html(role(g, env.iapOn(service)) + ", " + grantKind(g))
                            + g.condition().map(c -> "<span class=\"condition\" title=\"" + html(c.expression()) + "\">if "
                            + html(c.title()) + "</span>").orElse("")).collect(Collectors.joining("<br>")));
                    out.append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
            for (var note : notes(env)) {
                out.append("<p class=\"note\">").append(html(note)).append("</p>\n");
            }
            out.append("</section>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** The matrix row of a public service's callers: everyone, signed in or not. */
    static final String ANYONE = "anyone (no sign-in)";

    private static final String LEGEND = """
            <aside class="legend">
            <h2>Legend</h2>
            <dl>
            <dt class="grant">Green cell</dt><dd>The principal can reach the service: an IAP accessor (through IAP), or a Cloud Run invoker of a service without IAP.</dd>
            <dt class="inert">Grey cell</dt><dd>A Cloud Run invoker of a service with IAP on: IAP checks every request first, so this grant alone reaches nothing.</dd>
            <dt class="none">—</dt><dd>No grant: the principal cannot reach the service through this stack.</dd>
            <dt class="off">Red</dt><dd>Needs attention: the service is public to anyone (IAP off, invoker check off), IAP is off, the IAP agent cannot invoke it, it runs as the default Compute Engine account, it holds an admin role on the project, or it reads a secret or holds a role of another project.</dd>
            <dt>authoritative</dt><dd>The stack's list is the whole list of that role on the service; with a condition, of that role and condition only.</dd>
            <dt>additive</dt><dd>The stack adds its grants and leaves others alone; grants made outside the stack are not shown.</dd>
            <dt class="condition">if TITLE</dt><dd>The grant holds only while its IAM condition is true; hover for the expression.</dd>
            <dt>Audience</dt><dd>internal: users of the organization; external: users outside it too, through a custom OAuth client; no-organization: a project without an organization, through a custom OAuth client. The client id is shown, never its secret.</dd>
            </dl>
            </aside>
            """;

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
