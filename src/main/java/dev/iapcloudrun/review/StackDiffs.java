package dev.iapcloudrun.review;

import dev.iapcloudrun.synth.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The diffs of several stacks made by one command, as a pull-request check makes them: printed one after the other, or
 * written one file per stack, each file exactly what the command for that stack alone prints, its marker included.
 *
 * @param diffs one per stack, in the order they are shown
 */
public record StackDiffs(List<StackDiff> diffs) {

    /** @param rerun the command that shows this stack's whole diff, named in a truncated Markdown comment */
    public record StackDiff(PlanDiff diff, String rerun) {}

    public StackDiffs {
        diffs = List.copyOf(diffs);
    }

    public boolean anyChanges() {
        return diffs.stream().anyMatch(d -> !d.diff().isEmpty());
    }

    /**
     * Text and Markdown: each stack's diff one after the other, a blank line between. JSON: one array of the documents
     * the command prints for one stack, in the same order, so tools read each element as they read a single diff.
     */
    public String render(DiffFormat format) {
        if (format == DiffFormat.JSON) {
            return DiffFormat.json(diffs.stream().map(StackDiff::diff).toList());
        }
        return diffs.stream().map(d -> format.render(d.diff(), d.rerun())).collect(Collectors.joining("\n"));
    }

    /**
     * Writes {@code <outDir>/<stack>.<extension>} for each stack, each file whole or not at all, every one rendered before
     * the first is written. A failure names the option, the folder asked for and the reason.
     *
     * @return the files written, named as the user named the folder
     */
    public List<String> write(DiffFormat format, Path root, String outDir) throws IOException {
        var names = diffs.stream().map(d -> d.diff().stack() + "." + format.extension()).toList();
        var texts = diffs.stream().map(d -> format.render(d.diff(), d.rerun())).toList();
        // Checked before the first file is written, so that this mistake leaves no set of comments half updated.
        for (var name : names) {
            if (Files.isDirectory(root.resolve(outDir).resolve(name))) {
                throw new IOException("--out-dir " + outDir + ": " + name + " in it is a folder");
            }
        }
        var files = new ArrayList<String>();
        for (int i = 0; i < names.size(); i++) {
            try {
                AtomicFile.write(root.resolve(outDir).resolve(names.get(i)), texts.get(i));
            } catch (AtomicFile.WriteFailed e) {
                throw new IOException("--out-dir " + outDir + ": " + e.why(), e);
            }
            files.add(Path.of(outDir).resolve(names.get(i)).toString());
        }
        return files;
    }
}
