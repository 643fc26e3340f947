#include "plg/report/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/report/markdown_writer.hpp"

namespace plg {

namespace {

// Series styles: a dark colour, a dash pattern and a marker each, so that two
// series differ in greyscale too. The first is the measured line.
struct Style {
    std::string_view colour;
    std::string_view dash;  // "" for solid
    char marker;            // 'o' circle, 's' square, '^' triangle, 'd' diamond
};
constexpr std::array<Style, 6> k_styles = {{
    {"#1f4e79", "", 'o'},
    {"#9c4a00", "7 3", 's'},
    {"#2e6b30", "2 3", '^'},
    {"#6a3d9a", "9 3 2 3", 'd'},
    {"#7a1f2b", "4 2", 'o'},
    {"#3d3d3d", "1 2", 's'},
}};
constexpr std::string_view k_target_colour = "#b24a00";
// The status words of the JSON reports, for the cells' data-status (what tests read).
constexpr std::array<std::string_view, 4> k_status_keys = {"active", "at risk", "dormant",
                                                           "not founded"};
constexpr std::string_view k_font = "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\"";

// Roughly how wide `text` is at `size` pixels: enough to keep labels apart.
double text_width(std::string_view text, double size) {
    return double(utf8_length(text)) * size * 0.56;
}

std::string fmt_coord(double v) {
    return fmt::format("{:.1f}", v);
}

std::string marker(char shape, double x, double y, std::string_view colour) {
    std::string fill = fmt::format("fill=\"{}\"", colour);
    switch (shape) {
        case 's':
            return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" {}/>",
                               fmt_coord(x - 3.5), fmt_coord(y - 3.5), fill);
        case '^':
            return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" {}/>", fmt_coord(x),
                               fmt_coord(y - 4.5), fmt_coord(x + 4.5), fmt_coord(y + 3.5),
                               fmt_coord(x - 4.5), fmt_coord(y + 3.5), fill);
        case 'd':
            return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" {}/>", fmt_coord(x),
                               fmt_coord(y - 5), fmt_coord(x + 5), fmt_coord(y), fmt_coord(x),
                               fmt_coord(y + 5), fmt_coord(x - 5), fmt_coord(y), fill);
        default:
            return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" {}/>", fmt_coord(x),
                               fmt_coord(y), fill);
    }
}

std::string line_style(const Style& s, double width) {
    std::string out =
        fmt::format("stroke=\"{}\" stroke-width=\"{}\" fill=\"none\"", s.colour, width);
    if (!s.dash.empty()) {
        out += fmt::format(" stroke-dasharray=\"{}\"", s.dash);
    }
    return out;
}

std::string svg_open(std::string_view name, double width, double height, std::string_view title,
                     std::string_view desc) {
    std::string id = xml_escape(name);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"{}\" viewBox=\"0 0 {} {}\" "
        "width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{}-title {}-desc\" {}>\n"
        "<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n"
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        id, width, height, width, height, id, id, k_font, id, xml_escape(title), id,
        xml_escape(desc));
}

// The values of a chart in words, for <desc>: "Measured: begin 45, 16 sep 2025 45, ...".
std::string describe(const LineChart& c, const Labels& l) {
    std::vector<std::string> parts;
    for (const auto& s : c.series) {
        std::vector<std::string> points;
        for (size_t i = 0; i < s.values.size() && i < c.x_labels.size(); ++i) {
            if (s.values[i]) {
                points.push_back(c.x_labels[i] + " " + number(*s.values[i], l, c.decimals) +
                                 c.value_suffix);
            }
        }
        parts.push_back(s.name + ": " + join(points));
    }
    if (c.target) {
        parts.push_back(c.target_label);
    }
    return join(parts, "; ");
}

// Label every k-th of `labels` so that labels `slot` apart do not overlap.
size_t label_stride(const std::vector<std::string>& labels, double slot, double gap) {
    double widest = 0;
    for (const auto& label : labels) {
        widest = std::max(widest, text_width(label, 10));
    }
    size_t every = 1;
    while (double(every) * slot < widest + gap) {
        ++every;
    }
    return every;
}

