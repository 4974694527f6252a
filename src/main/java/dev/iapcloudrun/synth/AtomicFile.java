package dev.iapcloudrun.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a whole file or nothing: readers see the old file or the complete new one, never a part. The files written
 * (plans with their secret markers, diffs, reports) hold no secret value and are published by CI, so they are created
 * with the permissions the user's umask gives, not the owner-only ones of a temporary file.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** A file that could not be written, and why, in words that never name the temporary file beside it. */
    public static final class WriteFailed extends IOException {
        private final String why;

        WriteFailed(Path file, String why, Throwable cause) {
            super("cannot write " + file + ": " + why, cause);
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    /** @throws WriteFailed when the file cannot be written; nothing is left behind */
    public static void write(Path file, String text) throws IOException {
        var dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new WriteFailed(file, "it is a folder", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteFailed(file, "cannot create the folder " + dir + ": " + reason(e), e);
        }
        var temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WriteFailed(file, "the folder " + dir + " does not take the file: " + reason(e), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The operating system's reason, without the path it names (which may be the temporary file). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
