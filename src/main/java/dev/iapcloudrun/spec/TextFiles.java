package dev.iapcloudrun.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way a file a user names is read as text: whole, within a size limit, and strictly as UTF-8, so that a
 * wrong file (an image, a dump, another encoding) is refused for what it is instead of parsed into nonsense. Each
 * reader words the refusal for its own kind of file.
 */
public final class TextFiles {

    private TextFiles() {}

    /** Why a file could not be read as text. */
    public sealed interface Failure {
        /** The file could not be read at all. */
        record Unreadable(IOException cause) implements Failure {
            /** The exception as a message shows it: its kind and what it said. */
            public String describe() {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }

        /** The file is larger than the reader's limit. */
        record TooLarge(long bytes) implements Failure {}

        /** The file is not UTF-8 text. */
        record NotUtf8() implements Failure {}
    }

    /** A file that could not be read as text. */
    public static final class Refused extends Exception {
        private final transient Failure failure;

        Refused(Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /**
     * The text of {@code file}, of at most {@code maxBytes} bytes. A larger file is refused by its size, before it is read,
     * and no more than one byte past the limit is ever read, whatever the file claims to be (a device, a pipe).
     */
    public static String read(Path file, int maxBytes) throws Refused {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new Refused(new Failure.TooLarge(size));
            }
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes(maxBytes + 1);
            }
        } catch (IOException e) {
            throw new Refused(new Failure.Unreadable(e));
        }
        if (bytes.length > maxBytes) {
            throw new Refused(new Failure.TooLarge(bytes.length));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(new Failure.NotUtf8());
        }
    }
}
