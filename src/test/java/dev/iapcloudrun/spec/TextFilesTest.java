package dev.iapcloudrun.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8TextWithinTheLimit() throws Exception {
        var file = Files.writeString(dir.resolve("a.yaml"), "name: café\n", StandardCharsets.UTF_8);

        assertThat(TextFiles.read(file, 64)).isEqualTo("name: café\n");
    }

    @Test
    void refusesAFileLargerThanTheLimitWithItsSize() throws Exception {
        var file = Files.write(dir.resolve("big.yaml"), new byte[65]);

        var refused = catchThrowableOfType(() -> TextFiles.read(file, 64), TextFiles.Refused.class);
        assertThat(refused.failure()).isEqualTo(new TextFiles.Failure.TooLarge(65));
    }

    @Test
    void readsNoMoreThanOneBytePastTheLimitOfAFileWithoutASize() {
        var endless = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(endless), "no /dev/zero here");

        var refused = catchThrowableOfType(() -> TextFiles.read(endless, 64), TextFiles.Refused.class);
        assertThat(refused.failure()).isEqualTo(new TextFiles.Failure.TooLarge(65));
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws Exception {
        var file = Files.write(dir.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        var refused = catchThrowableOfType(() -> TextFiles.read(file, 64), TextFiles.Refused.class);
        assertThat(refused.failure()).isInstanceOf(TextFiles.Failure.NotUtf8.class);
    }

    @Test
    void refusesAFileThatCannotBeReadSayingWhy() {
        var refused = catchThrowableOfType(() -> TextFiles.read(dir.resolve("missing.yaml"), 64), TextFiles.Refused.class);

        assertThat(refused.failure()).isInstanceOfSatisfying(TextFiles.Failure.Unreadable.class,
                u -> assertThat(u.describe()).startsWith("NoSuchFileException: ").contains("missing.yaml"));
    }
}
