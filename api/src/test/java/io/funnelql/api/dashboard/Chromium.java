package io.funnelql.api.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver ({@code apt-get install chromium chromium-driver}).
 * Other paths can be given with {@code -Dfunnelql.chromium=...} and {@code -Dfunnelql.chromedriver=...}.
 * Without them the browser tests are skipped, except on CI ({@code CI=true}), where {@code .ci/run} installs them,
 * so that a missing install fails instead of silently skipping.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("funnelql.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("funnelql.chromedriver", "/usr/bin/chromedriver"));

    /** The window the dashboard is tested and photographed in: a laptop screen, tall enough for every tile. */
    static final String WINDOW = "1440,1750";

    private Chromium() {
    }

    /** Skips the calling test (fails it on CI) when Chromium or chromedriver is missing. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String message = "The dashboard's browser tests need Chromium and chromedriver (" + BROWSER + ", " + DRIVER
                + "): install them with 'apt-get install chromium chromium-driver', or name them with "
                + "-Dfunnelql.chromium and -Dfunnelql.chromedriver. Skipped.";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message.replace("Skipped.", "On CI they must run: .ci/run installs them."));
        }
        assumeTrue(installed, message);
    }

    /** A new headless browser that records every console message. */
    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=" + WINDOW, "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
