#include "plg/report/labels.hpp"

#include <bit>
#include <string>
#include <vector>

#include "plg/base/i18n.hpp"

#include "plg/report/report.hpp"

namespace plg {

namespace {

constexpr Labels k_english{
    "en",
    {N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
     N_("August"), N_("September"), N_("October"), N_("November"), N_("December")},
    {N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"),
     N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec")},
    NC_("decimal separator", "."),
    N_("Report"),
    N_("{} to {}"),
    N_("Summary"),
    N_("{} of {} expected (one every {} days)"),
    N_(" (no cadence in plg.yaml; {} days assumed)"),
    N_("Attendance"),
    N_("not recorded"),
    N_("Person-hours"),
    N_("{} active, {} achieved, {} not achieved, {} dropped"),
    N_("{} open, {} overdue, {} carried forward, {} cancelled"),
    N_("Reflections"),
    N_("Last meeting"),
    N_("{} ({} days before {})"),
    N_("none"),
    N_("Status"),
    {N_("active"), N_("at risk"), N_("dormant")},
    N_("Active: met within the last {} days (twice the cadence) and held at least half of the "
       "meetings expected in the last {} days; at risk: a longer gap, or fewer meetings; dormant: "
       "no "
       "meeting for more than {} days. Days in breaks are not counted."),
    N_("Meetings"),
    N_("Date"),
    N_("Title"),
    N_("Facilitator"),
    N_("Attendance"),
    N_("Decisions"),
    N_("Member"),
    N_("Attended"),
    N_("Hours"),
    N_("Roles"),
    N_("Who led meetings and held the other roles (shared leadership):"),
    N_("Goals"),
    N_("Owners"),
    N_("Due"),
    N_("Baseline → latest → target"),
    N_("{}% of the way"),
    {NC_("goal status", "active"), NC_("goal status", "achieved"),
     NC_("goal status", "not achieved"), NC_("goal status", "dropped")},
    N_("Measured"),
    N_("Value"),
    N_("Evidence"),
    N_("baseline"),
    N_("target"),
    N_("Actions"),
    N_("Open"),
    N_("Completed in this period"),
    N_("Owner"),
    N_("Action"),
    N_("overdue"),
    N_("Agreed"),
    N_("Done"),
    N_("Cancelled in this period"),
    N_("Cancelled"),
    N_("Why"),
    N_("carried forward {}×"),
    N_("Dimension"),
    N_("Trend"),
    N_("Average self-assessment per {} (1 = not at all, 5 = fully):"),
    N_("Next steps"),
    NC_("quarter", "Q"),
    N_("month"),
    N_("quarter"),
    N_("—"),
    N_("Network report"),
    N_("{} PLGs: {} active, {} at risk, {} dormant"),
    N_(", {} that could not be read"),
    N_("Totals"),
    N_("Programme questions"),
    N_("How long have they existed? Founded a median of {} months before {} (from {} to {} "
       "months); "
       "{} record no founding date."),
    N_("Did they stay active? {} of {} ({}) met within twice their cadence; {} are at risk and {} "
       "dormant."),
    N_("What do they cost? {} person-hours in meetings, {} per PLG on average."),
    N_("Do they reach their goals? {} of {} goals achieved ({})."),
    N_("PLG"),
    N_("School"),
    N_("Rating"),
    N_("Needing attention"),
    N_("{}: {}, last meeting {}"),
    N_("Problems"),
    N_("These PLGs have files plg could not read; their numbers leave those files out."),
    N_("By {}"),
    N_("(none)"),
    N_("unreadable"),
    N_(", {} past their due date"),
    N_("; {} days of breaks not counted"),
    N_("Status per {}"),
    N_("year"),
    N_("not yet founded"),
    N_("Revived"),
    N_("joined {}"),
    N_("left {}"),
    N_("past due"),
    N_("Guests"),
    N_("Not in this report, founded after {}: {}."),
    N_("Did dormant PLGs revive? {} of the {} that were dormant in the period became active "
       "again."),
    N_("Survival"),
    N_("Share of PLGs active 6, 12 and 24 months after they were founded, counting the PLGs that "
       "were that old by {}:"),
    N_("Founded in"),
    N_("Origin"),
    {NC_("origin", "mandate"), NC_("origin", "project"), NC_("origin", "mutual support"),
     NC_("origin", "not recorded")},
    N_("After {} months"),
    N_("All PLGs"),
    {NC_("status letter", "A"), NC_("status letter", "R"), NC_("status letter", "D")},
    N_("{}: active, {}: at risk, {}: dormant, {}: not yet founded."),
    N_("Status over time"),
    N_("Agenda: {}"),
    N_("Next meeting: {}"),
    N_(" ({} days after the last meeting, on {})"),
    N_("Roles"),
    N_("By rotation: whoever held the role longest ago (or never) takes it."),
    N_("Our norms"),
    N_("Goals: where we stand"),
    N_("latest {} on {}, target {}"),
    N_("no measurement yet"),
    N_("Open actions"),
    N_("No open actions."),
    N_("due {}"),
    N_("Last time ({}) the focus was: {}."),
    {N_("what students should learn"), N_("how we know they have learned it"),
     N_("how we respond when they do not learn it"),
     N_("how we extend learning when they already have")},
    {N_("Opening and our norms"), N_("Goals: where we stand"), N_("Open actions"),
     N_("Closing: decisions, actions and roles for next time")},
    NC_("thousands separator", ","),
    NC_("percent sign", "%"),
    N_("Q{} {}"),
    N_("Vision and norms"),
    N_("Our norms:"),
    N_("Focus"),
    N_("Which of DuFour's four questions the {} meetings of the period worked on (a meeting may "
       "work on more than one):"),
    N_("Question"),
    N_("no focus recorded"),
    N_("The meetings"),
    N_("{}: {}"),
    N_("Agenda"),
    N_("Notes"),
    N_("Data"),
    N_("Protocol"),
    N_("Shortened; the full minutes: plg meeting show {} --format md"),
    N_("What went well"),
    N_("Challenges"),
    N_("Since the last report"),
    N_("What changed since {}, the day before this period:"),
    N_("Status: {} → {}"),
    N_("{}: {} → {}"),
    N_("New goal: {}"),
    N_("{}: {}"),
    N_("Joined: {}"),
    N_("Left: {}"),
    N_("No change in status, goals or members."),
    N_("measured"),
    N_("target {}"),
    N_("Self-assessment per {} (1 to 5)"),
    N_("Status per {}"),
    N_("Minutes: {}"),
    N_("Present"),
    N_("Absent"),
    N_("not recorded"),
    N_("Duration"),
    N_("{} minutes"),
    N_("Actions agreed"),
    N_("Open actions from earlier meetings"),
    N_("taken up again in this meeting"),
    N_("Next meeting"),
    N_("{} (by the cadence; not yet planned)"),
    N_("note-taker"),
    N_("timekeeper"),
    N_("Goals worked on"),
    N_("Description"),
    N_("Folder"),
    N_("PLGs"),
    N_("{} of {} achieved"),
    N_("Status of each PLG"),
    N_("the bars start at {}"),
    NC_("after a label", ": "),
};

// The English labels translated into `code` by its catalog, field by field.
Labels translated(const std::string& code) {
    constexpr std::size_t k_fields = sizeof(Labels) / sizeof(std::string_view);
    static_assert(sizeof(Labels) == k_fields * sizeof(std::string_view),
                  "Labels holds only string_views, so it can be walked as an array of them");
    auto fields = std::bit_cast<std::array<std::string_view, k_fields>>(k_english);
    for (auto& field : fields) {
        field = translate(code, {}, field);
    }
    auto l = std::bit_cast<Labels>(fields);
    l.code = code;
    // The labels whose English is too short to stand without a context.
    l.decimal = translate(code, "decimal separator", k_english.decimal);
    l.quarter = translate(code, "quarter", k_english.quarter);
    l.thousands = translate(code, "thousands separator", k_english.thousands);
    l.percent_sign = translate(code, "percent sign", k_english.percent_sign);
    l.colon = translate(code, "after a label", k_english.colon);
    for (std::size_t i = 0; i < l.status_letters.size(); ++i) {
        l.status_letters[i] = translate(code, "status letter", k_english.status_letters[i]);
    }
    for (std::size_t i = 0; i < l.goal_statuses.size(); ++i) {
        l.goal_statuses[i] = translate(code, "goal status", k_english.goal_statuses[i]);
    }
    for (std::size_t i = 0; i < l.origins.size(); ++i) {
        l.origins[i] = translate(code, "origin", k_english.origins[i]);
    }
    return l;
}

// Every language's labels, made once (before any thread asks, or under the
// static's own lock).
const std::vector<Labels>& every_language() {
    static const std::vector<Labels> all = [] {
        std::vector<Labels> v;
        for (const auto& code : languages()) {
            v.push_back(translated(code));
        }
        return v;
    }();
    return all;
}

}  // namespace

const Labels& labels_for(std::string_view language) {
    for (const auto& l : every_language()) {
        if (l.code == language) {
            return l;
        }
    }
    return every_language().front();
}

std::span<const Labels* const> all_labels() {
    static const std::vector<const Labels*> pointers = [] {
        std::vector<const Labels*> v;
        for (const auto& l : every_language()) {
            v.push_back(&l);
        }
        return v;
    }();
    return pointers;
}

}  // namespace plg
