package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.organizations.outputs.GetProjectResult;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.gcp.projects.ServiceIdentityArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.iapcloudrun.provider.gcp.GcpProvider;
import dev.iapcloudrun.provider.gcp.projects.Service;
import dev.iapcloudrun.provider.gcp.projects.ServiceIdentity;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * What a project needs once before any IAP-protected Cloud Run service: the Cloud Run and IAP APIs,
 * and the IAP service agent, which may not exist in a new project until it is asked for.
 */
public final class IapProjectSetup extends ComponentResource {

    public static final String TYPE = "iap-cloudrun:index:IapProjectSetup";

    /** The APIs are never disabled on destroy: other workloads of the project may use them. */
    static final boolean DISABLE_ON_DESTROY = false;

    // Registered with registerOutputs, without @Export: see IapCloudRunService.

    /** The project number: as declared, or looked up with {@code gcp:organizations/getProject}. */
    private final Output<String> projectNumber;

    /** The IAP service agent as an IAM member. */
    private final Output<String> iapAgentMember;

    /**
     * @param name the component's name; children are named {@code <name>-run-api}, {@code <name>-iap-api},
     *             {@code <name>-iap-agent}
     */
    public IapProjectSetup(String name, IapProjectSetupArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var project = args.project();
        var runApi = api(name + "-run-api", project, "run.googleapis.com");
        var iapApi = api(name + "-iap-api", project, "iap.googleapis.com");
        var agent = new ServiceIdentity(name + "-iap-agent", ServiceIdentityArgs.builder()
                .project(project)
                .service("iap.googleapis.com")
                .build(), GcpProvider.childOf(this).dependsOn(iapApi).build());
        this.projectNumber = args.projectNumber().map(Output::of).orElseGet(() -> OrganizationsFunctions
                .getProject(GetProjectArgs.builder().projectId(project).build(), GcpProvider.invokeOptions(this))
                .applyValue(GetProjectResult::number));
        // Grants to the agent must wait for it and the Run API to exist: the address carries both as
        // dependencies (through their URNs, which are known before deployment, unlike the agent's email).
        this.iapAgentMember = Output.tuple(this.projectNumber, agent.urn(), runApi.urn())
                .applyValue(t -> IapServiceAgent.member(t.t1));
        registerOutputs(Map.of("projectNumber", this.projectNumber, "iapAgentMember", this.iapAgentMember));
    }

    private Service api(String name, String project, String api) {
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
