package dev.iapcloudrun.components;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import dev.iapcloudrun.spec.InputException;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    private InputChecks(String component, String name, boolean now) {
        this.component = component;
        this.name = name;
        this.now = now;
    }

    /** The first pass: checks what is known now and refuses it all at once. */
    static <T> String now(String component, String name, Function<InputChecks, T> inputs) {
        var checks = new InputChecks(component, name, true);
        inputs.apply(checks);
        if (!checks.problems.isEmpty()) {
            throw new InputException(checks.refusal(checks.problems));
        }
        return name;
    }

    /** The second pass: the inputs, each value known only later checked when it resolves. */
    static InputChecks later(String component, String name) {
        return new InputChecks(component, name, false);
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
        if (data.isPresent() && data.get().isKnown()) {
            return Optional.ofNullable(data.get().getValueNullable());
        }
        if (now) {
            problems.add(at(input) + "is not known yet when the component is created (it waits for another resource or an "
                    + "apply); " + why + ", so it must be a value the program holds: pass it as a plain value");
        }
        return Optional.empty();
    }

    /** A rule over two inputs, checked once both are known. */
    <A, B> void together(String input, @Nullable Output<A> a, @Nullable Output<B> b, BiFunction<A, B, Optional<String>> rule) {
        if (a == null || b == null) {
            return;
        }
        var da = data(a);
        var db = data(b);
        boolean known = da.isPresent() && db.isPresent();
        if (now && known && da.get().isKnown() && db.get().isKnown()) {
            rule.apply(da.get().getValueNullable(), db.get().getValueNullable()).ifPresent(p -> problems.add(at(input) + p));
        } else if (!now && !known) {
            deferred.add(Output.tuple(a, b).applyValue(t -> {
                rule.apply(t.t1, t.t2).ifPresent(p -> {
                    throw new InputException(refusal(List.of(at(input) + p)));
                });
                return true;
            }));
        }
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
        if (data.isPresent()) {
            if (now && data.get().isKnown() && data.get().getValueNullable() != null) {
                rule.apply(data.get().getValueNullable()).ifPresent(p -> problems.add(at(input) + p));
            }
            return value;
        }
        return now ? value : value.applyValue(v -> {
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
