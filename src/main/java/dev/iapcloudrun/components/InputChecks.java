package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.Resource;
import dev.iapcloudrun.spec.InputException;
import dev.iapcloudrun.spec.StackRules;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A component's inputs checked against {@link dev.iapcloudrun.rules.InputRules}, in two passes over one description
 * of its inputs:
 * <ul>
 *   <li>{@link #now}: before the component registers, every value already known is checked; all refusals are
 *       thrown together, naming the component, its resource name and each input;</li>
 *   <li>{@link #later}: after it registers, a value known only at deploy time comes back wrapped, so that it is
 *       checked when it resolves and a refused one fails the resource that takes it.</li>
 * </ul>
 * A value known now passes through the second pass as it is: it was checked in the first.
 */
final class InputChecks {

    private final String component;
    private final String name;
    private final boolean now;
    private final List<String> problems = new ArrayList<>();
    private final List<Output<Boolean>> deferred = new ArrayList<>();
    /** What the first pass checked: the second takes it as it is and checks everything else as it resolves. */
    private final Checked checked;
    /** Inputs whose value was taken as a secret: a warning about one of them must not show its text. */
    private final Set<String> secretInputs = new HashSet<>();
    /** How often this pass has met each rule over two inputs, so that the two passes name the same call alike. */
    private final Map<String, Integer> pairCalls = new HashMap<>();

    /**
     * What the first pass checked: the values it checked, and the rules over two inputs it could apply. A pair is
     * remembered by its call (input, rule and turn) rather than by its two values, since a description may build
     * one of them afresh on each reading ({@code Output.of} of a plain value): by the values alone, the second pass
     * would wait again, at the cost of an apply, for a pair the first already checked.
     */
    private record Checked(Set<Output<?>> values, Set<String> pairs, List<String> warnings) {
        static Checked none() {
            return new Checked(Collections.newSetFromMap(new IdentityHashMap<>()), new HashSet<>(), new ArrayList<>());
        }
    }

    /**
     * What the first pass checked, handed to the second across the component's call of its superclass constructor,
     * which Java allows no local variable across. Both passes run on the constructor's thread, one right after the other.
     */
    private static final ThreadLocal<Checked> CHECKED_FIRST = new ThreadLocal<>();

    private InputChecks(String component, String name, boolean now, Checked checked) {
        this.component = component;
        this.name = name;
        this.now = now;
        this.checked = checked;
    }

    /** The first pass: checks what is known now and refuses it all at once. */
    static <T> String now(String component, String name, Function<InputChecks, T> inputs) {
        var checks = new InputChecks(component, name, true, Checked.none());
        inputs.apply(checks);
        if (!checks.problems.isEmpty()) {
            throw new InputException(checks.refusal(checks.problems));
        }
        CHECKED_FIRST.set(checks.checked);
        return name;
    }

    /**
     * The second pass: the inputs, each value known only later checked when it resolves. The warnings of the first pass
     * are reported on {@code self}, now registered.
     */
    static InputChecks later(String component, String name, Resource self) {
        var checked = CHECKED_FIRST.get();
        CHECKED_FIRST.remove();
        var checks = new InputChecks(component, name, false, checked == null ? Checked.none() : checked);
        ComponentWarnings.report(self, checks.checked.warnings());
        return checks;
    }

    /** An optional input: checked when present. */
    <T> Optional<Output<T>> optional(String input, @Nullable Output<T> value, Function<T, Optional<String>> rule) {
        return Optional.ofNullable(value).map(v -> check(input, v, rule));
    }

    /** A required input: refused when missing. */
    <T> Output<T> required(String input, @Nullable Output<T> value, String expected, Function<T, Optional<String>> rule) {
        if (value == null) {
            missing(input, expected);
            return Output.ofNullable(null);
        }
        return check(input, value, rule);
    }

    /** An input whose value must be known when the program runs, since it names resources; empty when it is not. */
    <T> Optional<T> known(String input, @Nullable Output<T> value, String why) {
        if (value == null) {
            return Optional.empty();
        }
        var data = data(value);
        // A value that comes from another resource is refused even when that resource happens to have answered
        // already: the resources a program declares must not depend on how fast the engine answers.
        if (data.isPresent() && data.get().isKnown() && data.get().getResources().isEmpty()) {
            if (data.get().isSecret()) {
                secretInputs.add(input);
            }
            return Optional.ofNullable(data.get().getValueNullable());
        }
        if (now) {
            problems.add(at(input) + "comes from another resource or is not known when the component is created; " + why
                    + ", so it must be a value the program holds: pass it as a plain value");
        }
        return Optional.empty();
    }

    /**
     * A rule over two inputs, checked once both are known. The second pass finds the first's check by the call's input,
     * rule and turn, so a description must make its calls of this in the same order in both passes: they may depend on
     * the arguments and on what {@link #known} gives (the same in both), never on {@link #checking} or on whether an
     * {@code Output} has resolved yet.
     */
    <A, B> void together(String input, @Nullable Output<A> a, @Nullable Output<B> b, BiFunction<A, B, Optional<String>> rule) {
        if (a == null || b == null) {
            return;
        }
        var call = input + "\u0000" + rule.getClass().getName();
        call += "\u0000" + pairCalls.merge(call, 1, Integer::sum);
        if (now) {
            var da = data(a);
            var db = data(b);
            if (da.isPresent() && db.isPresent() && da.get().isKnown() && db.get().isKnown()) {
                rule.apply(da.get().getValueNullable(), db.get().getValueNullable()).ifPresent(p -> problems.add(at(input) + p));
                checked.pairs().add(call);
            }
        } else if (!checked.pairs().contains(call)) {
            deferred.add(Output.tuple(a, b).applyValue(t -> {
                rule.apply(t.t1, t.t2).ifPresent(p -> {
                    throw new InputException(refusal(List.of(at(input) + p)));
                });
                return true;
            }));
        }
    }

    /**
     * A choice that is allowed but worth a second look, the same as a stack file's warning {@code rule}: given when the value
     * is known now, and reported once the component is registered. The warning about a secret value is given without its
     * text, which would show the secret.
     */
    <T> void warn(String input, @Nullable Output<T> value, StackRules.Rule rule, Function<T, Optional<String>> warning) {
        if (!warns() || value == null) {
            return;
        }
        var data = data(value);
        if (data.isPresent() && data.get().isKnown() && data.get().getValueNullable() != null) {
            warning.apply(data.get().getValueNullable()).ifPresent(w -> warn(input, rule, w, data.get().isSecret()));
        }
    }

    /** A warning about a value the component holds (through {@link #known}): without its text when that value is a secret. */
    void warn(String input, StackRules.Rule rule, Supplier<String> warning) {
        if (warns()) {
            warn(input, rule, warning.get(), secretInputs.stream().anyMatch(s -> input.equals(s) || input.startsWith(s + "[")
                    || input.startsWith(s + ".")));
        }
    }

    private void warn(String input, StackRules.Rule rule, String warning, boolean secret) {
        checked.warnings().add(component + " '" + name + "' " + at(input) + (secret ? SECRET_WARNING : warning) + " [" + rule.id + "]");
    }

    /** Warnings are written in the first pass, unless the caller reports the same ones itself. */
    private boolean warns() {
        return now && !ComponentWarnings.reportedByCaller();
    }

    /** What a warning about a secret value says instead of its text. */
    static final String SECRET_WARNING = "its value is a secret, which this warning would show; check what the program sets it to";

    /** A value known now and no secret, which a message may show; empty otherwise. */
    static <T> Optional<T> shownNow(@Nullable Output<T> value) {
        var data = value == null ? Optional.<OutputData<T>>empty() : data(value);
        return data.filter(d -> d.isKnown() && !d.isSecret()).map(OutputData::getValueNullable);
    }

    /** A problem found by the component itself. */
    void refuse(String input, String problem) {
        if (now) {
            problems.add(at(input) + problem);
        }
    }

    void missing(String input, String expected) {
        refuse(input, "missing; expected " + expected);
    }

    /** Whether this is the first pass, which checks; the second only builds from what the first accepted. */
    boolean checking() {
        return now;
    }

    /**
     * {@code f} of a value: computed at once when the value is known now and no secret, else when it resolves. A
     * large stack has thousands of inputs, nearly all known; an apply for each would cost the SDK a task apiece.
     */
    static <T, R> Output<R> map(Output<T> value, Function<T, R> f) {
        var data = data(value);
        if (data.isPresent() && data.get().isKnown() && !data.get().isSecret() && data.get().getResources().isEmpty()) {
            return Output.of(f.apply(data.get().getValueNullable()));
        }
        return value.applyValue(f);
    }

    /** {@code value}, once every rule over two inputs that waited for deployment has passed. */
    <T> Output<T> gate(Output<T> value) {
        return deferred.isEmpty() ? value : Output.all(deferred).apply(passed -> value);
    }

    private <T> Output<T> check(String input, Output<T> value, Function<T, Optional<String>> rule) {
        var data = data(value);
        if (now) {
            if (data.isPresent() && data.get().isKnown() && data.get().getValueNullable() != null) {
                rule.apply(data.get().getValueNullable()).ifPresent(p -> problems.add(at(input) + p));
                checked.values().add(value);
            }
            return value;
        }
        // Checked in the first pass; any other value is checked as it resolves, even one that has resolved since.
        if (checked.values().contains(value)) {
            return value;
        }
        return value.applyValue(v -> {
            rule.apply(v).ifPresent(p -> {
                throw new InputException(refusal(List.of(at(input) + p)));
            });
            return v;
        });
    }

    private String at(String input) {
        return "input '" + input + "': ";
    }

    private String refusal(List<String> found) {
        var prefix = component + " '" + name + "' ";
        return found.size() == 1 ? prefix + found.get(0)
                : prefix + "has " + found.size() + " refused inputs:\n  " + String.join("\n  ", found);
    }

    /** What an Output holds when it is already resolved; empty while it waits for a resource or an apply. */
    private static <T> Optional<OutputData<T>> data(Output<T> value) {
        var future = Internal.of(value).getDataAsync();
        return future.isDone() && !future.isCompletedExceptionally() ? Optional.of(future.join()) : Optional.empty();
    }
}
