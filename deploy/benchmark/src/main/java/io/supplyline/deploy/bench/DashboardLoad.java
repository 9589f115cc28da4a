package io.supplyline.deploy.bench;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The analysts' dashboard in headless Chromium once the run's commands are loaded: how long until it
 * paints and until its first view shows data, then, while the realistic mix keeps sending, what each
 * update the live stream causes costs in the page, and how long the page's main thread was blocked
 * (long tasks: over 50 ms each). Chromium runs on the same machine as everything else.
 */
final class DashboardLoad {

    /**
     * @param updateMeanMs per stream-driven update of the page (the page's own {@code dashboardStats})
     * @param blockedMs    the long tasks' time beyond 50 ms each, summed over the live phase
     */
    record Result(long commandsLoaded, double firstPaintMs, double readyMs, double liveRate, long liveCommands,
                  long updates, double updateMeanMs, double updateMaxMs, double blockedMs) {
    }

    /** Sums the main thread's long tasks from the page's first moment. */
    private static final String LONG_TASKS = """
            window.benchLongTasks = { count: 0, blockedMs: 0 };
            new PerformanceObserver((list) => list.getEntries().forEach((task) => {
              window.benchLongTasks.count++;
              window.benchLongTasks.blockedMs += Math.max(0, task.duration - 50);
            })).observe({ type: "longtask", buffered: true });
            """;

    private DashboardLoad() {
    }

    static Result measure(URI queryApi, long commandsLoaded, Workload live, int commands, double rate, Duration limit)
            throws Exception {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,900"));
        try {
            String analyst = Base64.getEncoder().encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + analyst)));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LONG_TASKS));
            driver.get(queryApi + "/");
            await(driver, "return window.dashboardStats != null && window.dashboardStats.readyMs != null", Duration.ofSeconds(60));
            double readyMs = number(driver, "return window.dashboardStats.readyMs");
            double firstPaintMs = number(driver, "const paint = performance.getEntriesByName('first-contentful-paint')[0];"
                    + " return paint ? paint.startTime : -1");
            driver.executeScript("window.benchLongTasks.blockedMs = 0; const s = window.dashboardStats;"
                    + " s.updates = 0; s.updateMsTotal = 0; s.updateMsMax = 0;");
            live.drive(commands, BenchSettings.openLoopWorkers(rate), rate, limit, new Latencies());
            Thread.sleep(2_000); // the stream's last changes reach the page
            long updates = (long) number(driver, "return window.dashboardStats.updates");
            return new Result(commandsLoaded, round(firstPaintMs), round(readyMs), rate, commands, updates,
                    updates == 0 ? 0 : round(number(driver, "return window.dashboardStats.updateMsTotal") / updates),
                    round(number(driver, "return window.dashboardStats.updateMsMax")),
                    round(number(driver, "return window.benchLongTasks.blockedMs")));
        } finally {
            driver.quit();
        }
    }

    private static void await(ChromeDriver driver, String condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!Boolean.TRUE.equals(driver.executeScript(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The dashboard did not show its data within " + atMost);
            }
            Thread.sleep(20);
        }
    }

    private static double number(ChromeDriver driver, String script) {
        return ((Number) driver.executeScript(script)).doubleValue();
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
