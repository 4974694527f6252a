package dev.iapcloudrun.components;

import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link IapProjectSetup}.
 *
 * @param project       the project id
 * @param projectNumber the project number when known, checked against the project's real number wherever that
 *                      can be looked up (it cannot offline); otherwise it is looked up at deploy time
 */
public record IapProjectSetupArgs(String project, Optional<String> projectNumber) {

    public IapProjectSetupArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(projectNumber, "projectNumber");
    }
}
