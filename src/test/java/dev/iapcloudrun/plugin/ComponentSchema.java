package dev.iapcloudrun.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import dev.iapcloudrun.StackChecks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Pulumi package schema of a component package, checked in and reviewed like code: what programs in other
 * languages see of the components (the SDKs {@code pulumi package add} generates) changes in a pull request only
 * as a visible change to the file. A schema is never rewritten silently: only on request, with {@link #UPDATE}.
 */
public final class ComponentSchema {

    /** The one command that rewrites the checked-in schemas. */
    public static final String UPDATE = "./mvnw -B test -Dtest=ComponentSchemaTest -Dschema.update=true";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ComponentSchema() {}

    /**
     * The schema the plugin serves for the components of {@code components}: the SDK's own GetSchema, which reads the
     * classes by reflection and needs no engine. Written with sorted keys, so that the file does not change with the
     * order in which the SDK happens to find the classes.
     */
    public static String generate(Package components) throws IOException {
        var served = new ComponentProvider(new Metadata(ComponentPlugin.NAME), components)
                .getSchema(new GetSchemaRequest(0, null, null)).join().getSchema();
        return JSON.writeValueAsString(JSON.readValue(served, Object.class)) + "\n";
    }

    /**
     * The schema of {@code components} against the file {@code file}: nothing when they are equal, else one line that
     * says what differs and what to run. With {@code update}, the file is written first.
     */
    public static Optional<String> problem(Package components, Path file, boolean update) throws IOException {
        var actual = generate(components);
        if (update) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, actual);
        }
        if (!Files.exists(file)) {
            return Optional.of("the components of " + components.getName() + " have no checked-in schema: run " + UPDATE
                    + " and review the new file " + file);
        }
        var expected = Files.readString(file);
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of("the schema of " + components.getName() + " differs from " + file + " "
                + StackChecks.firstDifference(expected, actual) + ": if the change is intended, run " + UPDATE
                + " and review the diff");
    }
}
