package dev.iapcloudrun.program;

import dev.iapcloudrun.spec.Principal;
import dev.iapcloudrun.spec.ServiceSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The access summary a stack exports per service: who reaches it, through which grant. */
final class AccessSummary {

    private AccessSummary() {}

    static Map<String, Object> of(ServiceSpec service) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("iap", service.iap());
        summary.put("public", service.publicAccess());
        summary.put("ingress", service.ingress().yaml);
        service.accessors().ifPresent(a -> {
            summary.put("accessorMode", a.mode().yaml);
            summary.put("accessors", a.members().stream().map(Principal::value).toList());
            a.condition().ifPresent(c -> summary.put("condition", c.title()));
        });
        summary.put("invokers", service.invokers().stream().map(Principal::value).sorted().toList());
        return summary;
    }
}
