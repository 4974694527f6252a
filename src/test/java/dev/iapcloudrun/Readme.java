package dev.iapcloudrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README as the tests that hold it to the program read it: its sections and fenced blocks. */
public final class Readme {

    private Readme() {}

    public static String text() {
        try {
            return Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the heading {@code heading} (a whole line, such as {@code ## Environments}) to the next second-level heading. */
    public static String section(String heading) {
        var readme = text();
        int at = readme.indexOf("\n" + heading + "\n");
        int start = readme.startsWith(heading + "\n") ? 0 : at < 0 ? -1 : at + 1;
        assertThat(start).as("the README's section '%s'", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /**
     * The first block that follows {@code marker} in {@code text} and opens with {@code fence} (such as {@code ```yaml\n}),
     * without its fences: up to the line that closes it, made of as many backticks as open it.
     */
    public static String blockAfter(String text, String marker, String fence) {
        int at = text.indexOf(marker);
        assertThat(at).as("'%s' in the README", marker).isNotNegative();
        int open = text.indexOf(fence, at);
        assertThat(open).as("a block opening with '%s' after '%s'", fence.strip(), marker).isNotNegative();
        int start = open + fence.length();
        var close = "\n" + fence.substring(0, fence.lastIndexOf('`') + 1) + "\n";
        int end = text.startsWith(close.substring(1), start) ? start : text.indexOf(close, start - 1) + 1;
        return text.substring(start, end);
    }

    /** The fenced blocks whose opening fence names {@code language} (none: {@code ""}), without their fences. */
    public static List<String> blocks(String text, String language) {
        var found = new ArrayList<String>();
        StringBuilder block = null;
        String info = null;
        for (var line : text.split("\n", -1)) {
            if (block == null && line.startsWith("```")) {
                block = new StringBuilder();
                info = line.substring(3).strip();
            } else if (block != null && line.equals("```")) {
                if (info.equals(language)) {
                    found.add(block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return found;
    }
}
