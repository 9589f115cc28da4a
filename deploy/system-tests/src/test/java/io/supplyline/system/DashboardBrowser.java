package io.supplyline.system;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.supplyline.deploy.cluster.ServiceProcess;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromium-driver, installed by
 * deploy/chromium.sh), signed in as a user through an Authorization header on every request.
 */
final class DashboardBrowser implements AutoCloseable {

    private final ChromeDriver driver;

    DashboardBrowser(String queryApi, String user, String password) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,1000");
        driver = new ChromeDriver(service, options);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        driver.get(queryApi + "/#stock");
    }

    /** Shows a view of the page, e.g. {@code #stock?search=BOLT}, without a reload. */
    void show(String hash) {
        driver.executeScript("window.location.hash = arguments[0];", hash);
    }

    /** Waits until the page follows the live stream. */
    void awaitLive() {
        await(() -> driver.findElement(By.id("live")).getAttribute("class").contains("on"), Duration.ofSeconds(20));
    }

    /** Marks this page instance, to tell later whether it was reloaded. */
    void mark(String marker) {
        driver.executeScript("window.testMarker = arguments[0];", marker);
    }

    String marker() {
        return (String) driver.executeScript("return window.testMarker || null;");
    }

    /** The cells of the stock table's row for a warehouse and SKU; empty while there is none. */
    List<String> stockRow(String warehouse, String sku) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#stock-table tr[data-id='" + warehouse + ":" + sku + "']"));
        return rows.isEmpty() ? List.of() : rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** The attribute's value, or null while the element or the attribute is missing. */
    String attribute(String cssSelector, String name) {
        List<WebElement> elements = driver.findElements(By.cssSelector(cssSelector));
        return elements.isEmpty() ? null : elements.get(0).getAttribute(name);
    }

    void clickStockRow(String warehouse, String sku) {
        driver.findElement(By.cssSelector("#stock-table tr[data-id='" + warehouse + ":" + sku + "']")).click();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    static void await(Supplier<Boolean> condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + atMost);
            }
            ServiceProcess.sleep(10);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
