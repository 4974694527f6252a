package dev.iapcloudrun.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The one "did you mean": the known word closest to what was typed, when it is close enough to be a typo (an edit
 * distance of at most two, or a third of the word's length, case ignored). Stack files and the command line use it.
 */
public final class DidYouMean {

    private DidYouMean() {}

    public static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> editDistance(k, typed)).thenComparing(Comparator.naturalOrder()))
                .filter(k -> editDistance(k, typed) <= Math.max(2, typed.length() / 3));
    }

    /** "did you mean 'WORD'? " for the closest known word, to go before what is expected; empty text when none is close. */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> "did you mean '" + k + "'? ").orElse("");
    }

    static int editDistance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
