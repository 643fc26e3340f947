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
void setup_network_pull(CLI::App& network, Commands& commands);
void setup_check(CLI::App& app, Commands& commands);
void setup_export(CLI::App& app, Commands& commands);
void setup_import(CLI::App& app, Commands& commands);
void setup_completion(CLI::App& app, Commands& commands);

// Returns the id of the action `ref` names (its id, or MEETING#N), giving it
// one in its meeting's file when it has none.
std::string ensure_action_id(const Store& store, const std::string& ref);
// Every action id in the PLG's meeting files, so that a new one is unique.
std::vector<std::string> taken_action_ids(const Store& store);

}  // namespace plg::cli
