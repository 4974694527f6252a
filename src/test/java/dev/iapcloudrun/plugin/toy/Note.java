package dev.iapcloudrun.plugin.toy;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** The toy component's child: a custom resource of a made-up provider, which the fake engine records. */
public final class Note extends CustomResource {

    public static final String TYPE = "toy:index:Note";

    @Export(name = "text", refs = String.class)
    private Output<String> text;

    public Note(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }

    public Output<String> text() {
        return text;
    }

    public static final class Args extends ResourceArgs {

        @Import(name = "text", required = true)
        private final Output<String> text;

        @Import(name = "tags")
        private final Output<List<String>> tags;

        public Args(Output<String> text, Output<List<String>> tags) {
            this.text = text;
            this.tags = tags;
        }
    }
}
