package dev.iapcloudrun.synth;

import dev.iapcloudrun.spec.DidYouMean;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.Location;
import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.YamlNode;
import dev.iapcloudrun.spec.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The order in which a change is promoted through the environments ({@code dev}, {@code staging}, {@code prod}),
 * declared once in {@value #FILE}, so that reports covering several stacks read in that order rather than the
 * alphabet's. The file sits beside {@code Pulumi.yaml}, not in it (the Pulumi CLI validates {@code Pulumi.yaml} and
 * refuses keys it does not know) and not under {@code stacks/}, where every {@code *.yaml} is a stack file to the
 * workflows and scripts that list stacks. Stacks it does not name come after the named ones, alphabetically.
 *
 * @param stacks   the declared names, each once, in promotion order, with where each was written
 * @param problems what is wrong with the file itself, located; empty when it is absent
 */
public record PromotionOrder(Map<String, Declared> stacks, List<Problem> problems) {

    /** Where a name was written: its index in {@code order} and its place in the file. */
    public record Declared(int index, Location location) {}

    public static final String FILE = "promotion-order.yaml";

    private static final String EXPECTED = "a mapping with 'order', the stacks in promotion order, such as order: [dev, staging, prod]";

    public PromotionOrder {
        stacks = new LinkedHashMap<>(stacks);
        problems = List.copyOf(problems);
    }

    /** The project's declared order; no order (alphabetical) when the file does not exist. */
    public static PromotionOrder read(Path root) throws IOException {
        var file = root.resolve(FILE);
        return Files.exists(file) ? parse(Files.readString(file)) : new PromotionOrder(Map.of(), List.of());
    }

    static PromotionOrder parse(String text) {
        var problems = new ArrayList<Problem>();
        var stacks = new LinkedHashMap<String, Declared>();
        var document = YamlReader.read(FILE, text, EXPECTED, problems);
        if (document == null) {
            return new PromotionOrder(stacks, problems);
        }
        if (!(document instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(document.location(), "", "found " + document.describe() + "; expected " + EXPECTED));
            return new PromotionOrder(stacks, problems);
        }
        mapping.entries().keySet().stream().filter(key -> !key.equals("order")).forEach(key ->
                problems.add(new Problem(mapping.keyLocations().get(key), key, "unknown field '" + key + "'; "
                        + DidYouMean.hint(key, List.of("order"))
                        + "expected only order")));
        var order = mapping.entries().get("order");
        if (order == null) {
            problems.add(new Problem(mapping.location(), "order", "the field 'order' is missing; expected the stacks in "
                    + "promotion order, such as order: [dev, staging, prod]"));
        } else if (!(order instanceof YamlNode.Sequence list)) {
            problems.add(new Problem(order.location(), "order", "found " + order.describe() + "; expected a list of stack names"));
        } else {
            for (int i = 0; i < list.items().size(); i++) {
                var item = list.items().get(i);
                var path = "order[" + i + "]";
                if (!(item instanceof YamlNode.Scalar scalar) || scalar.kind() == YamlNode.Scalar.Kind.NULL || scalar.text().isEmpty()) {
                    problems.add(new Problem(item.location(), path, "found " + item.describe() + "; expected a stack name"));
                } else if (stacks.containsKey(scalar.text())) {
                    problems.add(new Problem(item.location(), path, "'" + scalar.text() + "' is listed twice (first at line "
                            + stacks.get(scalar.text()).location().line() + "); expected each stack once"));
                } else {
                    stacks.put(scalar.text(), new Declared(i, item.location()));
                }
            }
        }
        return new PromotionOrder(stacks, problems);
    }

    /** This order, or an {@link InputException} with every problem of the file. */
    public PromotionOrder orThrow() {
        if (problems.isEmpty()) {
            return this;
        }
        var header = problems.size() == 1 ? "1 problem in " + FILE + ":" : problems.size() + " problems in " + FILE + ":";
        throw new InputException(problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", "")));
    }

    /** {@code names} in promotion order: the declared ones first, as declared, then the others alphabetically. */
    public List<String> sort(Collection<String> names) {
        return names.stream().distinct().sorted(Comparator.comparingInt((String name) -> Optional.ofNullable(stacks.get(name))
                .map(Declared::index).orElse(Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The file's problems and a problem for each declared name that is not one of {@code existing}. */
    public List<Problem> check(Collection<String> existing) {
        var all = new ArrayList<>(problems);
        for (var entry : stacks.entrySet()) {
            var name = entry.getKey();
            if (!existing.contains(name)) {
                all.add(new Problem(entry.getValue().location(), "order[" + entry.getValue().index() + "]", "'" + name
                        + "' is not a stack of this project; "
                        + DidYouMean.hint(name, existing)
                        + "expected one of " + existing.stream().sorted().collect(Collectors.joining(", "))
                        + " (a stack is Pulumi.STACK.yaml with stacks/STACK.yaml), or remove it"));
            }
        }
        return all;
    }
}
