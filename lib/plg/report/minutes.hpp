#pragma once

// A meeting's minutes (notulen and actielijst): the document a coordinator
// sends right after a meeting. Who was there, absent with reasons, guests,
// the agenda, notes, decisions, the actions agreed with owners and dates, the
// open actions carried from earlier meetings, the goals worked on, and the
// next meeting when it is known. Everything as the records said on the
// meeting's day, except the next meeting, which may be planned later.

#include <string>
#include <string_view>

#include "plg/store/store.hpp"

namespace plg {

// Returns the minutes of `meeting` (one of plg.meetings) as Markdown (with a
// pandoc metadata block) or, when `html`, as one self-contained HTML page, in
// `language`. `today` dates the next meeting by the cadence when none is recorded.
std::string render_minutes(const Plg& plg, const Meeting& meeting, std::string_view language,
                           Date today, bool html);

}  // namespace plg
