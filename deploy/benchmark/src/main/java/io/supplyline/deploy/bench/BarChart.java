package io.supplyline.deploy.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars, one group per category and one bar per series in it, each labelled with its value; a
 * dashed line marks a target where there is one. Missing values (NaN) leave their bar out.
 */
final class BarChart {

    /** One kind of bar, with its value for every category (in the categories' order). */
    record Series(String name, String color, List<Double> values) {
    }

    private static final int WIDTH = 820;
    private static final int LEFT = 250;
    private static final int RIGHT = 90;
    private static final int TOP = 64;
    private static final int BAR = 16;
    private static final int GROUP_GAP = 14;

    private final String title;
    private final String axis;
    private final List<String> categories;
    private final List<Series> series;
    private final boolean log;
    private double target = Double.NaN;
    private String targetLabel = "";
    private String caption = "";

    BarChart(String title, String axis, List<String> categories, List<Series> series, boolean log) {
        this.title = title;
        this.axis = axis;
        this.categories = categories;
        this.series = series;
        this.log = log;
    }

    BarChart target(double value, String label) {
        this.target = value;
        this.targetLabel = label;
        return this;
    }

    /** A line of small print under the plot: where the data came from. */
    BarChart caption(String text) {
        this.caption = text;
        return this;
    }

    String svg() {
        int groupHeight = series.size() * BAR + GROUP_GAP;
        int plotHeight = categories.size() * groupHeight;
        int height = TOP + plotHeight + 62;
        Svg svg = new Svg(WIDTH, height, title);
        svg.legend(LEFT, 42, series.stream().map(Series::name).toList(), series.stream().map(Series::color).toList());
        List<Double> values = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(v -> !v.isNaN() && v > 0).forEach(values::add));
        if (!Double.isNaN(target)) {
            values.add(target);
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<Double> ticks = Svg.ticks(min, max, log);
        Scale scale = new Scale(ticks.get(0), ticks.get(ticks.size() - 1), LEFT, WIDTH - RIGHT, log);
        double bottom = TOP + plotHeight;
        for (double tick : ticks) {
            double x = scale.at(tick);
            svg.line(x, TOP, x, bottom, "#e3e3e3", 1, false);
            svg.text(x, bottom + 16, "middle", 11, "normal", "#555", Svg.round(tick));
        }
        svg.text((LEFT + WIDTH - RIGHT) / 2.0, bottom + 36, "middle", 12, "normal", "#333", axis);
        for (int c = 0; c < categories.size(); c++) {
            double groupTop = TOP + c * groupHeight + GROUP_GAP / 2.0;
            svg.text(LEFT - 8, groupTop + series.size() * BAR / 2.0 + 4, "end", 12, "normal", "#222", categories.get(c));
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                if (Double.isNaN(value)) {
                    continue;
                }
                double y = groupTop + s * BAR;
                double end = scale.at(Math.max(value, scale.from()));
                svg.rect(LEFT, y + 1, Math.max(1, end - LEFT), BAR - 2, series.get(s).color());
                svg.text(end + 4, y + BAR - 4, "start", 11, "normal", "#222", Svg.number(value));
            }
        }
        svg.line(LEFT, TOP, LEFT, bottom, "#444", 1, false);
        if (!Double.isNaN(target)) {
            double x = scale.at(target);
            svg.line(x, TOP - 4, x, bottom, "#c0392b", 1.5, true);
            svg.text(x, TOP - 7, "middle", 11, "bold", "#c0392b", targetLabel);
        }
        svg.text(10, height - 8, "start", 10, "normal", "#777", caption);
        return svg.document();
    }

    /** Value to horizontal position, linear or logarithmic. */
    record Scale(double from, double to, double left, double right, boolean log) {
        double at(double value) {
            double share = log ? (Math.log10(value) - Math.log10(from)) / (Math.log10(to) - Math.log10(from))
                    : (value - from) / (to - from);
            return left + share * (right - left);
        }
    }
}
