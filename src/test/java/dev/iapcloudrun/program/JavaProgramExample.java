package dev.iapcloudrun.program;

import com.pulumi.Context;
import dev.iapcloudrun.JavaSources;
import dev.iapcloudrun.StackChecks;
import dev.iapcloudrun.synth.OfflineEngine;
import dev.iapcloudrun.synth.Plan;
import dev.iapcloudrun.synth.PulumiProject;
import org.w3c.dom.Element;

import javax.tools.JavaFileObject;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Java program of {@code examples/java-program}, as its own build would run it: its sources compiled against the
 * component classes under test (not an installed jar, which could be older), its main class taken from its pom, and
 * its {@code stack} method run offline with the config of its {@code Pulumi.dev.yaml}, read as {@code synth} reads a
 * bundled stack's.
 */
final class JavaProgramExample {

    static final Path ROOT = Path.of("examples/java-program");
    static final String STACK = "dev";
    /** Beside the bundled stacks' golden plans, in a folder of its own: a plan there named {@code <stack>.json} is a stack's. */
    static final Path GOLDEN = StackChecks.GOLDEN.resolve("examples/java-program/" + STACK + ".json");

    private JavaProgramExample() {}

    private static Method stackMethod;
    private static AssertionError compileFailure;

    /** Compiled once per test run, so every test of the example runs the same classes and a refusal fails each alike. */
    private static synchronized Method stackMethod() {
        if (stackMethod == null && compileFailure == null) {
            try {
                stackMethod = compile(JavaSources.under(ROOT.resolve("src/main/java")));
            } catch (AssertionError e) {
                compileFailure = e;
            }
        }
        if (compileFailure != null) {
            throw compileFailure;
        }
        return stackMethod;
    }

    /** Compiles {@code sources} (the example's, or a variant of them) and returns the {@code stack} method of the pom's main class. */
    static Method compile(List<JavaFileObject> sources) {
        try {
            var classes = Files.createTempDirectory("java-program-example");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(classes)));
            var loader = JavaSources.compile(sources, classes);
            var app = loader.loadClass(mainClass());
            app.getMethod("main", String[].class);
            return app.getMethod("stack", Context.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(ROOT.resolve("pom.xml") + " names main class " + mainClass()
                    + ", which must have main(String[]) and a public static stack(Context): " + e, e);
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder: nothing reads it again.
        }
    }

    /** The example's program: its {@code stack} method, as {@code Pulumi.run} would call it. */
    static Consumer<Context> program() {
        return program(stackMethod());
    }

    static Consumer<Context> program(Method stack) {
        return ctx -> {
            try {
                stack.invoke(null, ctx);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The example's plan with the config of {@code Pulumi.dev.yaml}, secrets as their ciphertext, as synth sees them. */
    static Plan synth() {
        return synth(Map.of());
    }

    /**
     * The example's plan with some config values replaced, such as the decrypted OAuth client secret that
     * {@code pulumi up} would hand the program.
     */
    static Plan synth(Map<String, String> overrides) {
        return synth(program(), overrides);
    }

    /** {@code program} run offline with the example's config, as {@link #synth(Map)} runs the example's own. */
    static Plan synth(Consumer<Context> program, Map<String, String> overrides) {
        return synth(program, overrides, warning -> { });
    }

    /** As {@link #synth(Consumer, Map)}, handing each warning the program logs to {@code warnings}. */
    static Plan synth(Consumer<Context> program, Map<String, String> overrides, Consumer<String> warnings) {
        try {
            var project = PulumiProject.load(ROOT);
            var config = project.stackConfig(STACK);
            if (!config.problems().isEmpty()) {
                fail(ROOT.resolve("Pulumi." + STACK + ".yaml") + ": " + config.problems());
            }
            var values = new HashMap<>(config.values());
            values.putAll(overrides);
            return OfflineEngine.synth(project.name(), STACK, values, config.secretKeys(), config.fingerprints(), program, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code mainClass} property of the example's pom, which its exec-maven-plugin runs. */
    static String mainClass() {
        return Pom.read(ROOT.resolve("pom.xml")).property("mainClass");
    }

    /** What the tests read of a pom: its coordinates, properties and dependencies, as written in it. */
    record Pom(String groupId, String artifactId, String version, Map<String, String> properties, List<Dependency> dependencies) {

        record Dependency(String groupId, String artifactId, String version) {}

        static Pom read(Path file) {
            try {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                var project = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
                var properties = new HashMap<String, String>();
                child(project, "properties").ifPresent(p -> children(p).forEach(e -> properties.put(e.getTagName(), e.getTextContent().strip())));
                var dependencies = new ArrayList<Dependency>();
                child(project, "dependencies").ifPresent(d -> children(d).forEach(e -> dependencies.add(
                        new Dependency(text(e, "groupId"), text(e, "artifactId"), text(e, "version")))));
                return new Pom(text(project, "groupId"), text(project, "artifactId"), text(project, "version"), properties, dependencies);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        String property(String name) {
            var value = properties.get(name);
            if (value == null) {
                fail("the pom has no property " + name);
            }
            return value;
        }

        /** A version as the pom writes it, a {@code ${property}} replaced by the property's value. */
        String resolved(String version) {
            return version != null && version.matches("\\$\\{[^}]+}") ? property(version.substring(2, version.length() - 1)) : version;
        }

        private static java.util.Optional<Element> child(Element parent, String tag) {
            return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst();
        }

        private static List<Element> children(Element parent) {
            var found = new ArrayList<Element>();
            for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    found.add(element);
                }
            }
            return found;
        }

        private static String text(Element parent, String tag) {
            return child(parent, tag).map(e -> e.getTextContent().strip()).orElse(null);
        }
    }
}
