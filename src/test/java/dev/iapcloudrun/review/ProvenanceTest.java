package dev.iapcloudrun.review;

import dev.iapcloudrun.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a report says it was made from is what git says of the working tree. */
class ProvenanceTest {

    @TempDir
    Path dir;

    private String git(String... args) throws Exception {
        return Processes.git(dir, Processes.committer(args)).strip();
    }

    @Test
    void saysSoWhenTheFolderIsNotInAGitRepository() throws Exception {
        assertThat(GitRevision.provenance(dir)).isEqualTo(Provenance.NOT_A_REPOSITORY);
    }

    @Test
    void namesARepositoryWithNoCommitYet() throws Exception {
        git("init", "-q");

        assertThat(GitRevision.provenance(dir).describe()).isEqualTo("Made from a git repository with no commit yet.");
    }

    @Test
    void namesHeadsCommitAndItsCommitDateAndUncommittedChanges() throws Exception {
        git("init", "-q");
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: p\n");
        git("add", ".");
        git("commit", "-q", "-m", "first", "--date", "2026-01-02T03:04:05+00:00");
        var head = git("rev-parse", "HEAD");
        var date = git("show", "-s", "--format=%cI", "HEAD");

        assertThat(GitRevision.provenance(dir)).isEqualTo(new Provenance(true, Optional.of(new Provenance.Commit(head, date)), false));

        Files.writeString(dir.resolve("promotion-order.yaml"), "order: [dev]\n");
        assertThat(GitRevision.provenance(dir).describe()).isEqualTo("Made from commit " + head + " (committed " + date
                + "), with uncommitted changes.");
    }
}