// The status colours: a fill and the ink of the letter on it, dark, light and
// mid grey so that they differ in greyscale too; the fourth is "not yet founded".
constexpr std::array<std::string_view, 4> k_status_fill = {"#2e7d32", "#f2b705", "#8a8a8a",
                                                           "#ffffff"};
constexpr std::array<std::string_view, 4> k_status_ink = {"#ffffff", "#1a1a1a", "#ffffff",
                                                          "#444444"};

// A legend of the three statuses, each a swatch with its letter, and with
// `not_founded` a dashed empty swatch for it; from (x, y).
std::string status_legend(double x, double y, const Labels& l, bool not_founded) {
    std::string out = "<g font-size=\"11\" fill=\"#1a1a1a\">\n";
    for (size_t k = 0; k < 3; ++k) {
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/>"
            "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"{}\">{}</text>"
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            fmt_coord(x), fmt_coord(y), k_status_fill[k], fmt_coord(x + 7), fmt_coord(y + 11),
            k_status_ink[k], xml_escape(l.status_letters[k]), fmt_coord(x + 19), fmt_coord(y + 11),
            xml_escape(l.statuses[k]));
        x += 19 + text_width(l.statuses[k], 11) + 18;
    }
    if (not_founded) {
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"#ffffff\" "
            "stroke=\"#bbbbbb\" stroke-dasharray=\"2 2\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
            fmt_coord(x), fmt_coord(y), fmt_coord(x + 19), fmt_coord(y + 11),
            xml_escape(l.not_founded));
    }
    return out + "</g>\n";
}

}  // namespace

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                // XML 1.0 allows no control characters but tab and line breaks.
                out += (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') ? ' ' : c;
        }
    }
    return out;
}

Axis nice_axis(double low, double high) {
    if (low > high) {
        std::swap(low, high);
    }
    // Zero stays on the axis when it does not squeeze the values: when they
    // reach down to within 40% of the top, or go below zero.
    if (low > 0 && low < 0.4 * high) {
        low = 0;
    }
    if (high < 0 && high > 0.4 * low) {
        high = 0;
    }
    double span = high - low;
    if (span <= 0) {
        span = std::max(std::abs(high), 1.0);
        low -= span / 2;
        high += span / 2;
    }
    double raw = span / 5;
    double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    Axis a;
    a.step = step;
    a.from = std::floor(low / step + 1e-9) * step;
    a.to = std::ceil(high / step - 1e-9) * step;
    if (a.to <= a.from) {
        a.to = a.from + step;
    }
    return a;
}

