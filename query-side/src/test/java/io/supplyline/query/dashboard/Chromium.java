package io.supplyline.query.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A page in real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded), with
 * waits that tolerate a page redrawing under them: an element replaced while it is read counts as "not yet".
 */
final class Chromium implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final ChromeDriver driver;

    /** @param baseUrl where paths are opened, without a trailing slash */
    Chromium(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,1000");
        // The page's console, told with a failure.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
    }

    /** Signs every request in as this user: an Authorization header the browser adds, EventSource included. */
    Chromium withBasicAuth(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        return this;
    }

    /** Loads the page afresh (a new document even when only the hash differs). */
    void open(String path) {
        driver.get("about:blank");
        driver.get(baseUrl + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Fills in the tests' OpenID Connect provider's login form, and waits until the browser is back. */
    void signInAs(String user) {
        String provider = url();
        type("#username", user);
        type("#password", "secret");
        click("#login");
        await("back from the provider", () -> !url().startsWith(provider));
    }

    /** A request from the page as its scripts make them: {@code status} and the JSON {@code body}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String method, String path, String csrfToken) {
        return (Map<String, Object>) driver.executeAsyncScript("""
                const [method, path, token, done] = arguments;
                const headers = { Accept: "application/json" };
                if (token) headers["X-CSRF-Token"] = token;
                fetch(path, { method, headers }).then(async (response) =>
                    done({ status: response.status, body: await response.json().catch(() => null) }));
                """, method, path, csrfToken);
    }

    /** The browser's cookie of that name, with its attributes (secure, httpOnly, sameSite...); null if none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> cookie(String name) {
        List<Map<String, Object>> cookies = (List<Map<String, Object>>)
                driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream().filter(cookie -> name.equals(cookie.get("name"))).findFirst().orElse(null);
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text, or null while there is none. */
    String text(String css) {
        List<WebElement> found = findAll(css);
        return found.isEmpty() ? null : found.get(0).getText();
    }

    /** The attribute (or property) of the first match, or null while the element or the attribute is missing. */
    String attribute(String css, String name) {
        List<WebElement> found = findAll(css);
        return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
    }

    /** A list of one attribute of every match, e.g. the data-id of every row. */
    List<String> attributes(String css, String name) {
        return findAll(css).stream().map(element -> element.getDomAttribute(name)).toList();
    }

    void click(String css) {
        find(css).click();
    }

    /** Replaces the input's text with {@code text}, as typed. */
    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        script("arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", input);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** Picks the option with this value in a select. */
    void select(String css, String value) {
        find(css + " option[value='" + value + "']").click();
    }

    Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    /** Waits until the condition holds; fails naming {@code what}. */
    void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (WebDriverException redrawn) {
                // the element went away while it was read: try again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT + ": " + what + " (at " + driver.getCurrentUrl()
                        + "; stats " + driver.executeScript("return document.readyState + ' ' + document.scripts.length + ' '"
                        + " + JSON.stringify(window.dashboardStats) + ' rows ' + [...document.querySelectorAll('tbody tr')]"
                        + ".map(r => r.dataset.id).join(',')")
                        + "; console: " + console() + ")");
            }
            sleep(25);
        }
    }

    /** Waits until the first match's text is {@code expected}. */
    void awaitText(String css, String expected) {
        try {
            await(css + " reads '" + expected + "'", () -> expected.equals(text(css)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it reads '" + safeText(css) + "'", e);
        }
    }

    /** Waits until the first match's attribute is {@code expected}. */
    void awaitAttribute(String css, String name, String expected) {
        await(css + " has " + name + "=" + expected, () -> expected.equals(attribute(css, name)));
    }

    private String safeText(String css) {
        try {
            return text(css);
        } catch (WebDriverException e) {
            return "?";
        }
    }

    /** What the page wrote to its console since the last call. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
