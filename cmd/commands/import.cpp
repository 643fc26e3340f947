#include "plg/import/import.hpp"
#include "commands.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"

namespace plg::cli {

namespace {

namespace fs = std::filesystem;

constexpr size_t k_max_register_bytes = 64 << 20;

struct ImportOptions {
    std::string file;
    std::string map;
    bool dry_run = false;
};

std::string describe(const std::vector<std::string>& present, const std::vector<Absence>& absent) {
    std::vector<std::string> parts;
    if (!present.empty()) {
        parts.push_back(tr("present: {}", join(present)));
    }
    if (!absent.empty()) {
        std::vector<std::string> names;
        for (const auto& a : absent) {
            names.push_back(a.reason.empty() ? a.member : a.member + " (" + a.reason + ")");
        }
        parts.push_back(tr("absent: {}", join(names, "; ")));
    }
    return join(parts, "; ");
}

int run_import(ImportKind kind, const ImportOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    std::string map_bytes = read_file(ctx.cwd / opt.map, opt.map);
    ImportMap map;
    try {
        map = read_import_map(opt.map, std::move(map_bytes), kind);
    } catch (const InvalidRecord& e) {
        print_diagnostics(ctx.err, e.problems(), ctx.color_err);
        ctx.err << "plg: error: "
                << tr("fix the map file {} and import again (docs/import.md shows one)", opt.map)
                << '\n';
        return 1;
    }
    std::string text = read_file(ctx.cwd / opt.file, opt.file, k_max_register_bytes);
    CsvTable table = parse_csv(opt.file, text, map.separator);
    Plg plg = load_plg(store, ctx, true);
    if (!plg.community) {
        throw Error(tr("plg.yaml cannot be read; fix it first ('plg check')"));
    }
    ImportPlan plan = plan_import(kind, opt.file, table, map, plg);

    int added = 0;
    for (const auto& change : plan.attendance) {
        std::string shown = store.shown(Kind::meeting, change.meeting);
        added += int(change.present.size() + change.absent.size());
        if (opt.dry_run) {
            ctx.out << shown << ": " << describe(change.present, change.absent) << '\n';
            continue;
        }
        store.change(
            Kind::meeting, change.meeting,
            [&](const std::string& bytes) -> std::optional<Revision> {
                return edit_add_attendance(shown, bytes, change.present, change.absent);
            },
            [&](const std::string& updated) {
                Parsed<Meeting> after = read_meeting(shown, updated, change.meeting, References{});
                if (!after.record) {
                    throw InvalidRecord(after.problems);
                }
            });
    }
    std::vector<std::string> created;
    for (const Meeting& m : plan.created) {
        std::string slug = slugify(m.title);
        std::string base = m.date.iso() + "-" + (slug.empty() ? "meeting" : slug);
        std::string what =
            m.date.iso() + " " + m.title +
            (m.minutes ? ", " + trn("{} minute", "{} minutes", *m.minutes, *m.minutes)
                       : std::string()) +
            (m.attendees.empty() && m.absent.empty() ? std::string()
                                                     : "; " + describe(m.attendees, m.absent));
        if (opt.dry_run) {
            ctx.out << tr("new meeting: {}", what) << '\n';
            continue;
        }
        created.push_back(*store.create(Kind::meeting, base, write_meeting(m)));
    }
    for (const auto& id : created) {
        ctx.out << id << '\n';
    }

    int skipped = int(plan.skipped.size());
    // "Added 5 attendances to 2 meetings, created 1 meeting (12 rows; 3 were in the records
    // already)"
    std::vector<std::string> done;
    if (added > 0 || plan.created.empty()) {
        std::string meetings =
            trn("{} meeting", "{} meetings", plan.attendance.size(), plan.attendance.size());
        done.push_back(opt.dry_run ? trn("would add {} attendance to {}",
                                         "would add {} attendances to {}", added, added, meetings)
                                   : trn("added {} attendance to {}", "added {} attendances to {}",
                                         added, added, meetings));
    }
    if (!plan.created.empty()) {
        done.push_back(opt.dry_run ? trn("would create {} meeting", "would create {} meetings",
                                         plan.created.size(), plan.created.size())
                                   : trn("created {} meeting", "created {} meetings",
                                         plan.created.size(), plan.created.size()));
    }
    if (added == 0 && plan.created.empty()) {
        done = {opt.dry_run ? tr("nothing would be added") : tr("nothing to add")};
    }
    std::string summary = join(done, ", ");
    summary[0] = char(std::toupper(static_cast<unsigned char>(summary[0])));
    summary += " (" + trn("{} row", "{} rows", plan.rows, plan.rows);
    if (plan.already > 0) {
        summary += "; " + trn("{} was in the records already", "{} were in the records already",
                              plan.already, plan.already);
    }
    summary += ")";
    inform(ctx, summary);
    if (skipped > 0) {
        print_diagnostics(ctx.err, plan.skipped, ctx.color_err);
        ctx.err << "plg: error: "
                << trn("{} row was not imported (above); fix it in {} and import again (what "
                       "is already in the records is not added twice)",
                       "{} rows were not imported (above); fix them in {} and import again "
                       "(what is already in the records is not added twice)",
                       skipped, skipped, opt.file)
                << '\n';
        return 1;
    }
    return 0;
}

void add_import(CLI::App& parent, Commands& commands, ImportKind kind, const char* name,
                std::string description, std::string footer) {
    auto opt = std::make_shared<ImportOptions>();
    CLI::App* cmd = parent.add_subcommand(name, description);
    cmd->add_option("FILE", opt->file, trp("The CSV file (UTF-8; ',', ';' or tab between fields)"))
        ->required()
        ->type_name("FILE.csv");
    cmd->add_option("--map", opt->map, trp("The map file: which column holds what"))
        ->required()
        ->type_name("MAP.yaml");
    cmd->add_flag("-n,--dry-run", opt->dry_run,
                  trp("Show what would be written, and write nothing"));
    cmd->footer(footer);
    commands.push_back(
        {cmd, [opt, kind](const Context& ctx) { return run_import(kind, *opt, ctx); }});
}

}  // namespace

void setup_import(CLI::App& app, Commands& commands) {
    CLI::App* import = app.add_subcommand(
        "import", trp("Attendance registers and meetings from a spreadsheet or survey (CSV)"));
    import->require_subcommand(1);
    add_import(*import, commands, ImportKind::attendance, "attendance",
               trp("Who attended existing meetings, from a register (one row per member and "
                   "meeting)"),
               trp(R"(
Examples:
  plg import attendance register.csv --map register-map.yaml --dry-run
  plg import attendance register.csv --map register-map.yaml

register-map.yaml names the CSV's columns:
  columns:
    date: Datum            # the meeting's date
    member: Naam           # the member's id or full name
    present: Aanwezig      # ja/nee, x, 1/0, yes/no (without it: every row present)
    reason: Reden          # why absent (optional)
  date_format: DD-MM-YYYY  # optional; default YYYY-MM-DD

A row is matched to the meeting on its date (add 'meeting: COLUMN' with the
meeting's id or title for days with more than one) and to a member by id or
full name. A row that matches nothing, or contradicts the records, is listed
with its line and never guessed; importing the same file again adds nothing
twice. See docs/import.md.)"));
    add_import(*import, commands, ImportKind::meetings, "meetings",
               trp("New meetings (and who attended) from a register or survey export"), trp(R"(
Examples:
  plg import meetings kobo-export.csv --map kobo-map.yaml --dry-run

kobo-map.yaml:
  columns:
    date: meeting_date     # required
    title: topic           # required
    minutes: duration      # optional
    member: teacher        # optional: one row per member present or absent
    present: attended
Rows with the same date and title are one meeting. A meeting the records
already hold (same date and title) only gets the attendance it lacks, so
importing the same file again adds nothing twice. Prints each new meeting's
id. See docs/import.md.)"));
}

}  // namespace plg::cli
