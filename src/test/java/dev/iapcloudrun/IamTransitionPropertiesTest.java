package dev.iapcloudrun;

import dev.iapcloudrun.review.Finding;
import dev.iapcloudrun.review.IamTransition;
import dev.iapcloudrun.review.PlanDiff;
import dev.iapcloudrun.spec.StackFileReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random transitions between valid stack files: mode switches, case-only changes, members added and removed,
 * conditions changed, services renamed and removed, secrets changed. Either the IAM model finds the change safe (the
 * final policy is what the new stack declares, and no one declared by both loses access on the way), or {@code diff}
 * flags it and {@code validate --base} refuses it.
 */
class IamTransitionPropertiesTest {

    private static final String FILE = "stacks/test.yaml";

    /** One service as the generator varies it. */
    record Service(String name, String mode, List<String> members, boolean conditional, List<String> secrets, List<String> invokers) {

        String yaml() {
            var out = new StringBuilder("  - name: ").append(name).append("\n    image: us-docker.pkg.dev/cloudrun/container/hello\n");
            if (!secrets.isEmpty()) {
                out.append("    secrets:\n");
                for (int i = 0; i < secrets.size(); i++) {
                    out.append("      VAR_").append(i).append(":\n        secret: ").append(secrets.get(i)).append('\n');
                }
            }
            if (!invokers.isEmpty()) {
                out.append("    invokers: [").append(String.join(", ", invokers)).append("]\n");
            }
            out.append("    accessors:\n      mode: ").append(mode).append("\n      members: [").append(String.join(", ", members)).append("]\n");
            if (conditional) {
                out.append("      condition:\n        title: until-2030\n        expression: request.time < timestamp(\"2030-01-01T00:00:00Z\")\n");
            }
            return out.toString();
        }
    }

    private static String stack(List<Service> services) {
        return "project: acme-demo\nprojectNumber: \"123456789012\"\nregion: europe-west1\nservices:\n"
                + services.stream().map(Service::yaml).collect(Collectors.joining());
    }

    @Property(tries = 60)
    void aTransitionIsSafeOrFlaggedByDiffAndRefusedByValidate(@ForAll("transitions") List<String> pair) {
        var a = TestPlans.runStack(pair.get(0));
        var b = TestPlans.runStack(pair.get(1));

        var problems = IamTransition.check(a, b, Set.of());
        var flagged = PlanDiff.between(a, b).findings().stream().map(Finding::kind).toList();
        var spec = StackFileReader.parse(FILE, pair.get(1), StackFileReader.Defaults.NONE);
        var refusals = Workspace.transitionProblems(StackFileReader.parse(FILE, pair.get(1)), spec, a, b);
        Statistics.collect(problems.isEmpty() ? "safe" : "unsafe");
        Statistics.coverage(coverage -> {
            coverage.check("safe").count(n -> n > 0);
            coverage.check("unsafe").count(n -> n > 0);
        });
        if (problems.isEmpty()) {
            assertThat(flagged).doesNotContain(Finding.Kind.UNSAFE_ACCESS_TRANSITION);
            assertThat(refusals).isEmpty();
            return;
        }
        assertThat(flagged).contains(Finding.Kind.UNSAFE_ACCESS_TRANSITION);
        assertThat(refusals).isNotEmpty().allSatisfy(p -> assertThat(p.message()).startsWith("refused: "));
        var verdict = IamTransition.verdict(a, b);
        if (!verdict.stateDeletes().isEmpty()) {
            // The safe path the finding prints must itself pass the model.
            assertThat(IamTransition.check(a, b, Set.copyOf(verdict.stateDeletes()))).isEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> transitions() {
        var before = services();
        return before.flatMap(a -> Arbitraries.integers().between(0, 7).list().ofMinSize(1).ofMaxSize(3)
                .map(edits -> List.of(stack(a), stack(edit(a, edits)))));
    }

    private static final List<String> PEOPLE = List.of("user:ada@example.com", "group:ops@example.com", "user:bob@example.com",
            "serviceAccount:ci@acme-demo.iam.gserviceaccount.com");

    private Arbitrary<List<Service>> services() {
        var service = Combinators.combine(Arbitraries.of("hello", "orders"), Arbitraries.of("authoritative", "additive"),
                Arbitraries.subsetOf(PEOPLE).ofMinSize(1), Arbitraries.of(false, true),
                Arbitraries.subsetOf("db-password", "api-key", "projects/other-proj/secrets/token"),
                Arbitraries.subsetOf("serviceAccount:billing@acme-demo.iam.gserviceaccount.com"))
                .as((name, mode, members, conditional, secrets, invokers) -> new Service(name, mode, List.copyOf(new java.util.TreeSet<>(members)),
                        conditional, List.copyOf(new java.util.TreeSet<>(secrets)), List.copyOf(invokers)));
        return service.list().ofMinSize(1).ofMaxSize(2).uniqueElements(Service::name);
    }

    /** Applies edits by number: each is a kind of change a stack file sees in review. */
    private static List<Service> edit(List<Service> services, List<Integer> edits) {
        var out = new java.util.ArrayList<>(services);
        for (int e : edits) {
            var s = out.get(0);
            var members = new java.util.ArrayList<>(s.members());
            out.set(0, switch (e) {
                case 0 -> new Service(s.name(), s.mode().equals("additive") ? "authoritative" : "additive", s.members(),
                        s.conditional(), s.secrets(), s.invokers());
                case 1 -> {
                    members.set(0, capitalized(members.get(0)));
                    yield new Service(s.name(), s.mode(), members, s.conditional(), s.secrets(), s.invokers());
                }
                case 2 -> {
                    // Only a principal not yet there in any case: a stack file refuses one listed twice as IAM compares them.
                    PEOPLE.stream().filter(p -> members.stream().noneMatch(m -> m.equalsIgnoreCase(p))).findFirst().ifPresent(members::add);
                    yield new Service(s.name(), s.mode(), members, s.conditional(), s.secrets(), s.invokers());
                }
                case 3 -> new Service(s.name(), s.mode(), members.size() > 1 ? members.subList(1, members.size()) : members,
                        s.conditional(), s.secrets(), s.invokers());
                case 4 -> new Service(s.name(), s.mode(), s.members(), !s.conditional(), s.secrets(), s.invokers());
                case 5 -> new Service(s.name().equals("hello") ? "hello-two" : "orders-two", s.mode(), s.members(), s.conditional(),
                        s.secrets(), s.invokers());
                case 6 -> new Service(s.name(), s.mode(), s.members(), s.conditional(),
                        s.secrets().isEmpty() ? List.of("db-password") : s.secrets().subList(1, s.secrets().size()), s.invokers());
                default -> out.size() > 1 ? null : new Service(s.name(), s.mode(), s.members(), s.conditional(), s.secrets(),
                        s.invokers().isEmpty() ? List.of("serviceAccount:billing@acme-demo.iam.gserviceaccount.com") : List.of());
            });
            out.removeIf(java.util.Objects::isNull);
        }
        return out;
    }

    /** The same principal with the first letter of its email in upper case: one grant to IAM. */
    private static String capitalized(String principal) {
        int at = principal.indexOf(':') + 1;
        return principal.substring(0, at) + Character.toUpperCase(principal.charAt(at)) + principal.substring(at + 1);
    }
}
