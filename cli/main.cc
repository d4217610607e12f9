// dossier: full-text search for foreign-policy news. Subcommands live in
// cli/cmd_*.cc; this file wires them up and turns failures into exit codes.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Dossier: full-text search for foreign-policy news", "dossier"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dossier 0.1.0");
  dossier::register_index_command(app);
  dossier::register_search_command(app);
  dossier::register_stats_command(app);
  dossier::register_entities_command(app);
  dossier::register_compact_command(app);
  dossier::register_tag_command(app);
  dossier::register_eval_ner_command(app);
  if (argc > 1 && argv[1][0] != '-') {
    std::string name = argv[1];
    bool known = false;
    std::string names;
    for (const CLI::App* sub : app.get_subcommands({})) {
      known = known || sub->get_name() == name;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::cerr << "dossier: error: unknown command '" << name << "'; choose from " << names << std::endl;
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line naming the argument, and where to look for the rest.
    std::cerr << "dossier: error: " << e.what() << " (see `dossier --help`)" << std::endl;
    return e.get_exit_code() == 0 ? 0 : 2;
  } catch (const dossier::CommandFailure& f) {
    return f.code;
  } catch (const std::exception& e) {
    std::cerr << "dossier: error: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}
