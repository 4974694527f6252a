package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link IapAccessorBinding}.
 */
public final class IapAccessorBindingArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The project id. Required.
     */
    @Import(name="project", required=true)
    private Output<String> project;

    public Output<String> project() {
        return this.project;
    }

    /**
     * The region of the service. Required.
     */
    @Import(name="region", required=true)
    private Output<String> region;

    public Output<String> region() {
        return this.region;
    }

    /**
     * The Cloud Run service's name: {@link IapCloudRunService#serviceName()}, so that the grants wait
     * for the service. Required.
     */
    @Import(name="serviceName", required=true)
    private Output<String> serviceName;

    public Output<String> serviceName() {
        return this.serviceName;
    }

    /**
     * {@code authoritative}: exactly these members hold the role, grants made elsewhere are removed;
     * {@code additive}: these members hold it, others are left alone. Required, with no default: the choice decides
     * whether access granted outside the program survives. Known when the program runs.
     */
    @Import(name="mode", required=true)
    private Output<String> mode;

    public Output<String> mode() {
        return this.mode;
    }

    /**
     * The principals, such as {@code user:ada@example.com} or {@code group:staff@example.com}; never a
     * public principal. Required, at least one. Authoritative members may be known only at deploy time; additive ones
     * are known when the program runs, each grant being a resource named after its principal.
     */
    @Import(name="members", required=true)
    private Output<List<String>> members;

    public Output<List<String>> members() {
        return this.members;
    }

    /**
     * An IAM condition applied to every grant. Default none.
     */
    @Import(name="condition")
    private @Nullable Output<AccessorConditionArgs> condition;

    public Optional<Output<AccessorConditionArgs>> condition() {
        return Optional.ofNullable(this.condition);
    }

    /**
     * Adopt the grants that already exist instead of creating them: the binding, or each member, is registered with the
     * provider's import ID. Known when the program runs; then project, region, serviceName and the condition must be
     * too, as each ID names them, and serviceName is a plain value (the grants wait for what the component waits for).
     * An adopted binding is then updated to exactly {@code members}: read {@code pulumi preview} first. Default false.
     */
    @Import(name="adopt")
    private @Nullable Output<Boolean> adopt;

    public Optional<Output<Boolean>> adopt() {
        return Optional.ofNullable(this.adopt);
    }

    private IapAccessorBindingArgs() {}

    private IapAccessorBindingArgs(IapAccessorBindingArgs $) {
        this.project = $.project;
        this.region = $.region;
        this.serviceName = $.serviceName;
        this.mode = $.mode;
        this.members = $.members;
        this.condition = $.condition;
        this.adopt = $.adopt;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(IapAccessorBindingArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private IapAccessorBindingArgs $;

        public Builder() {
            $ = new IapAccessorBindingArgs();
        }

        public Builder(IapAccessorBindingArgs defaults) {
            $ = new IapAccessorBindingArgs(Objects.requireNonNull(defaults));
        }

        public Builder project(Output<String> project) {
            $.project = project;
            return this;
        }

        public Builder project(String project) {
            return project(Output.of(project));
        }

        public Builder region(Output<String> region) {
            $.region = region;
            return this;
        }

        public Builder region(String region) {
            return region(Output.of(region));
        }

        public Builder serviceName(Output<String> serviceName) {
            $.serviceName = serviceName;
            return this;
        }

        public Builder serviceName(String serviceName) {
            return serviceName(Output.of(serviceName));
        }

        public Builder mode(Output<String> mode) {
            $.mode = mode;
            return this;
        }

        public Builder mode(String mode) {
            return mode(Output.of(mode));
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

        public Builder condition(@Nullable Output<AccessorConditionArgs> condition) {
            $.condition = condition;
            return this;
        }

        public Builder condition(AccessorConditionArgs condition) {
            return condition(Output.of(condition));
        }

        public Builder adopt(@Nullable Output<Boolean> adopt) {
            $.adopt = adopt;
            return this;
        }

        public Builder adopt(Boolean adopt) {
            return adopt(Output.of(adopt));
        }

        public IapAccessorBindingArgs build() {
            return $;
        }
    }
}
