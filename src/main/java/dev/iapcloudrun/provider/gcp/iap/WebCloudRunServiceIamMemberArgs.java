// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.iapcloudrun.provider.gcp.iap.inputs.WebCloudRunServiceIamMemberConditionArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link WebCloudRunServiceIamMember}.
 */
public final class WebCloudRunServiceIamMemberArgs extends com.pulumi.resources.ResourceArgs {

    public static final WebCloudRunServiceIamMemberArgs Empty = new WebCloudRunServiceIamMemberArgs();

    /** Name of the Cloud Run service. */
    @Import(name="cloudRunServiceName", required=true)
    private Output<String> cloudRunServiceName;

    public Output<String> cloudRunServiceName() {
        return this.cloudRunServiceName;
    }

    /** Optional IAM condition. */
    @Import(name="condition")
    private @Nullable Output<WebCloudRunServiceIamMemberConditionArgs> condition;

    public Optional<Output<WebCloudRunServiceIamMemberConditionArgs>> condition() {
        return Optional.ofNullable(this.condition);
    }

    /** Region of the service. */
    @Import(name="location")
    private @Nullable Output<String> location;

    public Optional<Output<String>> location() {
        return Optional.ofNullable(this.location);
    }

    /** One principal granted the role; others are left alone. */
    @Import(name="member", required=true)
    private Output<String> member;

    public Output<String> member() {
        return this.member;
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

    private WebCloudRunServiceIamMemberArgs() {}

    private WebCloudRunServiceIamMemberArgs(WebCloudRunServiceIamMemberArgs $) {
        this.cloudRunServiceName = $.cloudRunServiceName;
        this.condition = $.condition;
        this.location = $.location;
        this.member = $.member;
        this.project = $.project;
        this.role = $.role;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WebCloudRunServiceIamMemberArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WebCloudRunServiceIamMemberArgs $;

        public Builder() {
            $ = new WebCloudRunServiceIamMemberArgs();
        }

        public Builder(WebCloudRunServiceIamMemberArgs defaults) {
            $ = new WebCloudRunServiceIamMemberArgs(Objects.requireNonNull(defaults));
        }

        public Builder cloudRunServiceName(Output<String> cloudRunServiceName) {
            $.cloudRunServiceName = cloudRunServiceName;
            return this;
        }

        public Builder cloudRunServiceName(String cloudRunServiceName) {
            return cloudRunServiceName(Output.of(cloudRunServiceName));
        }

        public Builder condition(@Nullable Output<WebCloudRunServiceIamMemberConditionArgs> condition) {
            $.condition = condition;
            return this;
        }

        public Builder condition(WebCloudRunServiceIamMemberConditionArgs condition) {
            return condition(Output.of(condition));
        }

        public Builder location(@Nullable Output<String> location) {
            $.location = location;
            return this;
        }

        public Builder location(String location) {
            return location(Output.of(location));
        }

        public Builder member(Output<String> member) {
            $.member = member;
            return this;
        }

        public Builder member(String member) {
            return member(Output.of(member));
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

        public WebCloudRunServiceIamMemberArgs build() {
            $.cloudRunServiceName = Objects.requireNonNull($.cloudRunServiceName, "expected parameter 'cloudRunServiceName' to be non-null");
            $.member = Objects.requireNonNull($.member, "expected parameter 'member' to be non-null");
            $.role = Objects.requireNonNull($.role, "expected parameter 'role' to be non-null");
            return $;
        }
    }
}