std::string svg_chart(const LineChart& c, const Labels& l) {
    constexpr double k_width = 640;
    constexpr double k_left = 64;
    constexpr double k_right = 24;
    constexpr double k_bottom = 40;
    const double plot_w = k_width - k_left - k_right;
    const size_t n = c.x_labels.size();
    // The legend, under the title, in as many rows as its entries need.
    struct Entry {
        std::string text;
        int style;  // a series' style, or -1 for the target
        double x;
        double y;
    };
    std::vector<Entry> entries;
    for (size_t s = 0; s < c.series.size(); ++s) {
        entries.push_back({c.series[s].name, int(s % k_styles.size()), 0, 0});
    }
    if (c.target) {
        entries.push_back({c.target_label, -1, 0, 0});
    }
    double lx = k_left;
    double ly = 38;
    for (auto& e : entries) {
        double w = 30 + text_width(e.text, 11) + 18;
        if (lx + w > k_width - k_right && lx > k_left) {
            lx = k_left;
            ly += 17;
        }
        e.x = lx;
        e.y = ly;
        lx += w;
    }
    const double k_top = ly + 18;
    const double k_height = k_top + 200 + k_bottom;
    const double plot_h = k_height - k_top - k_bottom;

    double low = c.y_min.value_or(HUGE_VAL);
    double high = c.y_max.value_or(-HUGE_VAL);
    for (const auto& s : c.series) {
        for (const auto& v : s.values) {
            if (v) {
                low = std::min(low, *v);
                high = std::max(high, *v);
            }
        }
    }
    if (c.target) {
        low = std::min(low, *c.target);
        high = std::max(high, *c.target);
    }
    if (low > high) {
        low = 0;
        high = 1;
    }
    Axis axis = c.y_min && c.y_max ? Axis{*c.y_min, *c.y_max, 1} : nice_axis(low, high);
    auto y_of = [&](double v) { return k_top + plot_h * (axis.to - v) / (axis.to - axis.from); };
    // Points by date when the chart has dates, else evenly; a single point in the middle.
    std::vector<double> xs(n);
    for (size_t i = 0; i < n; ++i) {
        double t = 0.5;
        if (!c.dates.empty() && c.dates.size() == n && n > 1) {
            int total = c.dates.back().days_since(c.dates.front());
            t = total > 0 ? double(c.dates[i].days_since(c.dates.front())) / total
                          : double(i) / double(n - 1);
        } else if (n > 1) {
            t = double(i) / double(n - 1);
        }
        xs[i] = k_left + 12 + (plot_w - 24) * t;
    }

    std::string out = svg_open(c.name, k_width, k_height, c.title, describe(c, l));
    out += fmt::format(
        "<text x=\"{}\" y=\"20\" font-size=\"15\" font-weight=\"bold\" "
        "fill=\"#1a1a1a\">{}</text>\n",
        k_left,
        xml_escape(utf8_length(c.title) > 70 ? utf8_prefix(c.title, 69) + "\u2026" : c.title));
    // The y-axis: grid lines and their values, and the unit.
    out += "<g font-size=\"11\" fill=\"#444444\">\n";
    int ticks = int(std::lround((axis.to - axis.from) / axis.step));
    for (int i = 0; i <= ticks; ++i) {
        double v = axis.from + i * axis.step;
        double y = y_of(v);
        out += fmt::format(
            "<line class=\"grid\" data-value=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
            "stroke=\"#d9d9d9\" stroke-width=\"1\"/>\n",
            v, k_left, fmt_coord(y), k_width - k_right, fmt_coord(y));
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", k_left - 6,
                           fmt_coord(y + 4), xml_escape(number(v, l, 2)));
    }
    out += "</g>\n";
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555555\" "
        "stroke-width=\"1\"/>\n",
        k_left, k_top, k_left, k_top + plot_h);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555555\" "
        "stroke-width=\"1\"/>\n",
        k_left, k_top + plot_h, k_width - k_right, k_top + plot_h);
    if (!c.y_label.empty()) {
        out += fmt::format(
            "<text x=\"14\" y=\"{}\" font-size=\"11\" fill=\"#444444\" "
            "text-anchor=\"middle\" transform=\"rotate(-90 14 {})\">{}</text>\n",
            fmt_coord(k_top + plot_h / 2), fmt_coord(k_top + plot_h / 2), xml_escape(c.y_label));
    }
    // The x labels, those that would overlap the one before left out (the last kept).
    std::vector<bool> shown(n, false);
    double right_edge = -HUGE_VAL;
    for (size_t i = 0; i < n; ++i) {
        double half = text_width(c.x_labels[i], 11) / 2;
        if (xs[i] - half > right_edge + 6) {
            shown[i] = true;
            right_edge = xs[i] + half;
        }
    }
    if (n > 1 && !shown[n - 1]) {
        double half = text_width(c.x_labels[n - 1], 11) / 2;
        for (size_t i = n - 1; i-- > 0;) {
            if (shown[i]) {
                shown[i] = xs[i] + text_width(c.x_labels[i], 11) / 2 + 6 < xs[n - 1] - half;
                if (shown[i]) {
                    break;
                }
            }
        }
        shown[n - 1] = true;
    }
    out += "<g font-size=\"11\" fill=\"#444444\" text-anchor=\"middle\">\n";
    for (size_t i = 0; i < n; ++i) {
        if (shown[i]) {
            out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", fmt_coord(xs[i]),
                               fmt_coord(k_top + plot_h + 18), xml_escape(c.x_labels[i]));
        }
    }
    out += "</g>\n";
    // The target, dashed, with its value at the right.
    if (c.target) {
        double y = y_of(*c.target);
        out += fmt::format(
            "<line class=\"target\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
            "stroke-width=\"2\" stroke-dasharray=\"8 5\"/>\n",
            k_left, fmt_coord(y), k_width - k_right, fmt_coord(y), k_target_colour);
    }
    // The series: a path per run of values without a gap, markers, and the values.
    bool label_values = n <= 12 && c.series.size() == 1;
    for (size_t s = 0; s < c.series.size(); ++s) {
        const Style& style = k_styles[s % k_styles.size()];
        const auto& values = c.series[s].values;
        std::string path;
        bool pen = false;
        for (size_t i = 0; i < n && i < values.size(); ++i) {
            if (!values[i]) {
                pen = false;
                continue;
            }
            path += fmt::format("{}{} {}", pen ? "L" : "M", fmt_coord(xs[i]),
                                fmt_coord(y_of(*values[i])));
            pen = true;
        }
        if (!path.empty()) {
            out += fmt::format("<path class=\"series\" data-series=\"{}\" d=\"{}\" {}/>\n",
                               xml_escape(c.series[s].name), path, line_style(style, 2.5));
        }
        for (size_t i = 0; i < n && i < values.size(); ++i) {
            if (values[i]) {
                out += marker(style.marker, xs[i], y_of(*values[i]), style.colour) + "\n";
                if (label_values || (c.series.size() == 1 && (i == 0 || i + 1 == n))) {
                    out += fmt::format(
                        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" "
                        "fill=\"#1a1a1a\">{}</text>\n",
                        fmt_coord(xs[i]), fmt_coord(y_of(*values[i]) - 9),
                        xml_escape(number(*values[i], l, c.decimals) + c.value_suffix));
                }
            }
        }
    }
    out += "<g font-size=\"11\" fill=\"#1a1a1a\">\n";
    for (const auto& e : entries) {
        if (e.style >= 0) {
            const Style& style = k_styles[size_t(e.style)];
            out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>", fmt_coord(e.x),
                               fmt_coord(e.y), fmt_coord(e.x + 24), fmt_coord(e.y),
                               line_style(style, 2.5)) +
                   marker(style.marker, e.x + 12, e.y, style.colour);
        } else {
            out += fmt::format(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
                "stroke-width=\"2\" stroke-dasharray=\"8 5\"/>",
                fmt_coord(e.x), fmt_coord(e.y), fmt_coord(e.x + 24), fmt_coord(e.y),
                k_target_colour);
        }
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", fmt_coord(e.x + 30),
                           fmt_coord(e.y + 4), xml_escape(e.text));
    }
    out += "</g>\n</svg>\n";
    return out;
}

