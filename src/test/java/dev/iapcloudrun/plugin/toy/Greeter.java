package dev.iapcloudrun.plugin.toy;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.iapcloudrun.plugin.ComponentPlugin;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A toy component, served by the plugin in its tests as the real components will be: it takes each kind of input
 * they take, declares one child resource with them, refuses a bad input with a message for the caller, and exports
 * an output. It also exports what its inputs were when its constructor ran, which the tests read to pin down how the
 * SDK hands Construct's inputs to a component.
 */
public final class Greeter extends ComponentResource {

    public static final String TYPE = ComponentPlugin.NAME + ":index:Greeter";

    /** The greeting; secret when the greeting given was. */
    @Export(name = "message", refs = String.class)
    private final Output<String> message;

    /** For each Output input: "pending", or "known"/"unknown", then "secret" if it is one. */
    @Export(name = "inputsAtConstruction", refs = String.class)
    private final Output<String> inputsAtConstruction;

    public Greeter(String name, GreeterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        if (!List.of("en", "de").contains(args.language())) {
            throw new IllegalArgumentException("Greeter " + name + ": language must be en or de, but '" + args.language()
                    + "' was provided");
        }
        this.inputsAtConstruction = Output.of("name: " + state(args.name()) + "; greeting: " + state(args.greeting())
                + "; times: " + state(args.times()) + "; tags: " + state(args.tags()) + "; style: " + state(args.style()));

        var line = Output.tuple(args.greeting(), args.name(), args.style()).applyValue(t ->
                t.t1 + ", " + t.t2 + t.t3.punctuation());
        var text = Output.tuple(line, args.times(), args.style()).applyValue(t -> {
            var repeated = String.join(" ", Collections.nCopies(Math.max(1, t.t2), t.t1));
            return t.t3.shout() ? repeated.toUpperCase() : repeated;
        });
        var note = new Note(name + "-note", new Note.Args(text, args.tags()), CustomResourceOptions.builder().parent(this).build());
        this.message = note.text();
        registerOutputs(Map.of("message", message, "inputsAtConstruction", inputsAtConstruction));
    }

    public Output<String> message() {
        return message;
    }

    private static String state(Output<?> output) {
        var data = Internal.of(output).getDataAsync();
        if (!data.isDone()) {
            return "pending";
        }
        var value = data.join();
        return (value.isKnown() ? "known" : "unknown") + (value.isSecret() ? " secret" : "");
    }
}
