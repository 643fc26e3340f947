#pragma once

#include <string>
#include <vector>

namespace plg {

// A file's bytes after an in-place edit, and the values the edit means to
// change, as paths of keys and list positions counted from 0 ("status",
// "actions.1.done"; "progress.+" for items added at the end of that list; ""
// for the whole file). Store::change refuses the edit when any other value
// reads differently afterwards.
struct Revision {
    std::string bytes;
    std::vector<std::string> changes;
};

}  // namespace plg