std::string svg_chart(const StatusStrip& s, const Labels& l) {
    const size_t n = s.labels.size();
    constexpr double k_left = 8;
    const double cell = n ? std::clamp(624.0 / double(n), 6.0, 104.0) : 104;
    const double width = std::max(360.0, k_left * 2 + cell * double(n));
    const double height = 112;
    std::vector<std::string> words;
    for (size_t i = 0; i < n; ++i) {
        words.push_back(
            s.labels[i] + " " +
            std::string(s.states[i] ? l.statuses[size_t(*s.states[i])] : l.not_founded));
    }
    std::string out = svg_open(s.name, width, height, s.title, join(words));
    out += fmt::format(
        "<text x=\"{}\" y=\"18\" font-size=\"14\" font-weight=\"bold\" "
        "fill=\"#1a1a1a\">{}</text>\n",
        k_left, xml_escape(s.title));
    const size_t every = label_stride(s.labels, cell, 6);
    for (size_t i = 0; i < n; ++i) {
        double x = k_left + cell * double(i);
        if (s.states[i]) {
            size_t k = size_t(*s.states[i]);
            out += fmt::format(
                "<rect data-status=\"{}\" x=\"{}\" y=\"30\" width=\"{}\" height=\"34\" "
                "fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n",
                k_status_keys[k], fmt_coord(x), fmt_coord(cell), k_status_fill[k]);
            if (cell >= 14) {
                out += fmt::format(
                    "<text x=\"{}\" y=\"52\" font-size=\"12\" "
                    "text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                    fmt_coord(x + cell / 2), k_status_ink[k], xml_escape(l.status_letters[k]));
            }
        } else {
            out += fmt::format(
                "<rect data-status=\"none\" x=\"{}\" y=\"30\" width=\"{}\" height=\"34\" "
                "fill=\"#ffffff\" stroke=\"#bbbbbb\" stroke-width=\"1\" "
                "stroke-dasharray=\"2 2\"/>\n",
                fmt_coord(x + 0.5), fmt_coord(cell - 1));
        }
        if (i % every == 0) {
            out += fmt::format(
                "<text x=\"{}\" y=\"80\" font-size=\"10\" fill=\"#444444\">{}"
                "</text>\n",
                fmt_coord(x + 1), xml_escape(s.labels[i]));
        }
    }
    out += status_legend(k_left, 90, l, false);
    out += "</svg>\n";
    return out;
}

std::string svg_chart(const StatusBars& b, const Labels& l) {
    constexpr double k_width = 640;
    constexpr double k_left = 48;
    constexpr double k_right = 16;
    constexpr double k_top = 34;
    constexpr double k_plot_h = 190;
    const size_t n = b.labels.size();
    int most = 1;
    for (const auto& c : b.counts) {
        most = std::max(most, c[0] + c[1] + c[2] + c[3]);
    }
    Axis axis = nice_axis(0, most);
    axis.step = std::max(1.0, std::round(axis.step));
    axis.to = std::ceil(most / axis.step) * axis.step;
    auto y_of = [&](double v) { return k_top + k_plot_h * (axis.to - v) / axis.to; };
    const double slot = n ? (k_width - k_left - k_right) / double(n) : 1;
    const double bar = std::min(48.0, slot * 0.72);

    std::vector<std::string> words;
    for (size_t i = 0; i < n; ++i) {
        words.push_back(fmt::format("{}: {} {}, {} {}, {} {}, {} {}", b.labels[i], b.counts[i][0],
                                    l.statuses[0], b.counts[i][1], l.statuses[1], b.counts[i][2],
                                    l.statuses[2], b.counts[i][3], l.not_founded));
    }
    const double height = k_top + k_plot_h + 62;
    std::string out = svg_open(b.name, k_width, height, b.title, join(words, "; "));
    out += fmt::format(
        "<text x=\"{}\" y=\"20\" font-size=\"15\" font-weight=\"bold\" "
        "fill=\"#1a1a1a\">{}</text>\n",
        k_left, xml_escape(b.title));
    out += "<g font-size=\"11\" fill=\"#444444\">\n";
    for (double v = 0; v <= axis.to + 1e-9; v += axis.step) {
        out += fmt::format(
            "<line class=\"grid\" data-value=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
            "stroke=\"#d9d9d9\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            v, k_left, fmt_coord(y_of(v)), k_width - k_right, fmt_coord(y_of(v)), k_left - 6,
            fmt_coord(y_of(v) + 4), xml_escape(number(v, l, 0)));
    }
    out += "</g>\n";
    const size_t every = label_stride(b.labels, slot, 6);
    for (size_t i = 0; i < n; ++i) {
        double x = k_left + slot * double(i) + (slot - bar) / 2;
        double base = 0;
        for (size_t k = 0; k < 4; ++k) {
            int count = b.counts[i][k];
            if (count == 0) {
                continue;
            }
            double y0 = y_of(base);
            double y1 = y_of(base + count);
            out += fmt::format(
                "<rect data-status=\"{}\" data-period=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                "height=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                k_status_keys[k], i, fmt_coord(x), fmt_coord(y1), fmt_coord(bar),
                fmt_coord(y0 - y1), k_status_fill[k], k == 3 ? "#9a9a9a" : "#ffffff");
            if (y0 - y1 >= 13 && bar >= 16) {
                out += fmt::format(
                    "<text x=\"{}\" y=\"{}\" font-size=\"10\" "
                    "text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                    fmt_coord(x + bar / 2), fmt_coord((y0 + y1) / 2 + 3.5), k_status_ink[k], count);
            }
            base += count;
        }
        if (i % every == 0) {
            out += fmt::format(
                "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#444444\" "
                "text-anchor=\"middle\">{}</text>\n",
                fmt_coord(x + bar / 2), fmt_coord(k_top + k_plot_h + 16), xml_escape(b.labels[i]));
        }
    }
    out += status_legend(k_left, k_top + k_plot_h + 34, l, true);
    out += "</svg>\n";
    return out;
}

std::string svg_chart(const StatusGrid& g, const Labels& l) {
    const size_t n = g.labels.size();
    double names = 60;
    for (const auto& r : g.rows) {
        names = std::max(names, std::min(260.0, text_width(r.name, 11)));
    }
    const double left = 8 + names + 10;
    const double cell_w = n ? std::clamp((1100 - left) / double(n), 10.0, 46.0) : 46;
    constexpr double k_cell_h = 18;
    constexpr double k_top = 44;
    const double width = left + cell_w * double(n) + 8;
    const double height = k_top + k_cell_h * double(g.rows.size()) + 40;
    std::vector<std::string> words;
    for (const auto& r : g.rows) {
        std::vector<std::string> states;
        for (size_t i = 0; i < r.states.size() && i < n; ++i) {
            states.push_back(
                g.labels[i] + " " +
                std::string(r.states[i] ? l.statuses[size_t(*r.states[i])] : l.not_founded));
        }
        words.push_back(r.name + ": " + join(states));
    }
    std::string out = svg_open(g.name, width, height, g.title, join(words, "; "));
    out += fmt::format(
        "<text x=\"8\" y=\"18\" font-size=\"15\" font-weight=\"bold\" "
        "fill=\"#1a1a1a\">{}</text>\n",
        xml_escape(g.title));
    const size_t every = label_stride(g.labels, cell_w, 4);
    for (size_t i = 0; i < n; i += every) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#444444\">{}</text>\n",
                           fmt_coord(left + cell_w * double(i) + 1), k_top - 6,
                           xml_escape(g.labels[i]));
    }
    for (size_t row = 0; row < g.rows.size(); ++row) {
        const auto& r = g.rows[row];
        double y = k_top + k_cell_h * double(row);
        std::string name = utf8_length(r.name) > 44 ? utf8_prefix(r.name, 43) + "\u2026" : r.name;
        out += fmt::format("<text x=\"8\" y=\"{}\" font-size=\"11\" fill=\"#1a1a1a\">{}</text>\n",
                           fmt_coord(y + 13), xml_escape(name));
        for (size_t i = 0; i < n && i < r.states.size(); ++i) {
            double x = left + cell_w * double(i);
            if (!r.states[i]) {
                continue;
            }
            size_t k = size_t(*r.states[i]);
            out += fmt::format(
                "<rect data-status=\"{}\" data-row=\"{}\" data-period=\"{}\" x=\"{}\" y=\"{}\" "
                "width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\"/>",
                k_status_keys[k], row, i, fmt_coord(x), fmt_coord(y), fmt_coord(cell_w), k_cell_h,
                k_status_fill[k]);
            if (cell_w >= 14) {
                out += fmt::format(
                    "<text x=\"{}\" y=\"{}\" font-size=\"10\" "
                    "text-anchor=\"middle\" fill=\"{}\">{}</text>",
                    fmt_coord(x + cell_w / 2), fmt_coord(y + 12.5), k_status_ink[k],
                    xml_escape(l.status_letters[k]));
            }
            out += "\n";
        }
    }
    out += status_legend(8, height - 24, l, true);
    out += "</svg>\n";
    return out;
}

