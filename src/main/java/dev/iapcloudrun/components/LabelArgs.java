package dev.iapcloudrun.components;

import com.pulumi.core.annotations.Import;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A label: lower-case letters, digits, {@code _} or {@code -}.
 */
public final class LabelArgs extends com.pulumi.resources.ResourceArgs {

    /**
     * The key, starting with a letter, at most 63 characters. Required.
     */
    @Import(name="key", required=true)
    private String key;

    public String key() {
        return this.key;
    }

    /**
     * The value, at most 63 characters. Required.
     */
    @Import(name="value", required=true)
    private String value;

    public String value() {
        return this.value;
    }

    private LabelArgs() {}

    private LabelArgs(LabelArgs $) {
        this.key = $.key;
        this.value = $.value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(LabelArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private LabelArgs $;

        public Builder() {
            $ = new LabelArgs();
        }

        public Builder(LabelArgs defaults) {
            $ = new LabelArgs(Objects.requireNonNull(defaults));
        }

        public Builder key(String key) {
            $.key = key;
            return this;
        }

        public Builder value(String value) {
            $.value = value;
            return this;
        }

        public LabelArgs build() {
            return $;
        }
    }
}
