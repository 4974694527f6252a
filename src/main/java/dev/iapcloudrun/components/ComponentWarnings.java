package dev.iapcloudrun.components;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.logging.Logger;

/**
 * Where a component's warnings go: the engine's log, on the component itself, so that {@code pulumi preview} and
 * {@code pulumi up} show them beside it, whatever language the program is written in. An allowed choice that weakens a
 * default (an admin role, a default service account, deletion protection off, a breakglass deployment) is then always
 * visible, as it is in a stack file.
 */
public final class ComponentWarnings {

    /** Set while a caller that reports the same warnings itself declares its components. */
    private static final ThreadLocal<Boolean> REPORTED_BY_CALLER = ThreadLocal.withInitial(() -> false);

    private ComponentWarnings() {}

    /**
     * Runs {@code declare}, whose components' warnings the caller reports itself, in the same words and located in its own
     * source: the stack-file program reports each at its line of the stack file, so its components do not repeat them.
     * Meant only for such a caller: anywhere else it hides the warnings.
     */
    public static void reportedByCaller(Runnable declare) {
        var before = REPORTED_BY_CALLER.get();
        REPORTED_BY_CALLER.set(true);
        try {
            declare.run();
        } finally {
            REPORTED_BY_CALLER.set(before);
        }
    }

    /** Whether the caller reports the warnings of the components declared now: they then need not even be written. */
    static boolean reportedByCaller() {
        return REPORTED_BY_CALLER.get();
    }

    static void report(Resource component, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        // Under pulumi up, a component package's Construct and the in-process engine the deployment is the SDK's
        // DeploymentImpl, whose log is the engine's: a warning on a resource is shown with that resource. A program's own
        // unit tests may run on the SDK's MockDeployment, which has no engine log; there the warnings go to the JDK's log.
        if (DeploymentInternal.getInstance() instanceof DeploymentImpl deployment) {
            warnings.forEach(warning -> deployment.getLog().warn(warning, component));
        } else {
            var log = Logger.getLogger(ComponentWarnings.class.getName());
            warnings.forEach(log::warning);
        }
    }
}
