package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link IapProjectSetup}.
 */
public final class IapProjectSetupArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The project id. Required.
     */
    @Import(name="project", required=true)
    private Output<String> project;

    public Output<String> project() {
        return this.project;
    }

    /**
     * The project number. Optional: when given it is checked against the project's real number wherever
     * that can be looked up (not offline); otherwise it is looked up at deploy time.
     */
    @Import(name="projectNumber")
    private @Nullable Output<String> projectNumber;

    public Optional<Output<String>> projectNumber() {
        return Optional.ofNullable(this.projectNumber);
    }

    private IapProjectSetupArgs() {}

    private IapProjectSetupArgs(IapProjectSetupArgs $) {
        this.project = $.project;
        this.projectNumber = $.projectNumber;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(IapProjectSetupArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private IapProjectSetupArgs $;

        public Builder() {
            $ = new IapProjectSetupArgs();
        }

        public Builder(IapProjectSetupArgs defaults) {
            $ = new IapProjectSetupArgs(Objects.requireNonNull(defaults));
        }

        public Builder project(Output<String> project) {
            $.project = project;
            return this;
        }

        public Builder project(String project) {
            return project(Output.of(project));
        }

        public Builder projectNumber(@Nullable Output<String> projectNumber) {
            $.projectNumber = projectNumber;
            return this;
        }

        public Builder projectNumber(String projectNumber) {
            return projectNumber(Output.of(projectNumber));
        }

        public IapProjectSetupArgs build() {
            return $;
        }
    }
}
