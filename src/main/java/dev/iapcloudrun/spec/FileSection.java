package dev.iapcloudrun.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problems (or warnings) of one file under a heading that names what the file is, such as
 * "2 problems in the stack file:". A stack's problems can stand in its stack file and in its config
 * ({@code Pulumi.<stack>.yaml}); each goes under its own file's heading, the stack file first.
 */
public record FileSection(String file, String heading, List<Problem> problems) {

    public FileSection {
        problems = List.copyOf(problems);
    }

    /** The problems grouped by file, each group in file order; {@code noun} is "problem" or "warning". */
    public static List<FileSection> of(List<Problem> problems, String noun) {
        problems = problems.stream().sorted(StackFileReader.FILE_ORDER).toList();
        var byFile = new LinkedHashMap<String, List<Problem>>();
        problems.stream().filter(p -> !isConfig(p.location().file())).forEach(p -> byFile.computeIfAbsent(p.location().file(), f -> new ArrayList<>()).add(p));
        problems.stream().filter(p -> isConfig(p.location().file())).forEach(p -> byFile.computeIfAbsent(p.location().file(), f -> new ArrayList<>()).add(p));
        var sections = new ArrayList<FileSection>();
        byFile.forEach((file, inFile) -> sections.add(new FileSection(file, (inFile.size() == 1 ? "1 " + noun : inFile.size() + " " + noun + "s")
                + " in " + (isConfig(file) ? "the stack's config" : "the stack file") + ":", inFile)));
        return sections;
    }

    /** Every section's text, one after the other. */
    public static String text(List<Problem> problems, String noun) {
        return of(problems, noun).stream().map(FileSection::text).collect(Collectors.joining("\n"));
    }

    /** The heading, then one indented line per problem. */
    public String text() {
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", heading + "\n", ""));
    }

    /** A stack's config file, {@code Pulumi.<stack>.yaml}, as locations name it. */
    private static boolean isConfig(String file) {
        var name = file.substring(file.lastIndexOf('/') + 1);
        return name.startsWith("Pulumi.") && name.endsWith(".yaml");
    }
}
