package dev.iapcloudrun.review;

import dev.iapcloudrun.components.Roles;
import dev.iapcloudrun.review.Grants.Grant;
import dev.iapcloudrun.review.Grants.ServiceSettings;
import dev.iapcloudrun.synth.Plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who can reach which service in which environment, and through which grant, read from the stacks' plans.
 * The IAP service agent's invoker grant is how IAP itself calls a service, not a person's access, so it is
 * shown as a property of the service instead of a row.
 */
public record AccessReport(List<Environment> environments) {

    public AccessReport {
        environments = List.copyOf(environments);
    }

    /** One stack: its services and every accessor and invoker grant on them. */
    public record Environment(String stack, String project, String region, List<ServiceSettings> services,
                              List<Grant> grants, Map<String, Boolean> agentCanInvoke) {

        public static Environment of(Plan plan) {
            var all = Grants.of(plan);
            var services = Grants.services(plan);
            var invokedByAgent = all.stream().filter(g -> g.isIapAgent() && g.role().equals(Roles.RUN_INVOKER))
                    .map(Grant::service).collect(Collectors.toSet());
            var agent = new TreeMap<String, Boolean>();
            services.forEach(s -> agent.put(s.service(), invokedByAgent.contains(s.service())));
            return new Environment(plan.stack(), plan.outputs().path("project").asText(""),
                    plan.outputs().path("region").asText(""), services,
                    all.stream().filter(g -> !g.isIapAgent()).toList(), agent);
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

    static String role(Grant grant) {
        return switch (grant.role()) {
            case Roles.IAP_ACCESSOR -> "IAP accessor";
            case Roles.RUN_INVOKER -> "Cloud Run invoker";
            default -> grant.role();
        };
    }

    static String serviceLine(ServiceSettings s, boolean agentCanInvoke) {
        return (s.iapEnabled() ? "IAP on" : "IAP OFF") + ", ingress " + ingress(s.ingress())
                + (s.invokerIamDisabled() ? ", invoker check OFF" : "")
                + (s.iapEnabled() && !agentCanInvoke ? ", IAP agent cannot invoke it" : "");
    }

    private static String ingress(String wire) {
        return switch (wire) {
            case "INGRESS_TRAFFIC_ALL" -> "all";
            case "INGRESS_TRAFFIC_INTERNAL_ONLY" -> "internal";
            case "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" -> "internal and load balancer";
            default -> wire;
        };
    }

    public String markdown() {
        var out = new StringBuilder("# Access report\n\nWho can reach which Cloud Run service, per environment, "
                + "read from each stack's plan.\n");
        for (var env : environments) {
            out.append("\n## ").append(env.stack()).append(": project `").append(env.project()).append("`, ")
                    .append(env.region()).append("\n\n");
            for (var s : env.services()) {
                out.append("- `").append(s.service()).append("`: ")
                        .append(serviceLine(s, env.agentCanInvoke().getOrDefault(s.service(), false))).append('\n');
            }
            out.append("\n| Service | Principal | Role | Grant | Condition |\n| --- | --- | --- | --- | --- |\n");
            for (var g : env.grants()) {
                out.append("| ").append(cell(g.service())).append(" | ").append(cell(g.principal())).append(" | ")
                        .append(role(g)).append(" | ").append(g.kind().label).append(" | ")
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

    /** A self-contained page (no scripts, no remote assets): principals × services, one matrix per environment. */
    public String html() {
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
                td.none { color: #8c959f; text-align: center; }
                td.grant { background: #dafbe1; }
                .condition, .status { display: block; font-size: .85em; color: #9a6700; }
                .off { color: #cf222e; font-weight: bold; }
                </style>
                </head>
                <body>
                <h1>Access report</h1>
                <p>Who can reach which Cloud Run service, per environment, read from each stack's plan.</p>
                """);
        for (var env : environments) {
            var services = env.serviceNames();
            out.append("<section data-stack=\"").append(html(env.stack())).append("\">\n<h2>").append(html(env.stack()))
                    .append(": project ").append(html(env.project())).append(", ").append(html(env.region())).append("</h2>\n");
            out.append("<table>\n<thead>\n<tr><th>Principal</th>");
            for (var service : services) {
                var settings = env.services().stream().filter(s -> s.service().equals(service)).findFirst();
                out.append("<th data-service=\"").append(html(service)).append("\">").append(html(service));
                settings.ifPresent(s -> {
                    var line = serviceLine(s, env.agentCanInvoke().getOrDefault(service, false));
                    out.append("<span class=\"status").append(line.contains("OFF") || line.contains("cannot") ? " off" : "")
                            .append("\">").append(html(line)).append("</span>");
                });
                out.append("</th>");
            }
            out.append("</tr>\n</thead>\n<tbody>\n");
            for (var row : env.matrix().entrySet()) {
                out.append("<tr data-principal=\"").append(html(row.getKey())).append("\"><th>").append(html(row.getKey())).append("</th>");
                for (var service : services) {
                    var grants = row.getValue().getOrDefault(service, List.of());
                    if (grants.isEmpty()) {
                        out.append("<td class=\"none\" data-service=\"").append(html(service)).append("\">—</td>");
                        continue;
                    }
                    out.append("<td class=\"grant\" data-service=\"").append(html(service)).append("\">");
                    out.append(grants.stream().map(g -> html(role(g) + ", " + g.kind().label)
                            + g.condition().map(c -> "<span class=\"condition\" title=\"" + html(c.expression()) + "\">if "
                            + html(c.title()) + "</span>").orElse("")).collect(Collectors.joining("<br>")));
                    out.append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n</section>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
