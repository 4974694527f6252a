package dev.iapcloudrun.review;

import dev.iapcloudrun.Processes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the access report in a real headless browser and reads the matrix from the DOM the browser built,
 * so a page that only looks right as text (an unclosed cell, a table the parser restructures) fails here.
 */
class AccessReportBrowserTest {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    @TempDir
    Path dir;

    @Test
    void aBrowserShowsEveryGrantOfEveryEnvironmentInTheMatrix() throws Exception {
        var browser = browser();
        if (browser.isEmpty()) {
            System.err.println("SKIPPED AccessReportBrowserTest: no headless browser found (looked for CHROME_BIN and "
                    + String.join(", ", BROWSERS) + " on PATH); install Debian's chromium to run it");
        }
        Assumptions.assumeTrue(browser.isPresent(), "no headless browser: install chromium to open the access report");
        var environments = new ArrayList<>(AccessReportTest.bundledStacks().environments());
        // A public service: the page must say so, not show its column as nobody's.
        environments.add(ReviewFixtures.environment(ReviewFixtures.stack("iap: false\npublic: true\n")));
        var report = new AccessReport(environments);
        var page = dir.resolve("access.html");
        var provenance = Provenance.of("0123456789abcdef0123456789abcdef01234567", "2026-11-24T09:30:00+01:00", true);
        Files.writeString(page, report.html(provenance), StandardCharsets.UTF_8);

        var dom = Jsoup.parse(dumpDom(browser.get(), page));

        for (var env : report.environments()) {
            var expected = new TreeMap<String, List<String>>();
            env.grants().forEach(g -> expected.computeIfAbsent(g.principal() + " → " + g.service(), k -> new ArrayList<>())
                    .add(AccessReport.role(g, env.iapOn(g.service())) + ", " + AccessReport.grantKind(g) + g.condition().map(c -> "if " + c.title()).orElse("")));
            env.publicServices().forEach(service -> expected.put(AccessReport.ANYONE + " → " + service, List.of("can call it: public, no sign-in")));
            var shown = new TreeMap<String, List<String>>();
            var table = dom.selectFirst("section[data-stack=" + env.stack() + "] table");
            assertThat(table).as("the matrix of " + env.stack()).isNotNull();
            var services = table.select("thead th[data-service]").eachAttr("data-service");
            assertThat(new TreeSet<>(services)).isEqualTo(new TreeSet<>(env.serviceNames()));
            for (var row : table.select("tbody tr")) {
                var cells = row.select("td");
                assertThat(cells).hasSize(services.size());
                for (int i = 0; i < cells.size(); i++) {
                    var cell = cells.get(i);
                    if (!cell.hasClass("none")) {
                        shown.put(row.selectFirst("th").text() + " → " + services.get(i),
                                List.of(cell.html().split("<br>")).stream().map(part -> Jsoup.parse(part).text()).toList());
                    }
                }
            }
            assertThat(shown).as("grants the browser shows for " + env.stack()).isEqualTo(expected);
            var section = dom.selectFirst("section[data-stack=" + env.stack() + "]");
            assertThat(section.selectFirst("p.audience").text()).isEqualTo("Audience " + env.audience().yaml + ": " + env.signIn() + ".");
            assertThat(section.select("p.public").eachAttr("data-service")).isEqualTo(env.publicServices());
        }
        assertThat(dom.select("section[data-stack=test] p.public").text()).startsWith("hello is public: anyone who reaches its URL");
        assertThat(dom.selectFirst("p.provenance").text()).isEqualTo(provenance.describe());
        assertThat(dom.select("aside.legend dt")).hasSize(8);
        assertThat(dom.select("aside.legend dd")).hasSize(8);
    }

    private String dumpDom(String browser, Path page) throws Exception {
        var process = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom", page.toUri().toString());
        var finished = Processes.run(process, Duration.ofMinutes(2));
        assertThat(finished.exitCode()).as("the browser's exit code: " + finished.describe()).isZero();
        assertThat(finished.stdout()).as("the DOM the browser printed").contains("</html>");
        return finished.stdout();
    }

    private static Optional<String> browser() {
        var fromEnv = Optional.ofNullable(System.getenv("CHROME_BIN")).filter(bin -> Files.isExecutable(Path.of(bin)));
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return BROWSERS.stream().flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
