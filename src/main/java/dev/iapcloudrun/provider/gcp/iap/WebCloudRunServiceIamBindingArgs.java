// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.iapcloudrun.provider.gcp.iap.inputs.WebCloudRunServiceIamBindingConditionArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link WebCloudRunServiceIamBinding}.
 */
public final class WebCloudRunServiceIamBindingArgs extends com.pulumi.resources.ResourceArgs {

    public static final WebCloudRunServiceIamBindingArgs Empty = new WebCloudRunServiceIamBindingArgs();

    /** Name of the Cloud Run service. */
    @Import(name="cloudRunServiceName", required=true)
    private Output<String> cloudRunServiceName;

    public Output<String> cloudRunServiceName() {
        return this.cloudRunServiceName;
    }

    /** Optional IAM condition. */
    @Import(name="condition")
    private @Nullable Output<WebCloudRunServiceIamBindingConditionArgs> condition;

    public Optional<Output<WebCloudRunServiceIamBindingConditionArgs>> condition() {
        return Optional.ofNullable(this.condition);
    }

    /** Region of the service. */
    @Import(name="location")
    private @Nullable Output<String> location;

    public Optional<Output<String>> location() {
        return Optional.ofNullable(this.location);
    }

    /** Principals granted the role: exactly these, others are removed. */
    @Import(name="members", required=true)
    private Output<List<String>> members;

    public Output<List<String>> members() {
        return this.members;
    }

    /** Project id. */
    @Import(name="project")
    private @Nullable Output<String> project;

    public Optional<Output<String>> project() {
        return Optional.ofNullable(this.project);
    }

    /** The role granted, e.g. roles/iap.httpsResourceAccessor. */
    @Import(name="role", required=true)
    private Output<String> role;

    public Output<String> role() {
        return this.role;
    }

    private WebCloudRunServiceIamBindingArgs() {}

    private WebCloudRunServiceIamBindingArgs(WebCloudRunServiceIamBindingArgs $) {
        this.cloudRunServiceName = $.cloudRunServiceName;
        this.condition = $.condition;
        this.location = $.location;
        this.members = $.members;
        this.project = $.project;
        this.role = $.role;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WebCloudRunServiceIamBindingArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WebCloudRunServiceIamBindingArgs $;

        public Builder() {
            $ = new WebCloudRunServiceIamBindingArgs();
        }

        public Builder(WebCloudRunServiceIamBindingArgs defaults) {
            $ = new WebCloudRunServiceIamBindingArgs(Objects.requireNonNull(defaults));
        }

        public Builder cloudRunServiceName(Output<String> cloudRunServiceName) {
            $.cloudRunServiceName = cloudRunServiceName;
            return this;
        }

        public Builder cloudRunServiceName(String cloudRunServiceName) {
            return cloudRunServiceName(Output.of(cloudRunServiceName));
        }

        public Builder condition(@Nullable Output<WebCloudRunServiceIamBindingConditionArgs> condition) {
            $.condition = condition;
            return this;
        }

        public Builder condition(WebCloudRunServiceIamBindingConditionArgs condition) {
            return condition(Output.of(condition));
        }

        public Builder location(@Nullable Output<String> location) {
            $.location = location;
            return this;
        }

        public Builder location(String location) {
            return location(Output.of(location));
        }

        public Builder members(Output<List<String>> members) {
            $.members = members;
            return this;
        }

        public Builder members(List<String> members) {
            return members(Output.of(members));
        }

        public Builder members(String... members) {
            return members(List.of(members));
        }

        public Builder project(@Nullable Output<String> project) {
            $.project = project;
            return this;
        }

        public Builder project(String project) {
            return project(Output.of(project));
        }

        public Builder role(Output<String> role) {
            $.role = role;
            return this;
        }

        public Builder role(String role) {
            return role(Output.of(role));
        }

        public WebCloudRunServiceIamBindingArgs build() {
            $.cloudRunServiceName = Objects.requireNonNull($.cloudRunServiceName, "expected parameter 'cloudRunServiceName' to be non-null");
            $.members = Objects.requireNonNull($.members, "expected parameter 'members' to be non-null");
            $.role = Objects.requireNonNull($.role, "expected parameter 'role' to be non-null");
            return $;
        }
    }
}
