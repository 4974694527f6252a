package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A plain environment variable of a service: a name and a value.
 */
public final class EnvVarArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The variable's name: letters, digits and underscores, not starting with a digit, and not one
     * Cloud Run reserves. Required; known when the program runs.
     */
    @Import(name="name", required=true)
    private String name;

    public String name() {
        return this.name;
    }

    /**
     * The value. Required; may be known only at deploy time (another service's URI, say).
     */
    @Import(name="value", required=true)
    private Output<String> value;

    public Output<String> value() {
        return this.value;
    }

    private EnvVarArgs() {}

    private EnvVarArgs(EnvVarArgs $) {
        this.name = $.name;
        this.value = $.value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(EnvVarArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private EnvVarArgs $;

        public Builder() {
            $ = new EnvVarArgs();
        }

        public Builder(EnvVarArgs defaults) {
            $ = new EnvVarArgs(Objects.requireNonNull(defaults));
        }

        public Builder name(String name) {
            $.name = name;
            return this;
        }

        public Builder value(Output<String> value) {
            $.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public EnvVarArgs build() {
            return $;
        }
    }
}
