// Shaped like pulumi-java-gen output for pulumi-gcp 9.37.0; see package-info.java.
package dev.iapcloudrun.provider.gcp.iap.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An IAM condition on the grant.
 */
public final class WebCloudRunServiceIamMemberConditionArgs extends com.pulumi.resources.ResourceArgs {

    public static final WebCloudRunServiceIamMemberConditionArgs Empty = new WebCloudRunServiceIamMemberConditionArgs();

    /** What the condition is for. */
    @Import(name="description")
    private @Nullable Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** CEL expression, e.g. on request.time. */
    @Import(name="expression", required=true)
    private Output<String> expression;

    public Output<String> expression() {
        return this.expression;
    }

    /** Short name of the condition. */
    @Import(name="title", required=true)
    private Output<String> title;

    public Output<String> title() {
        return this.title;
    }

    private WebCloudRunServiceIamMemberConditionArgs() {}

    private WebCloudRunServiceIamMemberConditionArgs(WebCloudRunServiceIamMemberConditionArgs $) {
        this.description = $.description;
        this.expression = $.expression;
        this.title = $.title;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WebCloudRunServiceIamMemberConditionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WebCloudRunServiceIamMemberConditionArgs $;

        public Builder() {
            $ = new WebCloudRunServiceIamMemberConditionArgs();
        }

        public Builder(WebCloudRunServiceIamMemberConditionArgs defaults) {
            $ = new WebCloudRunServiceIamMemberConditionArgs(Objects.requireNonNull(defaults));
        }

        public Builder description(@Nullable Output<String> description) {
            $.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder expression(Output<String> expression) {
            $.expression = expression;
            return this;
        }

        public Builder expression(String expression) {
            return expression(Output.of(expression));
        }

        public Builder title(Output<String> title) {
            $.title = title;
            return this;
        }

        public Builder title(String title) {
            return title(Output.of(title));
        }

        public WebCloudRunServiceIamMemberConditionArgs build() {
            $.expression = Objects.requireNonNull($.expression, "expected parameter 'expression' to be non-null");
            $.title = Objects.requireNonNull($.title, "expected parameter 'title' to be non-null");
            return $;
        }
    }
}
