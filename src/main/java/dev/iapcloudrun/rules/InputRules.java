package dev.iapcloudrun.rules;

import dev.iapcloudrun.spec.DidYouMean;
import dev.iapcloudrun.spec.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The refusals every path into the components shares: the stack-file reader reports them at a file's line and
 * field, the components at their resource name and input. Each rule answers why a value is refused, in the form
 * "found ...; expected ...", or nothing when it is accepted.
 */
public final class InputRules {

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[1-9][0-9]{5,18}");
    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)+[0-9]+");
    /** Cloud Run service names: lower-case letters, digits and hyphens, a letter first, at most 49 characters. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,47}[a-z0-9])?");
    /** The accounts Google creates with a project, which may hold Editor on it: the Compute Engine and App Engine defaults. */
    public static final Pattern DEFAULT_SERVICE_ACCOUNT = Pattern.compile("[0-9]+-compute@developer\\.gserviceaccount\\.com|[a-z][a-z0-9-]*@appspot\\.gserviceaccount\\.com");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z0-9-]+@[a-z0-9-]+\\.iam\\.gserviceaccount\\.com|" + DEFAULT_SERVICE_ACCOUNT.pattern());
    private static final Pattern SECRET = Pattern.compile("([A-Za-z0-9_-]{1,255})|projects/[a-z0-9-]+/secrets/[A-Za-z0-9_-]{1,255}");
    private static final Pattern SECRET_VERSION = Pattern.compile("latest|[1-9][0-9]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TIMEOUT = Pattern.compile("[1-9][0-9]{0,3}s");
    private static final int MAX_TIMEOUT_SECONDS = 3600;
    private static final Pattern CPU = Pattern.compile("1|2|4|6|8|[1-9][0-9]{2}m");
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*(Mi|Gi)");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
    /** Docker image references: optional registry host (and port), a lower-case path, an optional tag, an optional digest. */
    private static final Pattern IMAGE = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    /** Variables Cloud Run sets itself; a service cannot set them. */
    private static final Set<String> RESERVED_ENV = Set.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION");
    /** Why a default service account is refused, or warned about where a stack's policy allows it. */
    public static final String DEFAULT_ACCOUNT_RISK = "Google advises against running services as it: unless the organization "
            + "enforces iam.automaticIamGrantsForDefaultServiceAccounts, it holds the Editor role on the project, so whoever "
            + "controls the service's code could change almost anything in the project";
    public static final int MAX_LABELS = 64;
    private static final int MAX_CONDITION_TITLE = 100;
    private static final String OAUTH_CLIENT_ID_SUFFIX = ".apps.googleusercontent.com";

    /** Where requests may reach a service from, as written ({@code ingress}). */
    public static final List<String> INGRESS = List.of("all", "internal", "internal-and-cloud-load-balancing");
    /** How accessors are granted, as written ({@code accessors.mode}). */
    public static final List<String> ACCESSOR_MODES = List.of("authoritative", "additive");
    /** The sandbox a revision runs in, as written ({@code executionEnvironment}). */
    public static final List<String> EXECUTION_ENVIRONMENTS = List.of("gen1", "gen2");
    /** What an accessor mode means, for a missing one. */
    public static final String ACCESSOR_MODE_MEANING = "authoritative (exactly these members) or additive (these members, others left alone)";

    private InputRules() {}

    public static Optional<String> projectId(String project) {
        return refuse(!PROJECT_ID.matcher(project).matches(), () -> "found \"" + project
                + "\"; expected a project id: 6 to 30 lower-case letters, digits or hyphens, starting with a letter");
    }

    public static Optional<String> projectNumber(String number) {
        return refuse(!PROJECT_NUMBER.matcher(number).matches(), () -> "found \"" + number + "\"; expected the project number, 6 to 19 digits");
    }

    public static Optional<String> region(String region, Set<String> knownRegions) {
        return refuse(!REGION.matcher(region).matches(), () -> "found \"" + region + "\"; " + DidYouMean.hint(region, knownRegions)
                + "expected a Cloud Run region such as europe-west1");
    }

    public static Optional<String> serviceName(String name) {
        return refuse(!SERVICE_NAME.matcher(name).matches(), () -> "found \"" + name + "\"; expected a Cloud Run service name: "
                + "at most 49 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen");
    }

    public static Optional<String> image(String image) {
        return refuse(!IMAGE.matcher(image).matches(), () -> "found \"" + image + "\"; expected an image reference such as "
                + "europe-west1-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE:TAG or ...IMAGE@sha256:DIGEST (lower-case path, "
                + "a tag of letters, digits, '.', '_' or '-', a digest of 64 hex digits)");
    }

    /** One of {@code allowed}, with "did you mean" for a near miss. */
    public static Optional<String> oneOf(String value, List<String> allowed) {
        return refuse(!allowed.contains(value), () -> "found \"" + value + "\"; " + DidYouMean.hint(value, allowed)
                + "expected one of " + String.join(", ", allowed));
    }

    /**
     * @param allowDefault whether the project's default service accounts are allowed (a stack's
     *                     {@code policy.allowDefaultServiceAccounts})
     */
    public static Optional<String> serviceAccount(String email, boolean allowDefault) {
        if (!SERVICE_ACCOUNT.matcher(email).matches()) {
            return Optional.of("found \"" + email + "\"; expected a service account email such as runner@my-project.iam.gserviceaccount.com");
        }
        return refuse(isDefaultServiceAccount(email) && !allowDefault, () -> "found the project's default service account \""
                + email + "\"; " + DEFAULT_ACCOUNT_RISK + "; expected a dedicated service account (leave serviceAccount out "
                + "and one is created), or policy.allowDefaultServiceAccounts: true to allow it with a warning");
    }

    public static boolean isDefaultServiceAccount(String email) {
        return DEFAULT_SERVICE_ACCOUNT.matcher(email).matches();
    }

    public static Optional<String> envName(String name) {
        if (RESERVED_ENV.contains(name) || name.startsWith("X_GOOGLE_")) {
            return Optional.of("the variable name \"" + name + "\" is reserved by Cloud Run (PORT, K_SERVICE, K_REVISION, "
                    + "K_CONFIGURATION and X_GOOGLE_*); expected another name (the container port is set with 'port')");
        }
        return refuse(!ENV_NAME.matcher(name).matches(), () -> "found the variable name \"" + name
                + "\"; expected letters, digits and underscores, not starting with a digit");
    }

    /** A variable both plain and secret would leave Cloud Run to pick one. */
    public static String envTwice(String name) {
        return "the variable '" + name + "' is set in both env and secrets; expected it in one of them";
    }

    public static Optional<String> secret(String secret) {
        return refuse(!SECRET.matcher(secret).matches(), () -> "found \"" + secret
                + "\"; expected a Secret Manager secret id (letters, digits, - and _) or projects/PROJECT/secrets/ID");
    }

    public static Optional<String> secretVersion(String version) {
        return refuse(!SECRET_VERSION.matcher(version).matches(), () -> "found \"" + version + "\"; expected a version number or latest");
    }

    public static Optional<String> cpu(String cpu) {
        return refuse(!CPU.matcher(cpu).matches(), () -> "found \"" + cpu + "\"; expected 1, 2, 4, 6, 8 or millicpu such as 500m");
    }

    public static Optional<String> memory(String memory) {
        if (!MEMORY.matcher(memory).matches()) {
            return Optional.of("found \"" + memory + "\"; expected a size in Mi or Gi such as 512Mi or 2Gi");
        }
        long mib = mebibytes(memory);
        return refuse(mib < 128 || mib > 32 * 1024, () -> "found \"" + memory + "\"; expected 128Mi to 32Gi");
    }

    /**
     * Cloud Run's documented pairings: more memory needs more CPU, and more CPU needs a minimum of memory. Checked
     * whenever both are well-formed, so that memory out of range also says what CPU it would need.
     */
    public static Optional<String> cpuAndMemory(String cpu, String memory) {
        if (!CPU.matcher(cpu).matches() || !MEMORY.matcher(memory).matches()) {
            return Optional.empty();
        }
        double cpus = cpu.endsWith("m") ? Integer.parseInt(cpu.substring(0, cpu.length() - 1)) / 1000.0 : Double.parseDouble(cpu);
        long mebibytes = mebibytes(memory);
        long[][] cpuForMemory = {{24 * 1024, 8}, {16 * 1024, 6}, {8 * 1024, 4}, {4 * 1024, 2}};
        for (long[] rule : cpuForMemory) {
            if (mebibytes > rule[0] && cpus < rule[1]) {
                return Optional.of("memory above " + rule[0] / 1024 + "Gi needs at least " + rule[1] + " CPUs, but cpu is "
                        + format(cpus) + "; expected more cpu or less memory");
            }
        }
        long[][] memoryForCpu = {{8, 4 * 1024}, {6, 4 * 1024}, {4, 2 * 1024}};
        for (long[] rule : memoryForCpu) {
            if (cpus >= rule[0] && mebibytes < rule[1]) {
                return Optional.of(format(cpus) + " CPUs need at least " + rule[1] / 1024 + "Gi of memory; expected more memory or fewer CPUs");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> timeout(String timeout) {
        return refuse(!TIMEOUT.matcher(timeout).matches() || Integer.parseInt(timeout.substring(0, timeout.length() - 1)) > MAX_TIMEOUT_SECONDS, () ->
                "found \"" + timeout + "\"; expected seconds from 1s to 3600s, such as 300s");
    }

    public static Optional<String> between(int value, int min, int max) {
        return refuse(value < min || value > max, () -> "found " + value + "; expected a whole number from " + min + " to " + max);
    }

    public static Optional<String> port(int port) {
        return between(port, 1, 65535);
    }

    public static Optional<String> minInstances(int min) {
        return between(min, 0, 1000);
    }

    public static Optional<String> maxInstances(int max) {
        return between(max, 1, 1000);
    }

    public static Optional<String> minAndMax(int min, int max) {
        return refuse(min > max, () -> "minInstances (" + min + ") is greater than maxInstances (" + max + "); expected min <= max");
    }

    /** Requests one instance serves at once ({@code maxInstanceRequestConcurrency}). */
    public static Optional<String> concurrency(int concurrency) {
        return between(concurrency, 1, 1000);
    }

    /**
     * One word of the container's {@code command} or {@code args}. Cloud Run passes each item as one argument, as
     * written; an empty one reaches the program as an empty argument, which is almost always a stray quote or comma.
     */
    public static Optional<String> commandWord(String word) {
        return refuse(word.isEmpty(), () -> "found an empty text; expected a non-empty word (each item is passed to the "
                + "container as one argument; remove the item if it is not meant)");
    }

    /** The first refused word of a {@code command} or {@code args} list, at its index under {@code input}. */
    public static Optional<String> commandLine(String input, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            var problem = word == null ? Optional.of("found nothing (null); expected a non-empty word") : commandWord(word);
            if (problem.isPresent()) {
                return Optional.of(input + "[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    // Probes, as Cloud Run takes them (https://cloud.google.com/run/docs/configuring/healthchecks): startup probes
    // check over HTTP, TCP or gRPC, liveness probes over HTTP or gRPC only. The ranges are those of Cloud Run's API
    // (GoogleCloudRunV2Probe, as pulumi-gcp 9.37.0 documents them): initialDelaySeconds from 0, periodSeconds and
    // timeoutSeconds from 1, each at most 240 for a startup probe and 3600 for a liveness probe; periodSeconds not below
    // timeoutSeconds; failureThreshold at least 1.

    /** The checks a probe may use, in the order they are named. */
    public static final List<String> PROBE_CHECKS = List.of("httpGet", "tcpSocket", "grpc");

    /** Exactly one check, and none a liveness probe cannot use. */
    public static Optional<String> probeChecks(boolean liveness, List<String> written) {
        var allowed = liveness ? "httpGet or grpc" : "httpGet, tcpSocket or grpc";
        if (liveness && written.contains("tcpSocket")) {
            return Optional.of("found tcpSocket, which Cloud Run does not take for a liveness probe (liveness probes are HTTP "
                    + "or gRPC); expected exactly one of " + allowed);
        }
        if (written.size() == 1) {
            return Optional.empty();
        }
        return Optional.of((written.isEmpty() ? "found no check" : "found " + String.join(" and ", written))
                + "; expected exactly one of " + allowed);
    }

    /** The path an HTTP check requests. */
    public static Optional<String> probePath(String path) {
        return refuse(!path.startsWith("/"), () -> "found \"" + path + "\"; expected a path starting with /, such as /healthz");
    }

    /** One of a probe's numbers: {@code initialDelaySeconds}, {@code periodSeconds}, {@code timeoutSeconds} or {@code failureThreshold}. */
    public static Optional<String> probeSetting(boolean liveness, String setting, int value) {
        var range = probeRange(liveness, setting);
        return between(value, range[0], range[1]);
    }

    /** The smallest and largest value of one of a probe's numbers; failureThreshold has no upper bound. */
    public static int[] probeRange(boolean liveness, String setting) {
        int max = liveness ? 3600 : 240;
        return switch (setting) {
            case "initialDelaySeconds" -> new int[] {0, max};
            case "periodSeconds", "timeoutSeconds" -> new int[] {1, max};
            case "failureThreshold" -> new int[] {1, Integer.MAX_VALUE};
            default -> throw new IllegalArgumentException(setting);
        };
    }

    /** Cloud Run refuses a probe that times out after its next one is due. */
    public static Optional<String> probeTimeoutAndPeriod(int timeoutSeconds, int periodSeconds) {
        return refuse(timeoutSeconds > periodSeconds, () -> "timeoutSeconds (" + timeoutSeconds + ") is greater than periodSeconds ("
                + periodSeconds + "), which Cloud Run refuses; expected timeoutSeconds <= periodSeconds");
    }

    /** Cloud Run's name for an execution environment as written: {@code gen2} is {@code EXECUTION_ENVIRONMENT_GEN2}. */
    public static String executionEnvironmentWire(String executionEnvironment) {
        return "EXECUTION_ENVIRONMENT_" + executionEnvironment.toUpperCase(java.util.Locale.ROOT);
    }

    // The three rules below are Cloud Run's requirements for less than 1 CPU, listed at
    // https://cloud.google.com/run/docs/configuring/services/cpu ("If you use less than 1 CPU, the following
    // requirements are enforced"): maximum concurrency 1, CPU allocated only during request processing, and the
    // first generation execution environment. Each is checked only where the setting is written: without it, Cloud
    // Run's own default for less than 1 CPU applies (concurrency 1, per pulumi-gcp 9.37.0's maxInstanceRequestConcurrency).

    public static Optional<String> cpuAndConcurrency(String cpu, int concurrency) {
        return refuse(belowOneCpu(cpu) && concurrency > 1, () -> "cpu " + cpu + " is less than 1 CPU, which Cloud Run allows "
                + "only with concurrency 1, but concurrency is " + concurrency + "; expected concurrency: 1, or cpu of at least 1");
    }

    public static Optional<String> cpuAndCpuIdle(String cpu, boolean cpuIdle) {
        return refuse(belowOneCpu(cpu) && !cpuIdle, () -> "cpu " + cpu + " is less than 1 CPU, which Cloud Run allocates only "
                + "during requests, but cpuIdle is false (CPU always allocated); expected cpuIdle: true, or cpu of at least 1");
    }

    public static Optional<String> cpuAndExecutionEnvironment(String cpu, String executionEnvironment) {
        return refuse(belowOneCpu(cpu) && "gen2".equals(executionEnvironment), () -> "cpu " + cpu + " is less than 1 CPU, which "
                + "Cloud Run runs only in the first generation execution environment; expected executionEnvironment: gen1, "
                + "or cpu of at least 1");
    }

    private static boolean belowOneCpu(String cpu) {
        return CPU.matcher(cpu).matches() && cpu.endsWith("m") && Integer.parseInt(cpu.substring(0, cpu.length() - 1)) < 1000;
    }

    // Project roles of a service's runtime identity. Refused outright: the basic roles, and every role that administers
    // IAM or lets its holder act as another identity, whatever the policy, since with one of them the service's code
    // could grant itself or take over any other role (https://cloud.google.com/iam/docs/service-account-permissions,
    // "Roles for service account authentication" and "Service account impersonation";
    // https://cloud.google.com/iam/docs/understanding-roles). Other admin roles (a last part ending in admin or Admin)
    // only with policy.allowAdminRoles.

    private static final Pattern PREDEFINED_ROLE = Pattern.compile("roles/[a-z][a-z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)+");
    private static final Pattern CUSTOM_ROLE = Pattern.compile("(projects/" + PROJECT_ID.pattern() + "|organizations/[1-9][0-9]{0,19})/roles/[a-zA-Z0-9_.]{3,64}");
    private static final Set<String> BASIC_ROLES = Set.of("roles/owner", "roles/editor", "roles/viewer");
    /** Roles that grant IAM administration or act-as under a name that does not say "Admin" of IAM. */
    private static final Set<String> IDENTITY_ROLES = Set.of("roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator",
            "roles/iam.serviceAccountOpenIdTokenCreator", "roles/iam.workloadIdentityUser", "roles/iam.securityAdmin",
            "roles/secretmanager.admin");
    private static final Pattern IAM_ADMIN_ROLE = Pattern.compile("roles/(iam|resourcemanager)\\.[a-zA-Z]*Admin");
    /**
     * Roles that administer the access this project manages: with iap.admin or iap.settingsAdmin the service could set
     * its own IAP policy or settings (grant allUsers httpsResourceAccessor), with run.admin its own invoker policy or
     * switch IAP and the invoker check off, and with run.developer, which updates and deletes every Cloud Run service of
     * the project (https://cloud.google.com/run/docs/securing/managing-access), switch IAP off on any of them.
     */
    private static final Set<String> ACCESS_ADMIN_ROLES = Set.of("roles/iap.admin", "roles/iap.settingsAdmin", "roles/run.admin",
            "roles/run.developer");
    /**
     * Roles that hold, for the whole project, an access this stack grants one resource at a time, so that no service's
     * access can be read off its own accessors, invokers and secrets any more: run.invoker (and run.servicesInvoker)
     * invokes every Cloud Run service of the project that IAP does not guard, those of other stacks and teams among them
     * (a service behind IAP is reached through IAP only: https://cloud.google.com/iap/docs/enabling-cloud-run);
     * iap.httpsResourceAccessor passes IAP in front of every IAP-protected resource of the project
     * (https://cloud.google.com/iap/docs/managing-access); and secretmanager.secretAccessor reads every secret of the
     * project. Each maps to what the stack offers instead.
     */
    private static final String INVOKES_EVERY_SERVICE = "calls every Cloud Run service of the project that IAP does not "
            + "guard, those of other stacks and teams among them; expected the service's identity in the invokers of each "
            + "service without IAP it calls, and in the accessors of each service behind IAP";
    private static final Map<String, String> PROJECT_WIDE_ACCESS_ROLES = Map.of(
            "roles/run.invoker", INVOKES_EVERY_SERVICE,
            "roles/run.servicesInvoker", INVOKES_EVERY_SERVICE,
            "roles/iap.httpsResourceAccessor", "passes IAP in front of every IAP-protected resource of the project; expected "
                    + "the service's identity in the accessors of each service it calls",
            "roles/secretmanager.secretAccessor", "reads every secret of the project, other services' among them; "
                    + "expected the secrets the service reads in its secrets or volumes.secrets, each granted on that secret alone");
    // Roles that run work as a more privileged Google-managed account: builds run as the Cloud Build service account,
    // which by default holds broad rights on the project (https://cloud.google.com/build/docs/cloud-build-service-account),
    // and Deployment Manager deploys as the Google APIs service agent, an editor of the project
    // (https://cloud.google.com/deployment-manager/docs/access-control); acting through such a service is the indirect
    // impersonation of https://cloud.google.com/iam/docs/service-account-permissions.
    private static final Set<String> ESCALATION_ROLES = Set.of("roles/cloudbuild.builds.editor", "roles/cloudbuild.builds.builder",
            "roles/deploymentmanager.editor");
    /** Why a role of the kind admin is a risk, refused or warned about where a stack's policy allows it. */
    public static final String ADMIN_ROLE_RISK = "an admin role grants every permission of its service, usually including "
            + "setting the IAM policy of its resources, to whoever controls the service's code";

    /** The form of a role, for messages. */
    public static final String ROLE_FORM = "a predefined role roles/SERVICE.ROLE (such as roles/cloudtrace.agent) or a custom role "
            + "projects/PROJECT/roles/ID or organizations/NUMBER/roles/ID";

    /**
     * A project role for a service's runtime identity.
     *
     * @param allowAdmin whether admin roles ({@link #isAdminRole}) are allowed (a stack's {@code policy.allowAdminRoles})
     */
    public static Optional<String> runtimeRole(String role, boolean allowAdmin) {
        if (BASIC_ROLES.contains(role)) {
            return Optional.of("found the basic role \"" + role + "\", which spans every service of the project (Google "
                    + "advises against basic roles in production); expected the predefined roles the service needs, such as "
                    + "roles/cloudtrace.agent");
        }
        if (IDENTITY_ROLES.contains(role) || IAM_ADMIN_ROLE.matcher(role).matches()) {
            return Optional.of("found \"" + role + "\", which administers IAM or lets its holder act as other service "
                    + "accounts, so the service's code could grant itself any role; expected roles that do the service's own "
                    + "work (grant identity roles to a person or a deployment pipeline, not to a running service)");
        }
        if (ACCESS_ADMIN_ROLES.contains(role)) {
            return Optional.of("found \"" + role + "\", which administers who reaches the service: with it the service's "
                    + "code could open itself to anyone (IAP's access policy, the invoker policy, or IAP and the invoker check "
                    + "switched off), whatever policy.allowAdminRoles says; expected roles that do the service's own work "
                    + "(access is this stack's accessors and invokers)");
        }
        if (PROJECT_WIDE_ACCESS_ROLES.containsKey(role)) {
            return Optional.of("found \"" + role + "\", which grants on the whole project what this stack grants one resource at "
                    + "a time: the service " + PROJECT_WIDE_ACCESS_ROLES.get(role));
        }
        if (ESCALATION_ROLES.contains(role)) {
            return Optional.of("found \"" + role + "\", which runs work as a more privileged Google-managed account (Cloud "
                    + "Build's or Deployment Manager's), so the service's code could act with that account's rights; expected "
                    + "roles that do the service's own work (grant build and deployment roles to a pipeline, not to a running service)");
        }
        if (!PREDEFINED_ROLE.matcher(role).matches() && !CUSTOM_ROLE.matcher(role).matches()) {
            return Optional.of("found \"" + role + "\"; expected " + ROLE_FORM);
        }
        if (isServiceAgentRole(role)) {
            return Optional.of("found the service agent role \"" + role + "\", which is meant only for Google's own service "
                    + "agents and may carry iam.serviceAccounts.actAs or token permissions; expected the predefined roles the "
                    + "service needs, such as roles/cloudtrace.agent");
        }
        return refuse(isAdminRole(role) && !allowAdmin, () -> "found the admin role \"" + role + "\"; " + ADMIN_ROLE_RISK
                + "; expected a narrower role of that service, or policy.allowAdminRoles: true (allowAdminRoles of the "
                + "component) to allow it with a warning");
    }

    /** A predefined role whose last part ends in admin or Admin ({@code roles/storage.admin}, {@code roles/compute.securityAdmin}). */
    public static boolean isAdminRole(String role) {
        return PREDEFINED_ROLE.matcher(role).matches() && (role.endsWith("admin") || role.endsWith("Admin"));
    }

    /** A predefined role whose last part ends in serviceAgent or ServiceAgent ({@code roles/run.serviceAgent}). */
    private static boolean isServiceAgentRole(String role) {
        return PREDEFINED_ROLE.matcher(role).matches() && (role.endsWith("serviceAgent") || role.endsWith("ServiceAgent"));
    }

    /** A custom role, whose permissions the program cannot see. */
    public static boolean isCustomRole(String role) {
        return CUSTOM_ROLE.matcher(role).matches();
    }

    /**
     * A project's custom role can be granted only in that project: a grant of another project's would fail at deploy
     * time, or, if it ever worked, give this project's identity a role that another team defines and may widen.
     */
    public static Optional<String> runtimeRoleInProject(String role, String project) {
        var prefix = "projects/";
        if (!role.startsWith(prefix) || !CUSTOM_ROLE.matcher(role).matches()) {
            return Optional.empty();
        }
        var owner = role.substring(prefix.length(), role.indexOf('/', prefix.length()));
        return refuse(!owner.equals(project), () -> "found the custom role \"" + role + "\" of the project " + owner
                + ", but the service runs in " + project + ", where only its own project's custom roles (or its "
                + "organization's) can be granted; expected projects/" + project + "/roles/ID, or an organizations/NUMBER/roles/ID role");
    }

    /** A role listed again: one role, one grant. */
    public static String roleTwice(String role, String firstAt) {
        return "the role '" + role + "' is listed twice (first " + firstAt + "); expected each role once";
    }

    /**
     * Roles on an account the stack does not create: its grants are whoever manages it's to make, and another workload
     * running as it would gain them too.
     */
    public static String runtimeRolesOnNamedAccount(String serviceAccount) {
        return "the service runs as the existing account " + serviceAccount + ", which the stack does "
                + "not own: its roles are managed where the account is, and any other workload running as it would gain them "
                + "too; expected no runtimeRoles with serviceAccount, or leave serviceAccount out to get a dedicated identity "
                + "that holds exactly these roles";
    }

    /** The resource name suffix of a role's grant: a predefined role without {@code roles/}, a custom role as written. */
    public static String roleGrantSuffix(String role) {
        return role.startsWith("roles/") ? role.substring("roles/".length()) : role;
    }

    /** Public access switches the invoker check off, which IAP's own check relies on. */
    public static Optional<String> publicWithIap(boolean iap, boolean publicAccess) {
        return refuse(iap && publicAccess, () -> "public access (the invoker check switched off) cannot be combined with IAP; "
                + "expected public: false, or iap: false to make the service public on purpose");
    }

    public static Optional<String> accessorsWithoutIap(boolean iap) {
        return refuse(!iap, () -> "IAP accessors need IAP; expected no accessors when iap is false");
    }

    /** Why {@code text} may not be granted access, or empty when it may: see {@link Principal#problem}. */
    public static Optional<String> principal(String text) {
        return Principal.problem(text);
    }

    public static String noMembers() {
        return "found an empty list; expected at least one principal (a service nobody may reach needs no accessors block)";
    }

    /** A principal listed again, perhaps in another case, which IAM takes for the same member. */
    public static String principalTwice(String text, String first, String firstAt) {
        var spelling = first.equals(text) ? "" : " as '" + first + "'; IAM ignores the case of emails and domains, so both are one grant";
        return "the principal '" + text + "' is listed twice (first " + firstAt + spelling + "); expected each principal once";
    }

    public static Optional<String> conditionTitle(String title) {
        return refuse(title.isBlank() || title.length() > MAX_CONDITION_TITLE, () -> (title.isBlank() ? "found an empty title"
                : "found a title of " + title.length() + " characters") + "; expected a title of 1 to " + MAX_CONDITION_TITLE + " characters");
    }

    public static Optional<String> conditionExpression(String expression) {
        return refuse(expression.isBlank(), () -> "found an empty expression; expected a CEL expression");
    }

    public static Optional<String> oauthClientId(String clientId) {
        return refuse(!clientId.endsWith(OAUTH_CLIENT_ID_SUFFIX), () -> "found \"" + clientId + "\"; expected an OAuth client id ending in "
                + OAUTH_CLIENT_ID_SUFFIX);
    }

    public static Optional<String> labelKey(String key) {
        return refuse(!LABEL_KEY.matcher(key).matches(), () -> "found the label key \"" + key
                + "\"; expected at most 63 lower-case letters, digits, _ or -, starting with a letter");
    }

    public static Optional<String> labelValue(String value) {
        return refuse(!LABEL_VALUE.matcher(value).matches(), () -> "found the label value \"" + value
                + "\"; expected at most 63 lower-case letters, digits, _ or -");
    }

    public static Optional<String> labelCount(int count) {
        return refuse(count > MAX_LABELS, () -> "found " + count + " labels; expected at most " + MAX_LABELS);
    }

    // VPC egress, as Cloud Run takes it: through a Serverless VPC Access connector
    // (https://cloud.google.com/run/docs/configuring/vpc-connectors) or by Direct VPC egress with a network, a subnetwork
    // and network tags (https://cloud.google.com/run/docs/configuring/vpc-direct-vpc), never both; egress all-traffic or
    // private-ranges-only. Names as pulumi-gcp 9.37.0 documents them: a connector's at most 25 characters
    // (vpcaccess.Connector), a network's, a subnetwork's and a tag's RFC 1035, 1 to 63 characters (compute.Network).

    /** How much of a service's outbound traffic goes through the VPC, as written. */
    public static final List<String> EGRESS = List.of("all-traffic", "private-ranges-only");
    /** Cloud Run's own default egress, which a network written without one takes. */
    public static final String DEFAULT_EGRESS = "private-ranges-only";
    private static final String RFC1035 = "[a-z]([-a-z0-9]{0,61}[a-z0-9])?";
    private static final String PROJECT_REF = "(" + PROJECT_ID.pattern() + "|" + PROJECT_NUMBER.pattern() + ")";
    private static final Pattern CONNECTOR_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,23}[a-z0-9])?");
    private static final Pattern CONNECTOR_PATH = Pattern.compile("projects/" + PROJECT_REF + "/locations/" + REGION.pattern() + "/connectors/"
            + CONNECTOR_NAME.pattern());
    private static final Pattern NETWORK = Pattern.compile(RFC1035 + "|projects/" + PROJECT_REF + "/global/networks/" + RFC1035);
    private static final Pattern SUBNETWORK = Pattern.compile(RFC1035 + "|projects/" + PROJECT_REF + "/regions/" + REGION.pattern() + "/subnetworks/"
            + RFC1035);
    private static final Pattern NETWORK_TAG = Pattern.compile(RFC1035);

    /** Either a connector or Direct VPC egress (vpc and/or subnetwork, with optional tags), never both, never neither. */
    public static Optional<String> networkShape(boolean connector, boolean vpc, boolean subnetwork, boolean tags) {
        if (connector && (vpc || subnetwork || tags)) {
            var direct = new ArrayList<String>();
            for (var written : List.of(Map.entry("vpc", vpc), Map.entry("subnetwork", subnetwork), Map.entry("tags", tags))) {
                if (written.getValue()) {
                    direct.add(written.getKey());
                }
            }
            return Optional.of("found connector and " + String.join(", ", direct) + "; expected either a connector or Direct VPC "
                    + "egress (vpc, subnetwork, tags), never both: Cloud Run sends a revision's traffic through one of them");
        }
        return refuse(!connector && !vpc && !subnetwork, () -> "found " + (tags ? "tags without vpc or subnetwork" : "neither a connector "
                + "nor a vpc or subnetwork") + "; expected a connector, or Direct VPC egress with vpc, subnetwork or both");
    }

    public static Optional<String> connector(String connector) {
        return refuse(!CONNECTOR_NAME.matcher(connector).matches() && !CONNECTOR_PATH.matcher(connector).matches(), () -> "found \""
                + connector + "\"; expected a Serverless VPC Access connector's name (at most 25 lower-case letters, digits and "
                + "hyphens, starting with a letter) or its path projects/PROJECT/locations/REGION/connectors/NAME");
    }

    public static Optional<String> vpcNetwork(String network) {
        return refuse(!NETWORK.matcher(network).matches(), () -> "found \"" + network + "\"; expected a VPC network's name "
                + "(1 to 63 lower-case letters, digits and hyphens, starting with a letter, RFC 1035), which is looked up in "
                + "the service's project, or its path projects/PROJECT/global/networks/NAME");
    }

    public static Optional<String> subnetwork(String subnetwork) {
        return refuse(!SUBNETWORK.matcher(subnetwork).matches(), () -> "found \"" + subnetwork + "\"; expected a subnetwork's name "
                + "(1 to 63 lower-case letters, digits and hyphens, starting with a letter, RFC 1035), which is looked up in "
                + "the service's project, or its path projects/PROJECT/regions/REGION/subnetworks/NAME");
    }

    public static Optional<String> networkTag(String tag) {
        return refuse(!NETWORK_TAG.matcher(tag).matches(), () -> "found \"" + tag + "\"; expected a network tag: 1 to 63 "
                + "lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen (RFC 1035)");
    }

    /**
     * A connector or subnetwork written as a path names its region, which must be the service's: a connector serves
     * its own region only (https://cloud.google.com/vpc/docs/serverless-vpc-access), and a Direct VPC subnetwork gives
     * instances addresses of its own region.
     */
    public static Optional<String> networkRegion(String kind, String value, String serviceRegion) {
        var parts = value.split("/");
        var region = value.startsWith("projects/") && parts.length == 6 ? parts[3] : serviceRegion;
        return refuse(!region.equals(serviceRegion), () -> "found a " + kind + " in " + region + ", but the service runs in "
                + serviceRegion + "; expected a " + kind + " in " + serviceRegion + " (Cloud Run reaches a VPC only through a "
                + kind + " of its own region)");
    }

    public static String networkTagTwice(String tag) {
        return "the tag '" + tag + "' is listed twice; expected each tag once";
    }

    /** Cloud Run's name for an egress setting as written: {@code all-traffic} is {@code ALL_TRAFFIC}. */
    public static String egressWire(String egress) {
        return egress.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** A connector as Cloud Run takes it: a name alone is the service's project's connector in the service's region. */
    public static String connectorPath(String connector, String project, String region) {
        return connector.startsWith("projects/") ? connector : "projects/" + project + "/locations/" + region + "/connectors/" + connector;
    }

    // Binary Authorization for Cloud Run (https://cloud.google.com/binary-authorization/docs/run/enabling-binauthz-cloud-run):
    // the project's default policy, or a named policy. pulumi-gcp 9.37.0 documents a policy path as
    // projects/{project}/platforms/cloudRun/{policy-name}; the Binary Authorization API names a platform policy
    // projects/{project}/platforms/cloudrun/policies/{policy-id}: both are taken as written. Its breakglassJustification
    // "must be empty" unless the default policy is used (https://cloud.google.com/binary-authorization/docs/using-breakglass).

    /** The word that means the project's default policy. */
    public static final String DEFAULT_POLICY = "default";
    private static final Pattern POLICY = Pattern.compile(RFC1035 + "|projects/" + PROJECT_REF + "/platforms/(cloudRun|cloudrun/policies)/"
            + RFC1035);

    public static Optional<String> binaryAuthorizationPolicy(String policy) {
        return refuse(!POLICY.matcher(policy).matches(), () -> "found \"" + policy + "\"; expected default (the project's default "
                + "policy), a policy's name (1 to 63 lower-case letters, digits and hyphens, starting with a letter) or its path "
                + "projects/PROJECT/platforms/cloudRun/NAME");
    }

    public static Optional<String> breakglassJustification(String policy, String justification) {
        if (justification.isBlank()) {
            return Optional.of("found a blank justification; expected why the policy is bypassed, such as the incident's id");
        }
        return refuse(!policy.equals(DEFAULT_POLICY), () -> "found a breakglass justification with the policy \"" + policy
                + "\"; Cloud Run takes breakglass only with the project's default policy: expected policy: default");
    }

    /** A policy as Cloud Run takes it: a name alone is the service's project's Cloud Run platform policy. */
    public static String binaryAuthorizationPolicyPath(String policy, String project) {
        return policy.startsWith("projects/") ? policy : "projects/" + project + "/platforms/cloudRun/" + policy;
    }

    /** Where Cloud Run mounts a Cloud SQL volume: each instance is a socket directory {@code /cloudsql/INSTANCE_CONNECTION_NAME}. */
    public static final String CLOUD_SQL_MOUNT_PATH = "/cloudsql";
    /** Directories where Cloud Run mounts no secret volume: they belong to the system. */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/dev", "/proc", "/sys");
    // A mount hides what the image had in its directory, so a secret file straight in a standard top-level directory
    // would hide the image's CA certificates, resolv.conf or passwd (/etc), its programs or libraries, or its home.
    // /app and /workspace are not standard, but they are where Dockerfiles (WORKDIR /app) and Google Cloud's buildpacks
    // put the application, which a mount there would hide: refusing them costs a stack only a subdirectory.
    /** Directories a secret file must not be straight in (their subdirectories are fine). */
    private static final List<String> IMAGE_DIRECTORIES = List.of("/app", "/bin", "/boot", "/etc", "/home", "/lib", "/lib64",
            "/opt", "/root", "/run", "/sbin", "/srv", "/tmp", "/usr", "/var", "/workspace");
    private static final Pattern CLOUD_SQL_INSTANCE_ID = Pattern.compile("[a-z]([-a-z0-9]{0,96}[a-z0-9])?");
    private static final String CLOUD_SQL_EXAMPLE = "PROJECT:REGION:INSTANCE such as acme-prod:europe-west1:orders-db";

    /**
     * A secret file's path. Cloud Run mounts a secret as a directory that holds its file, so the file's directory is
     * the mount path: it must be a directory of its own, never {@code /}, a system directory, or a top-level directory
     * of the image such as {@code /etc}.
     */
    public static Optional<String> secretFilePath(String path) {
        var segments = path.length() > 1 ? List.of(path.substring(1).split("/", -1)) : List.<String>of("");
        boolean plain = path.startsWith("/") && !path.contains(":") && segments.stream().noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (!plain) {
            return Optional.of("found \"" + path + "\"; expected an absolute file path such as /etc/secrets/tls.key, "
                    + "without empty, '.' or '..' parts, a trailing '/' or ':'");
        }
        var dir = secretMountPath(path);
        if (dir.equals("/")) {
            return Optional.of("found \"" + path + "\": Cloud Run mounts a secret file with the directory holding it, which cannot be /; "
                    + "expected a file in a directory of its own, such as /etc/secrets" + path);
        }
        if (IMAGE_DIRECTORIES.contains(dir)) {
            return Optional.of("found \"" + path + "\": Cloud Run would mount the directory " + dir + " for it, hiding what the "
                    + "image has there; expected a file in a directory of its own, such as /etc/secrets/" + segments.get(segments.size() - 1));
        }
        return SYSTEM_DIRECTORIES.stream().filter(system -> dir.equals(system) || dir.startsWith(system + "/")).findFirst()
                .map(system -> "found \"" + path + "\": its directory " + dir + " is in " + system + ", where Cloud Run mounts no secret; "
                        + "expected a file in a directory of its own outside /dev, /proc and /sys, such as /etc/secrets/"
                        + segments.get(segments.size() - 1));
    }

    /** The directory Cloud Run mounts for a secret file (a path {@link #secretFilePath} accepts). */
    public static String secretMountPath(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /**
     * Two mount paths of one container, each described as written ({@code the secret file /etc/tls/key.pem}, {@code Cloud SQL}):
     * refused when one is the other or inside it, as Cloud Run refuses them.
     */
    public static Optional<String> mountPathsOverlap(String what, String mountPath, String otherWhat, String otherMountPath) {
        String how = mountPath.equals(otherMountPath) ? "at the same mount path as"
                : mountPath.startsWith(otherMountPath + "/") ? "inside the mount path of"
                : otherMountPath.startsWith(mountPath + "/") ? "around the mount path of" : null;
        return refuse(how != null, () -> what + " is mounted at " + mountPath + ", " + how + " " + otherWhat + " (" + otherMountPath
                + "); expected mount paths that do not overlap: each secret file in a directory of its own, outside "
                + CLOUD_SQL_MOUNT_PATH + " when Cloud SQL is used");
    }

    /**
     * The first overlap of a secret file's mount path (a path {@link #secretFilePath} accepts) with those of the secret
     * files accepted before it, else with Cloud SQL's when the service uses it.
     */
    public static Optional<String> secretFileOverlap(String path, List<String> earlier, boolean cloudSql) {
        var what = "the secret file " + path;
        var dir = secretMountPath(path);
        return earlier.stream().map(other -> mountPathsOverlap(what, dir, "the secret file " + other, secretMountPath(other)))
                .flatMap(Optional::stream).findFirst()
                .or(() -> cloudSql ? mountPathsOverlap(what, dir, "Cloud SQL", CLOUD_SQL_MOUNT_PATH) : Optional.empty());
    }

    /** A Cloud SQL instance connection name, {@code PROJECT:REGION:INSTANCE}. */
    public static Optional<String> cloudSqlInstance(String name) {
        var parts = name.split(":", -1);
        if (parts.length != 3) {
            return Optional.of("found \"" + name + "\"; expected an instance connection name " + CLOUD_SQL_EXAMPLE);
        }
        var part = !PROJECT_ID.matcher(parts[0]).matches() ? "its project '" + parts[0] + "' is not a project id"
                : !REGION.matcher(parts[1]).matches() ? "its region '" + parts[1] + "' is not a region"
                : !CLOUD_SQL_INSTANCE_ID.matcher(parts[2]).matches() ? "its instance '" + parts[2] + "' is not a Cloud SQL instance id "
                        + "(lower-case letters, digits and hyphens, starting with a letter)"
                : null;
        return refuse(part != null, () -> "found \"" + name + "\": " + part + "; expected an instance connection name " + CLOUD_SQL_EXAMPLE);
    }

    /** The project that owns a Cloud SQL instance (a name {@link #cloudSqlInstance} accepts), where its client role is granted. */
    public static String cloudSqlProject(String name) {
        return name.substring(0, name.indexOf(':'));
    }

    public static String cloudSqlInstanceTwice(String name, String firstAt) {
        return "the instance " + name + " is listed twice (first " + firstAt + "); expected each instance once";
    }

    /**
     * Adopting a service behind IAP imports the IAP agent's invoker grant, whose import ID names the agent by the
     * project's number: without it the ID is not known when the program runs.
     */
    public static Optional<String> adoptWithIap(boolean adopt, boolean iap, boolean projectNumberKnown) {
        return refuse(adopt && iap && !projectNumberKnown, () -> "adopting a service behind IAP needs the project's number: "
                + "the IAP agent's invoker grant is imported by an ID naming service-NUMBER@gcp-sa-iap.iam.gserviceaccount.com; "
                + "expected projectNumber (gcloud projects describe PROJECT --format='value(projectNumber)')");
    }

    private static long mebibytes(String memory) {
        long amount = Long.parseLong(memory.substring(0, memory.length() - 2));
        return memory.endsWith("Gi") ? amount * 1024 : amount;
    }

    private static String format(double cpus) {
        return cpus == Math.floor(cpus) ? String.valueOf((long) cpus) : String.valueOf(cpus);
    }

    private static Optional<String> refuse(boolean refused, Supplier<String> message) {
        // The message is built only for a refused value: the rules run on every input of every component.
        return refused ? Optional.of(message.get()) : Optional.empty();
    }
}
