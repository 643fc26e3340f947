#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plg::cli {

// Runs `args` (args[0] looked up on PATH) in `cwd`, with stdin from /dev/null,
// and returns its exit status with its stdout and stderr joined in `output`.
// `env` adds to (or replaces in) plg's environment: "NAME=value" each.
// Returns nullopt when the program cannot be started (not installed).
std::optional<int> run_process(const std::vector<std::string>& args,
                               const std::filesystem::path& cwd, std::string& output,
                               const std::vector<std::string>& env = {});

}  // namespace plg::cli
