package io.supplyline.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG document written by hand: the plots in docs/ need text, lines and rectangles only, and the
 * same data must always give the same bytes (so a regenerated plot shows up in a diff only when the data changed).
 */
final class Svg {

    static final String FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";

    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    Svg(int width, int height, String title) {
        this.width = width;
        this.height = height;
        body.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(width / 2.0, 22, "middle", 15, "bold", "#222", title);
    }

    void text(double x, double y, String anchor, int size, String weight, String color, String content) {
        body.append(format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, anchor, size, weight, color, escape(content)));
    }

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        body.append(format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                x1, y1, x2, y2, color, width, dashed ? " stroke-dasharray=\"5,4\"" : ""));
    }

    void rect(double x, double y, double w, double h, String color) {
        body.append(format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n", x, y, w, h, color));
    }

    void polyline(List<double[]> points, String color) {
        StringBuilder coordinates = new StringBuilder();
        for (double[] point : points) {
            coordinates.append(format("%.1f,%.1f ", point[0], point[1]));
        }
        body.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                coordinates.toString().trim(), color));
        for (double[] point : points) {
            body.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", point[0], point[1], color));
        }
    }

    /** A row of coloured squares with the series' names, left to right from {@code x}. */
    void legend(double x, double y, List<String> names, List<String> colors) {
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            rect(at, y - 10, 12, 12, colors.get(i));
            text(at + 17, y, "start", 12, "normal", "#222", names.get(i));
            at += 30 + 7.2 * names.get(i).length();
        }
    }

    String document() {
        return format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" %s>%n%s</svg>%n",
                width, height, width, height, FONT, body);
    }

    /** Tick values for an axis from 0 (linear) or from a power of ten (logarithmic) up to at least {@code max}. */
    static List<Double> ticks(double min, double max, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (int exponent = (int) Math.floor(Math.log10(min)); ; exponent++) {
                double tick = exponent < 0 ? 1 / Math.pow(10, -exponent) : Math.pow(10, exponent);
                ticks.add(tick);
                if (tick >= max) {
                    return ticks;
                }
            }
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        if (max / step <= 2) {
            step /= 5;
        } else if (max / step <= 5) {
            step /= 2;
        }
        for (double tick = 0; ; tick += step) {
            ticks.add(tick);
            if (tick >= max) {
                return ticks;
            }
        }
    }

    /** A measured value as a label: thousands separated, three significant digits below 100. */
    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return format("%,.0f", value);
        }
        return Math.abs(value) >= 10 ? format("%.1f", value) : format("%.2f", value);
    }

    /** A round number (an axis tick, a rate): no decimals unless it has some. */
    static String round(double value) {
        return value == Math.rint(value) ? format("%,.0f", value) : number(value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
