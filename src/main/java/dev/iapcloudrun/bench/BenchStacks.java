package dev.iapcloudrun.bench;

/** Stack files of any size, shaped like real ones, for the benchmark. */
public final class BenchStacks {

    private static final String DIGEST = "@sha256:" + "7d3a5be1".repeat(8);

    private BenchStacks() {}

    /**
     * A stack of {@code services} services, each with three authoritative accessors; every third service's
     * accessors carry an IAM condition. {@code variant} changes the image of every twentieth service (5%),
     * so two variants give two plans that differ in 5% of their services.
     */
    public static String stack(int services, int variant) {
        var yaml = new StringBuilder("""
                project: acme-bench
                projectNumber: "123456789012"
                region: europe-west1
                labels:
                  env: bench
                services:
                """);
        for (int i = 0; i < services; i++) {
            var tag = i % 20 == 0 && variant > 0 ? "-v" + variant : "";
            yaml.append("  - name: svc-").append(i).append('\n')
                    .append("    image: europe-west1-docker.pkg.dev/acme-bench/apps/svc").append(tag).append(DIGEST).append('\n')
                    .append("    env:\n      LOG_LEVEL: info\n")
                    .append("    accessors:\n      mode: authoritative\n      members:\n")
                    .append("        - group:team-").append(i).append("@acme.example\n")
                    .append("        - user:owner-").append(i).append("@acme.example\n")
                    .append("        - serviceAccount:caller-").append(i % 50).append("@acme-bench.iam.gserviceaccount.com\n");
            if (i % 3 == 0) {
                yaml.append("      condition:\n        title: until-2028\n")
                        .append("        expression: request.time < timestamp(\"2028-01-01T00:00:00Z\")\n");
            }
        }
        return yaml.toString();
    }
}
