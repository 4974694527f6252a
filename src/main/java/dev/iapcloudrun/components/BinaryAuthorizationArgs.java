package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The Binary Authorization policy a service's images are checked against when a revision is deployed.
 */
public final class BinaryAuthorizationArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * {@code default}, the project's default policy; a policy's name, taken as the service's project's Cloud Run platform
     * policy; or its path {@code projects/PROJECT/platforms/cloudRun/NAME}. Required.
     */
    @Import(name="policy", required=true)
    private String policy;

    public String policy() {
        return this.policy;
    }

    /**
     * Deploys images the policy would refuse, logged as breakglass with this justification; only with the default
     * policy. Default: none, the policy is enforced. Warned of each time it is set ([breakglass]), as in a stack file.
     */
    @Import(name="breakglassJustification")
    private @Nullable String breakglassJustification;

    public Optional<String> breakglassJustification() {
        return Optional.ofNullable(this.breakglassJustification);
    }

    private BinaryAuthorizationArgs() {}

    private BinaryAuthorizationArgs(BinaryAuthorizationArgs $) {
        this.policy = $.policy;
        this.breakglassJustification = $.breakglassJustification;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(BinaryAuthorizationArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private BinaryAuthorizationArgs $;

        public Builder() {
            $ = new BinaryAuthorizationArgs();
        }

        public Builder(BinaryAuthorizationArgs defaults) {
            $ = new BinaryAuthorizationArgs(Objects.requireNonNull(defaults));
        }

        public Builder policy(String policy) {
            $.policy = policy;
            return this;
        }

        public Builder breakglassJustification(@Nullable String breakglassJustification) {
            $.breakglassJustification = breakglassJustification;
            return this;
        }

        public BinaryAuthorizationArgs build() {
            return $;
        }
    }
}
