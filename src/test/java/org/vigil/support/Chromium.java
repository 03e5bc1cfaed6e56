package org.vigil.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's chromium driven by Playwright, as every browser test uses it: the browser the distribution packages
 * ({@code VIGIL_CHROMIUM} overrides {@code /usr/bin/chromium}), headless, and never a downloaded one. A test class
 * has it launched once and closed after all its tests ({@link PerClass}) and opens a fresh session per test
 * ({@link #newSession}).
 */
public final class Chromium implements AutoCloseable {

    /** Only so that a broken page fails the test instead of hanging it; no assertion is about speed. */
    public static final double HANG_GUARD_MS = 60_000;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts chromium; fails the class when it is missing (only reached with VIGIL_REQUIRE_BROWSER=1). */
    public static Chromium launch() {
        Path chromium = executable();
        if (!Files.isExecutable(chromium)) {
            fail(missing(chromium) + ". VIGIL_REQUIRE_BROWSER=1 requires the browser tests to run.");
        }
        // The driver installs browsers when it starts unless told not to; the machine has no network for that.
        var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setTimeout(HANG_GUARD_MS)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A fresh session (no cookies) with a window of the given size, British English, and the hang guard. */
    public BrowserContext newSession(int width, int height) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-GB"));
        context.setDefaultTimeout(HANG_GUARD_MS);
        context.setDefaultNavigationTimeout(HANG_GUARD_MS);
        return context;
    }

    /**
     * Signs {@code email} in through the sign-in form of the Vigil at {@code baseUrl} (for example
     * {@code http://localhost:8123}) and waits for the dashboard.
     */
    public static void signIn(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForURL(baseUrl + "/");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    static Path executable() {
        return Path.of(System.getenv().getOrDefault("VIGIL_CHROMIUM", "/usr/bin/chromium"));
    }

    static String missing(Path chromium) {
        return "No chromium at " + chromium + ": install Debian's chromium (apt-get install -y chromium) or point "
                + "VIGIL_CHROMIUM at a Chromium executable";
    }

    /**
     * The chromium of one browser test class, registered as
     * {@code @RegisterExtension static final Chromium.PerClass chromium = new Chromium.PerClass();}: skips the class,
     * before Vigil is started for it, when chromium is missing, unless VIGIL_REQUIRE_BROWSER=1 (then {@link #launch}
     * fails it), so that a missing browser cannot pass unnoticed in CI; launches chromium before the class's tests and
     * closes it after them.
     */
    public static final class PerClass implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

        private Chromium launched;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Path chromium = executable();
            if (Files.isExecutable(chromium) || "1".equals(System.getenv("VIGIL_REQUIRE_BROWSER"))) {
                return ConditionEvaluationResult.enabled("chromium at " + chromium);
            }
            return ConditionEvaluationResult.disabled(missing(chromium) + "; browser tests skipped "
                    + "(VIGIL_REQUIRE_BROWSER=1 makes this a failure).");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            launched = launch();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (launched != null) {
                launched.close();
                launched = null;
            }
        }

        /** A fresh session of the class's chromium; see {@link Chromium#newSession}. */
        public BrowserContext newSession(int width, int height) {
            return launched.newSession(width, height);
        }
    }
}
