package dev.iapcloudrun.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IAM principal as IAM writes it ({@code user:ada@example.com}). The one parser of principals:
 * public principals are refused here, because an IAP service must only ever name who may reach it.
 */
public record Principal(String value) implements Comparable<Principal> {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final String EXPECTED = "expected user:EMAIL, group:EMAIL, serviceAccount:EMAIL, domain:DOMAIN, "
            + "principal://... or principalSet://...";

    /** Why {@code text} is not an acceptable principal, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text.equals("allUsers") || text.equals("allAuthenticatedUsers")) {
            return Optional.of("found the public principal '" + text + "'; an IAP-protected service only admits named "
                    + "principals (a public grant would open the service the moment IAP is switched off)");
        }
        int colon = text.indexOf(':');
        if (text.startsWith("principal://") || text.startsWith("principalSet://")) {
            return text.substring(text.indexOf("//") + 2).isBlank()
                    ? Optional.of("found '" + text + "' with nothing after '//'; " + EXPECTED)
                    : Optional.empty();
        }
        if (colon < 0) {
            return Optional.of("found '" + text + "' without a prefix; " + EXPECTED);
        }
        var prefix = text.substring(0, colon);
        var rest = text.substring(colon + 1);
        return switch (prefix) {
            case "user", "group", "serviceAccount" -> EMAIL.matcher(rest).matches()
                    ? Optional.empty()
                    : Optional.of("found '" + text + "'; expected a well-formed email address after '" + prefix + ":'");
            case "domain" -> DOMAIN.matcher(rest).matches()
                    ? Optional.empty()
                    : Optional.of("found '" + text + "'; expected a lower-case domain name after 'domain:', such as domain:example.com");
            default -> Optional.of("found the unknown prefix '" + prefix + ":' in '" + text + "'; " + EXPECTED);
        };
    }

    /** Parses a principal already known to be acceptable. */
    public static Principal of(String text) {
        problem(text).ifPresent(p -> { throw new IllegalArgumentException(p); });
        return new Principal(text);
    }

    @Override
    public int compareTo(Principal other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
