#pragma once

// The charts of the reports, drawn by plg as SVG (inline in HTML, files beside
// a Markdown report), and the same data as a Mermaid block (GitHub and GitLab
// draw it) or a text chart (terminals). A chart is data first: the report's
// sections fill a Chart, and each form draws it, so every form shows the same
// numbers. The SVG is self-contained, uses real text (titles, axis labels,
// values, a legend) and tells series apart by line style and marker as well
// as colour, so that it survives greyscale printing.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/report/labels.hpp"

namespace plg {

struct ChartSeries {
    std::string name;
    std::vector<std::optional<double>> values;  // one per point; nullopt leaves a gap
};

// A line chart over points in time (a goal's measurements, placed by date) or
// over periods (ratings per month or quarter, evenly spaced).
struct LineChart {
    std::string name;                   // the file name without ".svg": "goal-tafels"
    std::string title;                  // plain text
    std::string y_label;                // the unit, plain text
    std::vector<Date> dates;            // when given, points are placed by date
    std::vector<std::string> x_labels;  // one per point
    std::vector<ChartSeries> series;
    std::optional<double> target;  // a dashed horizontal line
    std::string target_label;      // "Target 80%"
    std::optional<double> y_min;   // a fixed scale (ratings: 1 to 5)
    std::optional<double> y_max;
    int decimals = 2;          // of the values shown
    std::string value_suffix;  // "%"
};

// A strip of periods, each with its status (the status timeline).
struct StatusStrip {
    std::string name;
    std::string title;
    std::vector<std::string> labels;         // a period each: "sep 2025"
    std::vector<std::optional<int>> states;  // 0 active, 1 at risk, 2 dormant; nullopt: not founded
};

// Each PLG's status at each point of a timeline: a grid, a row per PLG. In
// Markdown a table of status letters; in HTML coloured cells, letters kept.
struct StatusGrid {
    std::string name;
    std::string title;
    std::vector<std::string> labels;  // a period each
    struct Row {
        std::string name;  // plain text
        std::vector<std::optional<int>> states;
    };
    std::vector<Row> rows;
};

// How many PLGs had each status at each point of a timeline: stacked bars.
struct StatusBars {
    std::string name;
    std::string title;
    std::vector<std::string> labels;         // a period each
    std::vector<std::array<int, 4>> counts;  // active, at risk, dormant, not yet founded
};

// The y-axis of values from `low` to `high` (a target included): "nice" ticks,
// starting at zero unless zero would squeeze the change into a thin band (the
// values all lie far above it), as a measured 58 → 71 against a target of 75.
struct Axis {
    double from = 0;
    double to = 1;
    double step = 1;
};
Axis nice_axis(double low, double high);

// The chart as an SVG document (no XML declaration; it is valid inline in
// HTML and as a file), with `<title>` and `<desc>` for screen readers.
std::string svg_chart(const LineChart& c, const Labels& l);
std::string svg_chart(const StatusStrip& s, const Labels& l);
std::string svg_chart(const StatusBars& b, const Labels& l);
std::string svg_chart(const StatusGrid& g, const Labels& l);

// The chart as a text bar chart for a fenced ```text block: one bar per point
// of the first series and the target, starting at the axis's first tick.
std::string text_chart(const LineChart& c, const Labels& l);

// The chart as a Mermaid xychart-beta block (without the fences).
std::string mermaid_chart(const LineChart& c, const Labels& l);

// Returns `s` escaped for XML text and attribute values.
std::string xml_escape(std::string_view s);

}  // namespace plg
