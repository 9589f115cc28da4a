package io.supplyline.deploy.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Pictures of each view of the dashboard as a running system shows them (deploy/screenshots.sh starts one
 * under generator traffic): {@code docs/dashboard-<view>.png}, 1440 x 1000, in headless Chromium.
 * Usage: DashboardScreenshots &lt;query-api-url&gt; &lt;user:password&gt; &lt;folder&gt;
 */
public final class DashboardScreenshots {

    private static final List<String> VIEWS = List.of("overview", "stock", "alerts", "orders", "suppliers", "admin");

    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DashboardScreenshots <query-api-url> <user:password> <folder>");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[2]));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,1000", "--hide-scrollbars"));
        try {
            String credentials = Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
            for (String view : VIEWS) {
                driver.get("about:blank");
                driver.get(args[0] + "/#" + view);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!Boolean.TRUE.equals(driver.executeScript(
                        "return window.dashboardStats != null && window.dashboardStats.readyMs != null"))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The " + view + " view showed no data within 60 s");
                    }
                    Thread.sleep(50);
                }
                Thread.sleep(3_000); // a few live updates from the generator's traffic
                Path picture = folder.resolve("dashboard-" + view + ".png");
                Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), picture, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("[screenshots] " + picture);
            }
        } finally {
            driver.quit();
        }
    }
}
