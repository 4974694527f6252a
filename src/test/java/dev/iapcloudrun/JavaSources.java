package dev.iapcloudrun;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * Compiles Java sources the documentation shows (an example program, a README snippet) against the classes under test,
 * as a user's build would compile them against the library, and loads what they define.
 */
public final class JavaSources {

    private JavaSources() {}

    /**
     * A source held in memory, such as a README snippet.
     *
     * @param shownAs  where it comes from, which diagnostics name
     * @param fileName the file javac takes it for, {@code App.java} for a public class {@code App}
     */
    public static JavaFileObject inMemory(String shownAs, String fileName, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }

            @Override
            public String getName() {
                return shownAs;
            }
        };
    }

    /** Every {@code .java} file under {@code folder}, in a stable order, each named by its path. */
    public static List<JavaFileObject> under(Path folder) {
        try (var files = Files.walk(folder)) {
            var sources = new ArrayList<JavaFileObject>();
            for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(inMemory(file.toString(), folder.relativize(file).toString(), Files.readString(file)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code sources} for Java 17 against the test JVM's class path into {@code into}, and returns a class
     * loader over them whose parent is this one, so that they share the SDK's deployment with the offline engine.
     * Fails with every diagnostic of the compiler (warnings included: {@code -Xlint:all -Werror}) when it refuses them.
     */
    public static URLClassLoader compile(List<JavaFileObject> sources, Path into) {
        if (sources.isEmpty()) {
            fail("no Java sources to compile");
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"), "-d", into.toString(),
                // No annotation processors: whichever the test class path happens to carry are not the user's.
                "-proc:none", "-Xlint:all", "-Werror");
        try (var fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null, sources).call();
            if (!compiled) {
                fail("javac refused " + sources.stream().map(JavaFileObject::getName).collect(Collectors.joining(", ")) + ":\n  "
                        + diagnostics.getDiagnostics().stream().map(JavaSources::describe).collect(Collectors.joining("\n  ")));
            }
            return new URLClassLoader(new java.net.URL[] {into.toUri().toURL()}, JavaSources.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One diagnostic as javac prints it: where, what kind, and the message. */
    static String describe(Diagnostic<? extends JavaFileObject> d) {
        var where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": ";
        return where + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
    }
}
