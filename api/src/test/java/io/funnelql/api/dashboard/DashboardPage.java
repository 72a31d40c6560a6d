package io.funnelql.api.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a test sees it: its tiles' states, the numbers of its table and charts, its controls and URL. */
final class DashboardPage {

    static final List<String> TILES = List.of("tracker", "kpi-board", "funnel", "mqls-by-source", "sessions-by-source", "trends", "yoy");

    /** The tiles that show the view's range (all but the KPI board, which shows the last complete week). */
    static final List<String> RANGE_TILES = TILES.stream().filter(tile -> !tile.equals("kpi-board")).toList();

    private final ChromeDriver browser;
    private final String base;

    DashboardPage(ChromeDriver browser, int port) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port + "/";
    }

    /** Opens the dashboard with a query string ("" for the default view) and waits until every tile has loaded. */
    DashboardPage open(String query) {
        browser.get(base + query);
        return awaitLoaded();
    }

    /** Waits until no tile is loading any more. */
    DashboardPage awaitLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> TILES.stream().noneMatch(id -> "loading".equals(state(id))));
        return this;
    }

    /** A tile's state: loading, ready, empty or error. */
    String state(String tile) {
        return browser.findElement(By.id(tile)).getDomAttribute("data-state");
    }

    /** The message a tile shows when it is empty or failed. */
    String status(String tile) {
        return text(browser.findElement(By.cssSelector("#" + tile + " .status")));
    }

    /** The instant the view's numbers count up to (the page sends it as every report's asOf). */
    String asOf() {
        return String.valueOf(script("return document.body.dataset.asOf;"));
    }

    /** An item of the tab's sessionStorage; null when it has none. */
    Object sessionStorage(String key) {
        return script("return sessionStorage.getItem(arguments[0]);", key);
    }

    /** The URL's query parameters, decoded. */
    Map<String, String> urlParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(browser.getCurrentUrl()).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return parameters;
    }

    /** The period starts of the tracker's rows. */
    List<String> trackerPeriods() {
        return browser.findElements(By.cssSelector("#tracker tbody tr")).stream().map(row -> row.getDomAttribute("data-period")).toList();
    }

    /** One column of the tracker's rows (data-value; null where the cell shows a dash). */
    List<Double> trackerColumn(String column) {
        return numbers(browser.findElements(By.cssSelector("#tracker tbody td[data-column='" + column + "']")));
    }

    /** The OKR colour of one column's cells (on-track, at-risk, off-track, or "" for none). */
    List<String> trackerColours(String column) {
        return browser.findElements(By.cssSelector("#tracker tbody td[data-column='" + column + "']")).stream()
                .map(cell -> String.valueOf(cell.getDomAttribute("class")))
                .map(classes -> List.of("on-track", "at-risk", "off-track").stream().filter(classes::contains).findFirst().orElse(""))
                .toList();
    }

    /** The tracker's total of one column. */
    Double trackerTotal(String column) {
        return numbers(browser.findElements(By.cssSelector("#tracker tfoot td[data-column='" + column + "']"))).get(0);
    }

    /** The year-over-year table's cell of a line (sessions, mqls, ...) and column (value, previous, changeRate). */
    Double yearOverYear(String line, String column) {
        return numbers(browser.findElements(By.cssSelector("#yoy tr[data-line='" + line + "'] td[data-column='" + column + "']"))).get(0);
    }

    /** The ids of the KPI board's rows, the North Star first. */
    List<String> boardKpis() {
        return browser.findElements(By.cssSelector("#kpi-board tbody tr")).stream().map(row -> row.getDomAttribute("data-kpi")).toList();
    }

    /** One column of the KPI board (value, previous, changeRate, target, attainment), row by row; null for a dash. */
    List<Double> boardColumn(String column) {
        return numbers(browser.findElements(By.cssSelector("#kpi-board tbody td[data-column='" + column + "']")));
    }

    /** The KPI board's changes (value - previous), row by row; null for none. */
    List<Double> boardChanges() {
        return browser.findElements(By.cssSelector("#kpi-board tbody td[data-column='changeRate']")).stream()
                .map(cell -> cell.getDomAttribute("data-change"))
                .map(value -> value == null || value.isEmpty() ? null : Double.valueOf(value))
                .toList();
    }

    /** An attribute of one column's cells of the KPI board, row by row ("" where a cell has none). */
    List<String> boardAttribute(String column, String attribute) {
        return browser.findElements(By.cssSelector("#kpi-board tbody td[data-column='" + column + "']")).stream()
                .map(cell -> Objects.toString(cell.getDomAttribute(attribute), "").strip())
                .toList();
    }

    /** The definition versions the KPI board names, row by row. */
    List<Integer> boardVersions() {
        return browser.findElements(By.cssSelector("#kpi-board tbody td.definition")).stream()
                .map(cell -> Integer.valueOf(cell.getDomAttribute("data-version"))).toList();
    }

    /** The messages of the KPI board's signals, or the one line that says there are none. */
    List<String> boardSignals() {
        return browser.findElements(By.cssSelector("#kpi-board .signals li, #kpi-board .signals .no-signals")).stream()
                .map(DashboardPage::text).toList();
    }

    /**
     * The data of each series of a tile's chart, read from the ECharts instance drawn on the page (what the picture
     * shows), not from the page's own records of it.
     */
    @SuppressWarnings("unchecked")
    List<List<Object>> chartSeries(String tile) {
        return (List<List<Object>>) script("""
                const chart = echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart'));
                return chart.getOption().series.map(s => s.data.map(d => d !== null && typeof d === 'object' ? d.value : d));
                """, tile);
    }

    /** The categories of a chart's category axis (y for the bar charts, x for the others), as drawn. */
    @SuppressWarnings("unchecked")
    List<String> chartCategories(String tile, String axis) {
        return (List<String>) script("""
                const chart = echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart'));
                return chart.getOption()[arguments[1]][0].data;
                """, tile, axis);
    }

    /** True when the tile's chart has drawn onto a canvas of some size. */
    boolean chartDrawn(String tile) {
        return Boolean.TRUE.equals(script("""
                const canvas = document.querySelector('#' + arguments[0] + ' .chart canvas');
                return canvas !== null && canvas.width > 100 && canvas.height > 100;
                """, tile));
    }

    void select(String name, String value) {
        new Select(browser.findElement(By.cssSelector("select[name='" + name + "']"))).selectByValue(value);
    }

    void click(By by) {
        browser.findElement(by).click();
    }

    String selected(String name) {
        return new Select(browser.findElement(By.cssSelector("select[name='" + name + "']"))).getFirstSelectedOption().getDomAttribute("value");
    }

    boolean checked(By by) {
        return browser.findElement(by).isSelected();
    }

    /** The browser's console messages of level SEVERE (errors, failed requests, uncaught exceptions) since the last call. */
    List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves a picture of the window as a PNG. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static List<Double> numbers(List<WebElement> cells) {
        return cells.stream().map(cell -> cell.getDomAttribute("data-value"))
                .map(value -> value == null || value.isEmpty() ? null : Double.valueOf(value))
                .toList();
    }

    private static String text(WebElement element) {
        return String.valueOf(element.getDomProperty("textContent")).strip();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
