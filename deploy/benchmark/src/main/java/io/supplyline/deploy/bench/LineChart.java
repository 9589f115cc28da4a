package io.supplyline.deploy.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines over categories on a logarithmic vertical axis: latencies spread over three orders of magnitude
 * between a light load and saturation. Dashed horizontal lines mark targets. Missing values (NaN) break
 * nothing: the line joins the points that are there.
 */
final class LineChart {

    record Series(String name, String color, List<Double> values) {
    }

    record Target(double value, String label, String color) {
    }

    private static final int WIDTH = 820;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 40;
    private static final int TOP = 64;
    private static final int BOTTOM = 96;

    private final String title;
    private final String axis;
    private final List<String> categories;
    private final List<String> notes;
    private final List<Series> series;
    private final List<Target> targets = new ArrayList<>();
    private String caption = "";

    /** {@code notes}: a second line under each category's label (what was achieved there, for example). */
    LineChart(String title, String axis, List<String> categories, List<String> notes, List<Series> series) {
        this.title = title;
        this.axis = axis;
        this.categories = categories;
        this.notes = notes;
        this.series = series;
    }

    LineChart target(double value, String label, String color) {
        targets.add(new Target(value, label, color));
        return this;
    }

    /** A line of small print under the plot: where the data came from. */
    LineChart caption(String text) {
        this.caption = text;
        return this;
    }

    String svg() {
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        svg.legend(LEFT, 42, series.stream().map(Series::name).toList(), series.stream().map(Series::color).toList());
        List<Double> values = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(v -> !v.isNaN() && v > 0).forEach(values::add));
        targets.forEach(t -> values.add(t.value()));
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
        List<Double> ticks = Svg.ticks(min, max, true);
        double bottom = HEIGHT - BOTTOM;
        BarChart.Scale scale = new BarChart.Scale(ticks.get(0), ticks.get(ticks.size() - 1), bottom, TOP, true);
        for (double tick : ticks) {
            double y = scale.at(tick);
            svg.line(LEFT, y, WIDTH - RIGHT, y, "#e3e3e3", 1, false);
            svg.text(LEFT - 6, y + 4, "end", 11, "normal", "#555", Svg.round(tick));
        }
        svg.text(10, TOP - 8, "start", 12, "normal", "#333", axis);
        double step = (WIDTH - RIGHT - LEFT) / (double) categories.size();
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + step * (c + 0.5);
            svg.text(x, bottom + 18, "middle", 12, "bold", "#222", categories.get(c));
            svg.text(x, bottom + 34, "middle", 11, "normal", "#555", notes.get(c));
        }
        svg.line(LEFT, TOP, LEFT, bottom, "#444", 1, false);
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, "#444", 1, false);
        for (Target target : targets) {
            double y = scale.at(target.value());
            svg.line(LEFT, y, WIDTH - RIGHT, y, target.color(), 1.5, true);
            svg.text(WIDTH - RIGHT - 4, y - 4, "end", 11, "bold", target.color(), target.label());
        }
        for (Series line : series) {
            List<double[]> points = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                double value = line.values().get(c);
                if (!Double.isNaN(value) && value > 0) {
                    points.add(new double[] {LEFT + step * (c + 0.5), scale.at(value)});
                }
            }
            svg.polyline(points, line.color());
        }
        svg.text(LEFT, HEIGHT - 10, "start", 10, "normal", "#777", caption);
        return svg.document();
    }
}
