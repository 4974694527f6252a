package dev.iapcloudrun.gcloud;

import dev.iapcloudrun.spec.Problem;
import dev.iapcloudrun.spec.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Cloud Run service as {@code gcloud run services describe SERVICE --region REGION --format=json} prints it: the Cloud
 * Run Admin API v1 object, shaped like a Knative Service ({@code apiVersion: serving.knative.dev/v1}, {@code kind:
 * Service}), whose {@code metadata.namespace} is the project NUMBER and whose label {@code cloud.googleapis.com/location}
 * is the region (Google's "Cloud Run YAML reference", v1).
 *
 * @param file          the file as the user named it
 * @param name          {@code metadata.name}
 * @param region        {@code metadata.labels['cloud.googleapis.com/location']}
 * @param projectNumber {@code metadata.namespace}
 * @param root          the whole document, for the fields a starter stack file declares
 */
public record ServiceDescription(String file, String name, String region, String projectNumber, YamlNode.Mapping root) {

    /** The command that prints a service's description. */
    public static final String COMMAND = "gcloud run services describe SERVICE --region REGION --format=json";
    static final String EXPECTED = "the JSON of " + COMMAND;
    static final String LOCATION_LABEL = "cloud.googleapis.com/location";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{6,20}");

    /**
     * Reads and checks a description.
     *
     * @throws GcloudInputException with every problem of the file
     */
    public static ServiceDescription read(Path path, String displayName) {
        return GcloudJson.checked(problems -> GcloudJson.read(path, displayName, EXPECTED, problems), (root, problems) -> of(displayName, root, problems));
    }

    /** Parses description text; see {@link #read}. */
    public static ServiceDescription parse(String displayName, String text) {
        return GcloudJson.checked(problems -> GcloudJson.parse(displayName, text, EXPECTED, problems), (root, problems) -> of(displayName, root, problems));
    }

    private static ServiceDescription of(String file, YamlNode.Mapping root, List<Problem> problems) {
        if (root.entries().containsKey("bindings") || root.entries().containsKey("etag") && !root.entries().containsKey("kind")) {
            problems.add(new Problem(root.location(), "", "found an IAM policy (bindings, etag), not a service description; expected " + EXPECTED));
            return null;
        }
        var apiVersion = GcloudJson.text(root, "apiVersion", problems, "apiVersion");
        var kind = GcloudJson.text(root, "kind", problems, "kind");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            // The Admin API v2 (gcloud's --format=export of v2, Terraform, the console's JSON) has no apiVersion or kind.
            problems.add(new Problem(root.location(), "", "found no apiVersion and kind; expected " + EXPECTED
                    + " (apiVersion serving.knative.dev/v1, kind Service)"));
            return null;
        }
        if (!apiVersion.get().equals("serving.knative.dev/v1") || !kind.get().equals("Service")) {
            problems.add(new Problem(GcloudJson.where(root, "kind"), "kind", "found " + kind.get() + " of " + apiVersion.get()
                    + "; expected a Service of serving.knative.dev/v1, as " + EXPECTED + " prints it"
                    + (kind.get().equals("Job") ? " (this is a Cloud Run job)" : "")));
            return null;
        }
        var name = GcloudJson.text(root, "metadata.name", problems, "metadata", "name");
        var namespace = GcloudJson.text(root, "metadata.namespace", problems, "metadata", "namespace");
        var region = GcloudJson.text(root, "metadata.labels['" + LOCATION_LABEL + "']", problems, "metadata", "labels", LOCATION_LABEL);
        if (name.isEmpty()) {
            problems.add(new Problem(GcloudJson.where(root, "metadata"), "metadata.name", "the service's name is missing; expected " + EXPECTED));
        }
        if (namespace.isEmpty() || !NUMBER.matcher(namespace.get()).matches()) {
            problems.add(new Problem(GcloudJson.where(root, "metadata", "namespace"), "metadata.namespace", "found "
                    + namespace.map(n -> "'" + n + "'").orElse("nothing") + "; expected the project number, as Cloud Run's v1 API prints it"));
        }
        if (region.isEmpty()) {
            problems.add(new Problem(GcloudJson.where(root, "metadata", "labels"), "metadata.labels", "the label "
                    + LOCATION_LABEL + " (the region) is missing; expected " + EXPECTED));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ServiceDescription(file, name.get(), region.get(), namespace.get(), root);
    }

    /**
     * Problems when this is not the description of {@code service} in {@code region} (and project {@code projectNumber},
     * when known): the file of another service, region or project.
     */
    public List<Problem> mismatches(String service, String expectedRegion, Optional<String> expectedNumber) {
        var problems = new ArrayList<Problem>();
        if (!name.equals(service)) {
            problems.add(new Problem(GcloudJson.where(root, "metadata", "name"), "metadata.name", "found the service '" + name
                    + "'; expected '" + service + "': is this the description of another service?"));
        }
        if (!region.equals(expectedRegion)) {
            problems.add(new Problem(GcloudJson.where(root, "metadata", "labels", LOCATION_LABEL), "metadata.labels['" + LOCATION_LABEL
                    + "']", "found the region " + region + "; expected " + expectedRegion + ": is this a service of the same name in another region?"));
        }
        expectedNumber.filter(n -> !n.equals(projectNumber)).ifPresent(n -> problems.add(new Problem(GcloudJson.where(root, "metadata", "namespace"),
                "metadata.namespace", "found the project number " + projectNumber + "; expected " + n + ": is this a service of another project?")));
        return problems;
    }
}
