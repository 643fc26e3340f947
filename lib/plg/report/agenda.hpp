#pragma once

// The next meeting's agenda: when it falls by the cadence, the norms, where each
// active goal stands, every open action, who facilitates and holds the other
// roles by rotation, and the question in focus last time. Printed as Markdown
// or JSON, and the start of the next meeting's file (meeting add --from-agenda).

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plg/store/store.hpp"

namespace plg {

struct AgendaAction {
    ActionAt at;
    std::optional<Date> due;  // as it stands on the day the agenda is made
    bool overdue = false;     // due before the meeting's date
};

struct Agenda {
    const Community* community = nullptr;
    Date date;
    bool date_from_cadence = false;  // false: the date was given
    const Meeting* last = nullptr;   // the last meeting before `date`
    std::vector<Goal> goals;         // active, as they stood when the agenda was made
    std::vector<AgendaAction> actions;
    std::string facilitator;                                 // by rotation; "" when no member
    std::vector<std::pair<std::string, std::string>> roles;  // role -> member, by rotation
};

// The agenda of the meeting after the records' last one: on `date`, or, when
// not given, one cadence after the last meeting (the day after a break it
// would fall in; never before `today`).
Agenda build_agenda(const Plg& plg, std::optional<Date> date, Date today);

// The agenda as Markdown in `language` (a code of languages()), and as JSON.
std::string agenda_markdown(const Agenda& a, std::string_view language);
nlohmann::json agenda_json(const Agenda& a);

// The next meeting's record as the agenda proposes it: date, facilitator,
// roles, agenda items, the open actions carried and the active goals.
// The agenda items are in `language`.
Meeting agenda_meeting(const Agenda& a, std::string_view language);

}  // namespace plg
