package dev.iapcloudrun;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessesTest {

    @Test
    void aProcessThatHangsFailsAtItsDeadlineWithItsStderr() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Processes.run(Path.of(""), Duration.ofSeconds(1),
                List.of("bash", "-c", "echo waiting for the engine >&2; exec sleep 60")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within 1 s and was stopped")
                .hasMessageContaining("waiting for the engine");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aFinishedProcessGivesItsExitCodeAndBothStreams() throws Exception {
        var finished = Processes.run(Path.of(""), Duration.ofSeconds(30), List.of("bash", "-c", "echo out; echo err >&2; exit 4"));
        assertThat(finished.exitCode()).isEqualTo(4);
        assertThat(finished.stdout()).isEqualTo("out\n");
        assertThat(finished.stderr()).isEqualTo("err\n");
        assertThat(finished.describe()).contains("exit code 4", "err", "out");
    }

    @Test
    void aStartedProcessGivesItsFirstLineAndIsStoppedOnClose() throws Exception {
        var running = Processes.start(new ProcessBuilder("bash", "-c", "echo 4321; echo serving >&2; exec sleep 60"), Duration.ofSeconds(30));
        try (running) {
            assertThat(running.firstLine()).isEqualTo("4321");
            assertThat(running.isAlive()).isTrue();
        }
        assertThat(running.isAlive()).isFalse();
    }

    @Test
    void aStartedProcessThatExitsBeforeItsFirstLineFailsWithItsStderr() throws Exception {
        try (var running = Processes.start(new ProcessBuilder("bash", "-c", "echo no engine at that address >&2; exit 3"),
                Duration.ofSeconds(30))) {
            assertThatThrownBy(running::firstLine).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("exited with 3 before printing a line")
                    .hasMessageContaining("no engine at that address");
        }
    }

    @Test
    void aStartedProcessIsStoppedAtItsDeadline() throws Exception {
        long start = System.nanoTime();
        try (var running = Processes.start(new ProcessBuilder("bash", "-c", "echo starting >&2; exec sleep 60"), Duration.ofSeconds(1))) {
            assertThatThrownBy(running::firstLine).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("printed no line within 1 s and was stopped")
                    .hasMessageContaining("starting");
            assertThat(running.isAlive()).isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
