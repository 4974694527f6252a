package dev.iapcloudrun.gcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The gcloud outputs the tests read: the seed recipe's under examples/adopt/gcloud, a richer service's in the test resources. */
final class GcloudFiles {

    static final Path SEED = Path.of("examples/adopt/gcloud");
    static final Path RICH = Path.of("src/test/resources/gcloud");

    private GcloudFiles() {}

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceDescription seedDescription() {
        return ServiceDescription.read(SEED.resolve("team-wiki.describe.json"), "team-wiki.describe.json");
    }

    static IamPolicyFile seedPolicy(IamPolicyFile.Which which) {
        var name = which == IamPolicyFile.Which.RUN ? "team-wiki.run-policy.json" : "team-wiki.iap-policy.json";
        return IamPolicyFile.read(SEED.resolve(name), name, which, java.util.Optional.of("318274650921"));
    }

    static ServiceDescription richDescription() {
        return ServiceDescription.read(RICH.resolve("orders-api.describe.json"), "orders-api.describe.json");
    }

    static IamPolicyFile richPolicy(IamPolicyFile.Which which) {
        var name = which == IamPolicyFile.Which.RUN ? "orders-api.run-policy.json" : "orders-api.iap-policy.json";
        return IamPolicyFile.read(RICH.resolve(name), name, which, java.util.Optional.of("905718264301"));
    }
}
