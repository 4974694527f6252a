package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.organizations.outputs.GetProjectResult;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.gcp.projects.ServiceIdentityArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.projects.Service;
import dev.iapcloudrun.provider.gcp.projects.ServiceIdentity;
import dev.iapcloudrun.rules.InputRules;
import dev.iapcloudrun.spec.InputException;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * What a project needs once before any IAP-protected Cloud Run service: the Cloud Run and IAP APIs,
 * and the IAP service agent, which may not exist in a new project until it is asked for.
 */
public final class IapProjectSetup extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapProjectSetup";

    /** The APIs are never disabled on destroy: other workloads of the project may use them. */
    static final boolean DISABLE_ON_DESTROY = false;

    private static final String COMPONENT = "IapProjectSetup";

    /** The project number: as declared (and checked), or looked up with {@code gcp:organizations/getProject}. */
    @Export(name="projectNumber", refs={String.class}, tree="[0]")
    private Output<String> projectNumber;

    /** The IAP service agent as an IAM member: what {@link IapCloudRunServiceArgs#iapAgentMember()} takes. */
    @Export(name="iapAgentMember", refs={String.class}, tree="[0]")
    private Output<String> iapAgentMember;

    private record Inputs(Output<String> project, Optional<Output<String>> projectNumber) {}

    /**
     * @param name the component's name; children are named {@code <name>-run-api}, {@code <name>-iap-api},
     *             {@code <name>-iap-agent}
     */
    public IapProjectSetup(String name, IapProjectSetupArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, InputChecks.now(COMPONENT, name, checks -> inputs(checks, args)), options);
        var in = inputs(InputChecks.later(COMPONENT, name, this), args);
        var project = in.project();
        var runApi = api(name + "-run-api", project, "run.googleapis.com");
        var iapApi = api(name + "-iap-api", project, "iap.googleapis.com");
        var agent = new ServiceIdentity(name + "-iap-agent", ServiceIdentityArgs.builder()
                .project(project)
                .service("iap.googleapis.com")
                .build(), GcpProvider.childOf(this).dependsOn(iapApi).build());
        var lookedUp = OrganizationsFunctions
                .getProject(GetProjectArgs.builder().projectId(project).build(), GcpProvider.invokeOptions(this))
                .applyValue(GetProjectResult::number);
        // A declared number is checked against the project's real one: a wrong number would grant another
        // project's IAP agent and send the OAuth client to the wrong project. Offline the real number is unknown,
        // so the check does not run there.
        var checked = in.projectNumber().map(declared -> Output.tuple(project, declared, lookedUp)
                .applyValue(t -> verified(t.t1, t.t2, t.t3)));
        // Under pulumi up everything that uses the number waits for the check, so nothing is created with a wrong
        // one. A preview uses the declared number, which keeps it known, and fails through the component's
        // outputs, which wait for the check.
        this.projectNumber = checked.isEmpty() ? lookedUp
                : Deployment.getInstance().isDryRun() ? in.projectNumber().get() : checked.get();
        // Grants to the agent must wait for it and the Run API to exist: the address carries both as
        // dependencies (through their URNs, which are known before deployment, unlike the agent's email).
        this.iapAgentMember = Output.tuple(this.projectNumber, agent.urn(), runApi.urn())
                .applyValue(t -> IapServiceAgent.member(t.t1));
        registerOutputs(Map.of("projectNumber", checked.orElse(this.projectNumber), "iapAgentMember", this.iapAgentMember));
    }

    private static Inputs inputs(InputChecks c, IapProjectSetupArgs args) {
        return new Inputs(c.required("project", args.project(), "a project id", InputRules::projectId),
                c.optional("projectNumber", args.projectNumber().orElse(null), InputRules::projectNumber));
    }

    /** The declared project number, once it is known to be the project's real one. */
    static String verified(String project, String declared, String real) {
        if (!declared.equals(real)) {
            throw new InputException("projectNumber " + declared + " is not the number of project " + project + ", which is "
                    + real + "; a wrong number would grant another project's IAP agent roles/run.invoker and send the OAuth "
                    + "client to the wrong project. Correct projectNumber, or remove it to have the number looked up.");
        }
        return declared;
    }

    private Service api(String name, Output<String> project, String api) {
        return new Service(name, ServiceArgs.builder()
                .project(project)
                .service(api)
                .disableOnDestroy(DISABLE_ON_DESTROY)
                .disableDependentServices(false)
                .build(), GcpProvider.childOf(this).build());
    }

    public Output<String> projectNumber() {
        return projectNumber;
    }

    public Output<String> iapAgentMember() {
        return iapAgentMember;
    }
}
