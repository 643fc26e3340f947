#pragma once

#include "options.hpp"

namespace plg::cli {

// Each adds its subcommand(s) to `app` and registers what runs them.
void setup_init(CLI::App& app, Commands& commands);
void setup_member(CLI::App& app, Commands& commands);
void setup_meeting(CLI::App& app, Commands& commands);
void setup_action(CLI::App& app, Commands& commands);
void setup_goal(CLI::App& app, Commands& commands);
void setup_reflect(CLI::App& app, Commands& commands);
void setup_report(CLI::App& app, Commands& commands);
void setup_network(CLI::App& app, Commands& commands);
void setup_check(CLI::App& app, Commands& commands);
void setup_completion(CLI::App& app, Commands& commands);

}  // namespace plg::cli
