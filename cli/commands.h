// The dossier subcommands. Each registers itself on the app with its options and
// a callback; main() only parses and maps failures to exit codes.
#pragma once

#include <CLI/CLI.hpp>

namespace dossier {

void register_index_command(CLI::App& app);
void register_search_command(CLI::App& app);
void register_stats_command(CLI::App& app);
void register_entities_command(CLI::App& app);
void register_compact_command(CLI::App& app);
void register_tag_command(CLI::App& app);
void register_eval_ner_command(CLI::App& app);

}  // namespace dossier
