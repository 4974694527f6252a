package dev.iapcloudrun.review;

import java.util.Optional;

/**
 * What a report was made from: the commit of the working tree's HEAD and the date it was committed, and whether the
 * tree held changes not committed yet, so that a reader of a published report can tell which state it shows.
 *
 * @param repository the folder is in a git repository
 * @param commit     HEAD's commit, when the repository has one
 * @param dirty      the working tree differs from HEAD (changed, staged or untracked files)
 */
public record Provenance(boolean repository, Optional<Commit> commit, boolean dirty) {

    /** A commit id and its commit date (ISO 8601, as git prints it with {@code %cI}). */
    public record Commit(String id, String date) {}

    public static final Provenance NOT_A_REPOSITORY = new Provenance(false, Optional.empty(), false);

    public static Provenance of(String id, String date, boolean dirty) {
        return new Provenance(true, Optional.of(new Commit(id, date)), dirty);
    }

    /** One sentence for the report. */
    public String describe() {
        if (!repository) {
            return "Made from a folder that is not in a git repository: no commit to name.";
        }
        if (commit.isEmpty()) {
            return "Made from a git repository with no commit yet.";
        }
        return "Made from commit " + commit.get().id() + " (committed " + commit.get().date() + ")"
                + (dirty ? ", with uncommitted changes." : ".");
    }
}
