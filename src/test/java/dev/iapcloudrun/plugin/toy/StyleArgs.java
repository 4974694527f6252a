package dev.iapcloudrun.plugin.toy;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** A nested input object of the toy component. */
public final class StyleArgs extends ResourceArgs {

    @Import(name = "punctuation")
    private String punctuation;

    @Import(name = "shout")
    private Boolean shout;

    private StyleArgs() {}

    private StyleArgs(String punctuation, Boolean shout) {
        this.punctuation = punctuation;
        this.shout = shout;
    }

    /** What the component uses when no style is given. */
    static StyleArgs plain() {
        return new StyleArgs("!", false);
    }

    public String punctuation() {
        return punctuation == null ? "!" : punctuation;
    }

    public boolean shout() {
        return Boolean.TRUE.equals(shout);
    }
}
