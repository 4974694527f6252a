package dev.iapcloudrun.plugin.toy;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * The toy component's inputs: one of each kind the real components take. The SDK reads every declared field as an
 * input, so this class holds nothing else.
 */
public final class GreeterArgs extends ResourceArgs {

    /** Who is greeted. */
    @Import(name = "name", required = true)
    private Output<String> name;

    /** The greeting, "Hello" when absent; a caller may pass it as a secret. */
    @Import(name = "greeting")
    private Output<String> greeting;

    /** How often the greeting is repeated, at least once. */
    @Import(name = "times")
    private Output<Integer> times;

    @Import(name = "tags")
    private Output<List<String>> tags;

    @Import(name = "style")
    private Output<StyleArgs> style;

    /** A plain input, known when the component is constructed: "en" (the default) or "de". */
    @Import(name = "language")
    private String language;

    private GreeterArgs() {}

    public Output<String> name() {
        return name;
    }

    public Output<String> greeting() {
        return greeting == null ? Output.of("Hello") : greeting;
    }

    public Output<Integer> times() {
        return times == null ? Output.of(1) : times;
    }

    public Output<List<String>> tags() {
        return tags == null ? Output.ofList() : tags;
    }

    public Output<StyleArgs> style() {
        return style == null ? Output.of(StyleArgs.plain()) : style;
    }

    public String language() {
        return language == null ? "en" : language;
    }
}
