package dev.iapcloudrun.spec;

import java.util.List;
import java.util.Optional;

/**
 * Who may reach one service through IAP ({@code roles/iap.httpsResourceAccessor}).
 *
 * @param members principals, sorted, so that reordering the file never changes the plan
 */
public record AccessorsSpec(Mode mode, List<Principal> members, Optional<ConditionSpec> condition) {

    public AccessorsSpec {
        members = List.copyOf(members);
    }

    public enum Mode {
        /** Exactly these members hold the role; grants made elsewhere are removed. */
        AUTHORITATIVE("authoritative"),
        /** These members hold the role; grants made elsewhere are left alone. */
        ADDITIVE("additive");

        public final String yaml;

        Mode(String yaml) {
            this.yaml = yaml;
        }
    }

    /** An IAM condition: both title and expression are required by IAM. */
    public record ConditionSpec(String title, String expression, Optional<String> description) {}
}
