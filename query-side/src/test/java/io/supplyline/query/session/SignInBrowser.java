package io.supplyline.query.session;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium (Debian's chromium and chromium-driver) with no credentials of its own: it signs in. */
final class SignInBrowser implements AutoCloseable {

    private final ChromeDriver driver;

    SignInBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Fills in the provider's login form. */
    void signInAs(String user) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("secret");
        String provider = driver.getCurrentUrl();
        driver.findElement(By.id("login")).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (driver.getCurrentUrl().startsWith(provider)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still at the provider after signing in: " + driver.getCurrentUrl());
            }
            Thread.onSpinWait();
        }
    }

    /** A request from the page, as its scripts make them: status and JSON body. */
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

    /** Whether an EventSource on /stream opens from this page. */
    boolean streamOpens() {
        return Boolean.TRUE.equals(driver.executeAsyncScript("""
                const done = arguments[0];
                const stream = new EventSource("/stream");
                stream.onopen = () => { stream.close(); done(true); };
                stream.onerror = () => { stream.close(); done(false); };
                """));
    }

    /** The browser's cookie of that name for this site, with its attributes; null when there is none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> cookie(String name) {
        List<Map<String, Object>> cookies = (List<Map<String, Object>>)
                driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream().filter(cookie -> name.equals(cookie.get("name"))).findFirst().orElse(null);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
