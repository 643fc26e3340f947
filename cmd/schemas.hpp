#pragma once

// The JSON Schemas of docs/schema/, built into plg so that 'plg init' can give a
// new PLG the schemas editors validate its files with.

#include <string_view>
#include <utility>
#include <vector>

namespace plg::cli {

// File name ("meeting.schema.json") and contents of each schema.
const std::vector<std::pair<std::string_view, std::string_view>>& schema_files();

}  // namespace plg::cli
