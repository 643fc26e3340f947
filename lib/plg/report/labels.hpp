#pragma once

// Every word a reader sees in a report or an agenda. The English table is in
// labels.cpp; every other language is that table translated by its catalog,
// po/LANG.po (plg/base/i18n.hpp), so adding a language touches no C++.
// tests/unit/test_labels.cpp renders every label of every language with the
// arguments the code gives it.

#include <array>
#include <span>
#include <string_view>

namespace plg {

// A label holding "{}" is a format string: the comment beside it says what
// fills each "{}", in order.
struct Labels {
    std::string_view code;
    std::array<std::string_view, 12> months;
    std::array<std::string_view, 12> short_months;
    std::string_view decimal;
    std::string_view report;          // "Report"
    std::string_view period_from_to;  // "{} to {}"
    std::string_view summary;
    std::string_view meetings_held;  // "{} of {} expected (one every {} days)"
    std::string_view cadence_assumed;
    std::string_view attendance_rate;
    std::string_view not_recorded;
    std::string_view person_hours;
    std::string_view goals_line;    // "{} active, {} achieved, {} not achieved, {} dropped"
    std::string_view actions_line;  // "{} open, {} overdue, {} carried forward, {} cancelled"
    std::string_view reflections;
    std::string_view last_meeting_label;
    std::string_view last_meeting;  // "{} ({} days before {})"
    std::string_view never;
    std::string_view status;
    std::array<std::string_view, 3> statuses;  // active, at risk, dormant
    std::string_view status_rule;              // 2c, 6c and 4c working days (c: the cadence)
    std::string_view meetings;
    std::string_view date;
    std::string_view title;
    std::string_view facilitator;
    std::string_view attendance;
    std::string_view decisions;
    std::string_view member;
    std::string_view attended;
    std::string_view hours;
    std::string_view roles;
    std::string_view roles_intro;
    std::string_view goals;
    std::string_view owners;
    std::string_view due;
    std::string_view progress;                      // "baseline → latest → target"
    std::string_view of_the_way;                    // "{}% of the way"
    std::array<std::string_view, 4> goal_statuses;  // active, achieved, not achieved, dropped
    std::string_view measured;                      // "Measured"
    std::string_view value;
    std::string_view evidence;
    std::string_view baseline;
    std::string_view target;
    std::string_view actions;
    std::string_view open_actions;
    std::string_view completed_actions;
    std::string_view owner;
    std::string_view action;
    std::string_view overdue;
    std::string_view agreed;
    std::string_view done_on;
    std::string_view cancelled_actions;  // "Cancelled in this period"
    std::string_view cancelled_on;
    std::string_view note;
    std::string_view carried_count;  // "carried forward {}×"
    std::string_view dimension;
    std::string_view trend;
    std::string_view ratings_intro;
    std::string_view next_steps;
    std::string_view quarter;  // "Q"
    std::string_view per_month;
    std::string_view per_quarter;
    std::string_view none;
    std::string_view network_title;
    std::string_view plgs_line;
    std::string_view unreadable_line;
    std::string_view totals;
    std::string_view questions;
    std::string_view q_age;
    std::string_view q_sustained;
    std::string_view q_cost;
    std::string_view q_goals;
    std::string_view plg;
    std::string_view school;
    std::string_view rating;
    std::string_view attention;
    std::string_view attention_line;
    std::string_view problems;
    std::string_view problems_intro;
    std::string_view groups;
    std::string_view unlabelled;
    std::string_view unreadable;
    // Added with "as of a date" (issue 13).
    std::string_view goals_overdue;     // ", {} past their due date"
    std::string_view break_days;        // "; {} days of breaks not counted"
    std::string_view status_over_time;  // "Status per {}" (month, quarter, year)
    std::string_view per_year;
    std::string_view not_founded;  // a timeline cell before the PLG began
    std::string_view revived;
    std::string_view joined_on;  // "joined {}"
    std::string_view left_on;    // "left {}"
    std::string_view past_due;
    std::string_view guests;
    std::string_view founded_after;  // "Not in this report, founded after {}: {}."
    std::string_view q_revived;      // "Did dormant PLGs revive? {} of {} ..."
    std::string_view survival;
    std::string_view survival_intro;  // "... by {}" (the period's end)
    std::string_view cohort;          // "Founded in"
    std::string_view origin;
    std::array<std::string_view, 4> origins;  // mandate, project, support, not recorded
    std::string_view after_months;            // "After {} months"
    std::string_view all_plgs;
    std::array<std::string_view, 3> status_letters;  // one letter each: active, at risk, dormant
    std::string_view timeline_legend;  // "{} active, {} at risk, {} dormant, {} not yet founded"
    std::string_view status_over_time_heading;
    // The next meeting's agenda (plg meeting next).
    std::string_view agenda_title;     // "Agenda: {}" (the PLG's name)
    std::string_view agenda_date;      // "Next meeting: {}"
    std::string_view agenda_cadence;   // " ({} days after the last meeting, on {})"
    std::string_view agenda_roles;     // the roles by rotation
    std::string_view agenda_rotation;  // how they were chosen
    std::string_view agenda_norms;
    std::string_view agenda_goals;
    std::string_view agenda_goal_line;  // "latest {} on {}, target {}"
    std::string_view agenda_no_value;
    std::string_view agenda_actions;
    std::string_view agenda_no_actions;
    std::string_view agenda_due;         // "due {}"
    std::string_view agenda_focus_last;  // "Last time ({}) the focus was: {}"
    std::array<std::string_view, 4>
        focus_names;  // DuFour's questions: learn, evidence, support, extend
    std::array<std::string_view, 4> agenda_items;  // opening and norms, goals, actions, closing
    // Added with the HTML report, the charts, the story and the minutes (issue 14).
    std::string_view thousands;     // the thousands separator: "," in 12,345
    std::string_view percent_sign;  // "%", after the number
    std::string_view quarter_of;    // "Q{} {}": the quarter's number and the year
    std::string_view vision_norms;  // a heading
    std::string_view norms_intro;   // "Our norms:"
    std::string_view focus;         // "Focus"
    std::string_view focus_intro;   // "... the {} meetings of the period ..." (their number)
    std::string_view question;
    std::string_view no_focus;         // a row: meetings without a focus
    std::string_view minutes_of;       // "Minutes of each meeting"
    std::string_view meeting_heading;  // "{}: {}" (the date, the title)
    std::string_view agenda;
    std::string_view notes;
    std::string_view data;
    std::string_view protocol;
    std::string_view shortened;  // "Shortened; ... plg meeting show {} ..." (the meeting's id)
    std::string_view went_well;
    std::string_view challenges;
    std::string_view changes;             // "Since the last report"
    std::string_view changes_intro;       // "... since {} ..." (the day before the period)
    std::string_view change_status;       // "Status: {} → {}"
    std::string_view change_goal;         // "{}: {} → {}" (the goal, the value before and now)
    std::string_view change_new_goal;     // "New goal: {}"
    std::string_view change_goal_closed;  // "{}: {}" (the goal, its status now)
    std::string_view change_joined;       // "Joined: {}" (names)
    std::string_view change_left;         // "Left: {}"
    std::string_view no_changes;
    std::string_view chart_measured;  // the legend of a goal's measured values
    std::string_view chart_target;    // "target {}"
    std::string_view ratings_chart;   // "Self-assessment per {}" (month or quarter)
    std::string_view status_chart;    // "Status per {}"
    std::string_view minutes_title;   // "Minutes: {}" (the meeting's title)
    std::string_view present;
    std::string_view absent;
    std::string_view absence_unrecorded;  // an expected member neither present nor absent
    std::string_view duration;
    std::string_view minutes_count;  // "{} minutes"
    std::string_view actions_agreed;
    std::string_view carried_open;  // open actions of earlier meetings on the day
    std::string_view taken_up;      // "taken up again here"
    std::string_view next_meeting;
    std::string_view next_by_cadence;  // "{} (by the cadence; not yet planned)"
    std::string_view role_note_taker;
    std::string_view role_timekeeper;
    std::string_view goals_worked_on;  // "Goals worked on"
    std::string_view description;      // the table's text column
    std::string_view folder;           // the network table's column: where a PLG is
    std::string_view plgs_heading;     // "PLGs"
    std::string_view goals_reached;    // "{} of {} achieved"
    std::string_view status_per_plg;   // the grid's title
    std::string_view bars_from;        // "the bars start at {}" (not at zero)
    std::string_view colon;            // ": " after a label ("Status: active"); " : " in French
};

// Returns the labels of `language` (a code of languages()); English for any other.
const Labels& labels_for(std::string_view language);

// Every language's labels, English first.
std::span<const Labels* const> all_labels();

}  // namespace plg