std::string text_chart(const LineChart& c, const Labels& l) {
    struct Row {
        std::string label;
        double value;
    };
    std::vector<Row> rows;
    const auto& values = c.series.front().values;
    for (size_t i = 0; i < values.size() && i < c.x_labels.size(); ++i) {
        if (values[i]) {
            rows.push_back({c.x_labels[i], *values[i]});
        }
    }
    if (c.target) {
        rows.push_back({c.target_label, *c.target});
    }
    if (rows.empty()) {
        return "";
    }
    double low = rows[0].value;
    double high = low;
    for (const auto& r : rows) {
        low = std::min(low, r.value);
        high = std::max(high, r.value);
    }
    Axis axis = nice_axis(low, high);
    size_t label_width = 0;
    size_t value_width = 0;
    for (const auto& r : rows) {
        label_width = std::max(label_width, utf8_length(r.label));
        value_width = std::max(value_width, number(r.value, l, c.decimals).size());
    }
    std::string out;
    constexpr int k_width = 40;
    for (const auto& r : rows) {
        int filled = int(std::lround((r.value - axis.from) / (axis.to - axis.from) * k_width));
        std::string value = number(r.value, l, c.decimals);
        out += r.label + std::string(label_width - utf8_length(r.label), ' ') + "  " +
               std::string(value_width - value.size(), ' ') + value;
        if (filled > 0) {
            out += "  ";
        }
        for (int i = 0; i < filled; ++i) {
            out += "█";
        }
        out += "\n";
    }
    // Where the bars start, when it is not zero: a reader must not take them for the whole.
    if (axis.from != 0) {
        out += std::string(label_width + value_width + 4, ' ') + "^ " +
               fmt::format(fmt::runtime(l.bars_from), number(axis.from, l, 2)) + "\n";
    }
    return out;
}

