package dev.iapcloudrun.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The levels of a stack file and the keys of each: what tells a known key written at the wrong level (an indentation
 * mistake, most often) where it belongs. The published schema has the same levels, which a test holds it to.
 */
final class StackFileModel {

    /**
     * One level: its path with list indices and variable names left out ({@code services[].accessors}), where it stands
     * as its readers would say it, and its keys.
     */
    record Level(String path, String where, Set<String> keys) {}

    private static final Set<String> PROBE_KEYS = Set.of("httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "periodSeconds",
            "timeoutSeconds", "failureThreshold");

    static final List<Level> LEVELS = List.of(
            new Level("", "at the top level of the file (not indented)",
                    Set.of("project", "projectNumber", "region", "labels", "policy", "iap", "services", "adopt")),
            new Level("policy", "under 'policy' (indent it below policy:)",
                    Set.of("requireImageDigests", "requireDeletionProtection", "requireAuthoritativeAccessors", "allowDefaultServiceAccounts",
                            "requireBinaryAuthorization", "allowAdminRoles")),
            new Level("iap", "under the top-level 'iap' (indent it below iap:)", Set.of("audience", "oauthClient", "organizationDomains")),
            new Level("iap.oauthClient", "under 'iap.oauthClient' (indent it below oauthClient:)",
                    Set.of("clientId", "clientSecretConfig", "loginHint", "programmaticClients", "allowedRequestHosts", "scope")),
            new Level("services[]", "in a service, an item of 'services' (indent it as the service's '- name:' is)",
                    Set.of("name", "image", "ingress", "serviceAccount", "env", "secrets", "scaling", "resources", "timeout", "port",
                            "concurrency", "executionEnvironment", "sessionAffinity", "command", "args", "startupProbe", "livenessProbe",
                            "network", "binaryAuthorization", "volumes", "deletionProtection", "customAudiences", "invokers", "runtimeRoles", "iap", "public", "accessors", "adopt")),
            new Level("services[].scaling", "under 'scaling' (indent it below scaling:)", Set.of("minInstances", "maxInstances")),
            new Level("services[].resources", "under 'resources' (indent it below resources:)", Set.of("cpu", "memory", "cpuIdle", "startupCpuBoost")),
            new Level("services[].startupProbe", "under 'startupProbe' (indent it below startupProbe:)", PROBE_KEYS),
            new Level("services[].livenessProbe", "under 'livenessProbe' (indent it below livenessProbe:)",
                    PROBE_KEYS.stream().filter(k -> !k.equals("tcpSocket")).collect(Collectors.toSet())),
            new Level("services[].network", "under 'network' (indent it below network:)",
                    Set.of("connector", "vpc", "subnetwork", "tags", "egress")),
            new Level("services[].binaryAuthorization", "under 'binaryAuthorization' (indent it below binaryAuthorization:)",
                    Set.of("policy", "breakglassJustification")),
            new Level("services[].secrets.*", "in a variable of 'secrets' (indent it below the variable's name)", Set.of("secret", "version")),
            new Level("services[].volumes", "under 'volumes' (indent it below volumes:)", Set.of("secrets", "cloudSqlInstances")),
            new Level("services[].volumes.secrets.*", "in a file of 'volumes.secrets' (indent it below the file's path)",
                    Set.of("secret", "version")),
            new Level("services[].accessors", "under 'accessors' (indent it below accessors:)", Set.of("mode", "members", "condition")),
            new Level("services[].accessors.condition", "under 'accessors.condition' (indent it below condition:)",
                    Set.of("title", "expression", "description")));

    private StackFileModel() {}

    /** The level of a located path: {@code services[2].secrets.DB_PASSWORD} is {@code services[].secrets.*}. */
    static String levelOf(String path) {
        return path.replaceAll("\\[[0-9]+]", "[]").replaceFirst("^services\\[]\\.secrets\\.[^.]+$", "services[].secrets.*")
                .replaceFirst("^services\\[]\\.volumes\\.secrets\\..+$", "services[].volumes.secrets.*");
    }

    /** Where {@code key}, unknown at {@code path}, belongs instead: "'condition' belongs under 'accessors' (…)". */
    static Optional<String> belongsElsewhere(String key, String path) {
        var here = levelOf(path);
        var elsewhere = LEVELS.stream().filter(l -> !l.path().equals(here) && l.keys().contains(key)).map(Level::where).toList();
        return elsewhere.isEmpty() ? Optional.empty()
                : Optional.of("'" + key + "' belongs " + elsewhere.stream().collect(Collectors.joining(", or ")));
    }
}
