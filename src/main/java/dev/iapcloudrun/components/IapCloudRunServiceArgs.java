package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.iapcloudrun.spec.ServiceSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link IapCloudRunService}: plain, validated values from the stack file, plus the IAP
 * agent's address, which comes from another resource.
 *
 * @param projectNumber  the project number when the stack declares it: a secret path naming it is a secret of
 *                       the stack's own project
 * @param labels         labels put on the service (the stack's labels)
 * @param iapAgentMember the project's IAP service agent as an IAM member (see {@link IapProjectSetup})
 * @param dependsOn      resources the service must wait for (the project's APIs)
 */
public record IapCloudRunServiceArgs(
        String project,
        Optional<String> projectNumber,
        String region,
        Map<String, String> labels,
        ServiceSpec service,
        Output<String> iapAgentMember,
        List<Resource> dependsOn) {

    public IapCloudRunServiceArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(projectNumber, "projectNumber");
        Objects.requireNonNull(region, "region");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(iapAgentMember, "iapAgentMember");
        dependsOn = List.copyOf(dependsOn);
    }
}