namespace {

// Returns `s` safe inside a quoted Mermaid string: characters that end the
// string, start a statement or could read as markup become spaces.
std::string mermaid_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        bool unsafe = std::string_view("\"<>;#{}[]`\\\n\r\t").find(c) != std::string_view::npos;
        char put = unsafe ? ' ' : c;
        if (put != ' ' || (!out.empty() && out.back() != ' ')) {
            out += put;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

}  // namespace

std::string mermaid_chart(const LineChart& c, const Labels& /*l*/) {
    std::vector<std::string> labels;
    double low = HUGE_VAL;
    double high = -HUGE_VAL;
    for (const auto& label : c.x_labels) {
        labels.push_back("\"" + mermaid_text(label) + "\"");
    }
    std::string lines;
    for (const auto& s : c.series) {
        std::vector<std::string> values;
        double before = 0;
        for (const auto& v : s.values) {
            // Mermaid has no gaps; a missing value repeats the one before.
            double x = v ? *v : before;
            before = x;
            values.push_back(fmt::format("{}", x));
            low = std::min(low, x);
            high = std::max(high, x);
        }
        lines += "    line [" + join(values, ", ") + "]\n";
    }
    if (c.target) {
        std::vector<std::string> target(c.x_labels.size(), fmt::format("{}", *c.target));
        lines += "    line [" + join(target, ", ") + "]\n";
        low = std::min(low, *c.target);
        high = std::max(high, *c.target);
    }
    Axis axis = c.y_min && c.y_max ? Axis{*c.y_min, *c.y_max, 1} : nice_axis(low, high);
    std::string out = "xychart-beta\n";
    out += "    title \"" + mermaid_text(c.title) + "\"\n";
    out += "    x-axis [" + join(labels, ", ") + "]\n";
    out += "    y-axis \"" + mermaid_text(c.y_label) + "\" " +
           fmt::format("{} --> {}", axis.from, axis.to) + "\n";
    return out + lines;
}

}  // namespace plg
