package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An IAM condition on accessor grants.
 */
public final class AccessorConditionArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * A title of 1 to 100 characters. Required.
     */
    @Import(name="title", required=true)
    private String title;

    public String title() {
        return this.title;
    }

    /**
     * A CEL expression. Required.
     */
    @Import(name="expression", required=true)
    private String expression;

    public String expression() {
        return this.expression;
    }

    /**
     * A description. Default none.
     */
    @Import(name="description")
    private @Nullable String description;

    public Optional<String> description() {
        return Optional.ofNullable(this.description);
    }

    private AccessorConditionArgs() {}

    private AccessorConditionArgs(AccessorConditionArgs $) {
        this.title = $.title;
        this.expression = $.expression;
        this.description = $.description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AccessorConditionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AccessorConditionArgs $;

        public Builder() {
            $ = new AccessorConditionArgs();
        }

        public Builder(AccessorConditionArgs defaults) {
            $ = new AccessorConditionArgs(Objects.requireNonNull(defaults));
        }

        public Builder title(String title) {
            $.title = title;
            return this;
        }

        public Builder expression(String expression) {
            $.expression = expression;
            return this;
        }

        public Builder description(@Nullable String description) {
            $.description = description;
            return this;
        }

        public AccessorConditionArgs build() {
            return $;
        }
    }
}
