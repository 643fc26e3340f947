#include <doctest/doctest.h>

#include <cstdlib>

#include "plg/yaml/yaml.hpp"

#include <algorithm>
#include <string>

#include "plg/records/records.hpp"

using namespace plg;

namespace {

Community sample_community() {
    Community c;
    c.name = "Leerteam rekenen";
    c.language = "nl";
    c.members = {{"anna", "Anna de Vries", "coordinator", {}, {}},
                 {"bram", "Bram Jansen", "teacher", {}, {}}};
    c.framework = default_framework("nl");
    return c;
}

bool mentions(const std::vector<Diagnostic>& problems, int line, const std::string& words) {
    return std::any_of(problems.begin(), problems.end(), [&](const Diagnostic& d) {
        return d.where.line == line && d.message.find(words) != std::string::npos;
    });
}

std::string messages(const std::vector<Diagnostic>& problems) {
    std::string out;
    for (const auto& d : problems) {
        out += format_diagnostic(d) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("plg::read_community") {
    SUBCASE("what plg writes reads back the same") {
        Community c = sample_community();
        c.school = "De Regenboog";
        c.cadence_days = 14;
        c.founded = Date::parse_iso("2025-09-01");
        c.origin = "project";
        c.norms = {"We beginnen op tijd", "yes"};
        auto parsed = read_community("plg.yaml", write_community(c));
        INFO(messages(parsed.problems));
        REQUIRE(parsed.record);
        CHECK(parsed.record->school == "De Regenboog");
        CHECK(parsed.record->cadence_days == 14);
        CHECK(parsed.record->founded == c.founded);
        CHECK(parsed.record->norms == c.norms);
        CHECK(parsed.record->members.size() == 2);
        CHECK(parsed.record->framework.size() == 8);
        CHECK(write_community(*parsed.record) == write_community(c));
    }
    SUBCASE("bad members and values are each reported") {
        auto parsed = read_community("plg.yaml",
                                     "name: X\nlanguage: de\ncadence_days: often\n"
                                     "members:\n  - id: Anna\n    name: A\n  - id: bob\n"
                                     "  - id: bob\n    name: B\n    nmae: C\n");
        CHECK_FALSE(parsed.record);
        CHECK(mentions(parsed.problems, 2, "'language' must be one of en, fr, nl"));
        CHECK(mentions(parsed.problems, 3, "'cadence_days' must be a number"));
        CHECK(mentions(parsed.problems, 5, "member id 'Anna'"));
        CHECK(mentions(parsed.problems, 7, "a member needs 'name'"));
        CHECK(mentions(parsed.problems, 8, "used twice"));
        CHECK(mentions(parsed.problems, 10, "did you mean 'name'?"));
    }
    SUBCASE("missing name") {
        auto parsed = read_community("plg.yaml", "school: X\n");
        CHECK(mentions(parsed.problems, 1, "plg.yaml needs 'name'"));
    }
    SUBCASE("a list instead of a mapping") {
        auto parsed = read_community("plg.yaml", "- name: X\n");
        CHECK(mentions(parsed.problems, 1, "must be a mapping"));
    }
    SUBCASE("no framework means the default eight") {
        auto parsed = read_community("plg.yaml", "name: X\n");
        REQUIRE(parsed.record);
        CHECK(parsed.record->framework.size() == 8);
        CHECK(parsed.record->framework[0].name == "Shared vision and goals");
    }
}

TEST_CASE("plg::read_meeting") {
    Community c = sample_community();
    std::set<std::string> goals = {"tafels"};
    std::set<std::string> meetings;
    References refs{&c, &goals, &meetings, Date::parse_iso("2026-11-23")};

    SUBCASE("a full meeting round-trips") {
        Meeting m;
        m.id = "2026-11-20-data";
        m.date = *Date::parse_iso("2026-11-20");
        m.title = "Data: toets 3";
        m.facilitator = "anna";
        m.roles = {{"note_taker", "bram"}};
        m.attendees = {"anna", "bram"};
        m.minutes = 60;
        m.focus = {"evidence"};
        m.agenda = {"Toets bespreken", "12:30 lunch"};
        m.notes = "Eerste regel\n  ingesprongen\n";
        m.decisions = {"yes"};
        m.actions.resize(3);
        m.actions[0].id = "t7qx";
        m.actions[0].text = "Toets maken";
        m.actions[0].owner = "bram";
        m.actions[0].due = Date::parse_iso("2026-12-01");
        m.actions[1].text = "Klaar";
        m.actions[1].done = true;
        m.actions[1].done_on = Date::parse_iso("2026-11-21");
        m.actions[2].id = "b2cd";
        m.actions[2].text = "Niet meer nodig";
        m.actions[2].cancelled = true;
        m.actions[2].cancelled_on = Date::parse_iso("2026-11-22");
        m.actions[2].note = "no";
        m.carried = {{"k3m9", Date::parse_iso("2026-12-10"), 0}, {"x2cd", std::nullopt, 0}};
        m.goals = {"tafels"};
        m.dimensions = {"collaboration"};
        std::string text = write_meeting(m);
        auto parsed = read_meeting("meetings/x.yaml", text, m.id, refs);
        INFO(text, messages(parsed.problems));
        REQUIRE(parsed.record);
        CHECK(parsed.problems.empty());
        CHECK(write_meeting(*parsed.record) == text);
        CHECK(parsed.record->agenda[1] == "12:30 lunch");
        CHECK(parsed.record->actions[1].done);
        CHECK(parsed.record->actions[0].id == "t7qx");
        CHECK(parsed.record->actions[2].cancelled_by(*Date::parse_iso("2026-11-22")));
        CHECK_FALSE(parsed.record->actions[2].cancelled_by(*Date::parse_iso("2026-11-21")));
        CHECK(parsed.record->actions[2].open_on(*Date::parse_iso("2026-11-21")));
        CHECK(parsed.record->carried.at(0).id == "k3m9");
        CHECK(action_ref(*parsed.record, 0) == "t7qx");
        CHECK(action_ref(*parsed.record, 1) == m.id + "#2");
    }
    SUBCASE("typos, wrong types and unknown references") {
        auto parsed = read_meeting("meetings/x.yaml",
                                   "date: 2026-02-30\n"
                                   "title: [a, b]\n"
                                   "atendees:\n  - anna\n"
                                   "attendees:\n  - brm\n  - anna\n"
                                   "absent:\n  - anna\n  - member: zed\n    reason: ziek\n"
                                   "minutes: -5\n"
                                   "focus: [learning]\n"
                                   "goals: [tafel]\n"
                                   "dimensions: [colaboration]\n"
                                   "actions:\n  - owner: anna\n    done: maybe\n",
                                   "x", refs);
        CHECK_FALSE(parsed.record);
        auto& p = parsed.problems;
        INFO(messages(p));
        CHECK(mentions(p, 1, "must be a date written YYYY-MM-DD"));
        CHECK(mentions(p, 2, "'title' must be text, not a list"));
        CHECK(mentions(p, 3, "unknown key 'atendees' in a meeting; did you mean 'attendees'?"));
        CHECK(mentions(p, 6, "unknown member 'brm' in attendees; did you mean 'bram'?"));
        CHECK(mentions(p, 9, "both as attendee and as absent"));
        CHECK(mentions(p, 10, "unknown member 'zed'"));
        CHECK(mentions(p, 12, "'minutes' must be a whole number from 1 to 1440"));
        CHECK(mentions(p, 13, "'focus' must be one of learn, evidence, support, extend"));
        CHECK(mentions(p, 14, "unknown goal 'tafel' in goals; did you mean 'tafels'?"));
        CHECK(mentions(p, 15, "did you mean 'collaboration'?"));
        CHECK(mentions(p, 17, "an action needs 'text'"));
        CHECK(mentions(p, 18, "'done' must be true or false"));
    }
    SUBCASE("dates in the future and late facilitators are warnings, not errors") {
        auto parsed = read_meeting("m.yaml",
                                   "date: 2027-01-01\ntitle: Later\nfacilitator: anna\n"
                                   "attendees: [bram]\n",
                                   "x", refs);
        REQUIRE(parsed.record);
        CHECK(parsed.problems.size() == 2);
        CHECK(mentions(parsed.problems, 1, "in the future"));
        CHECK(mentions(parsed.problems, 3, "not among the attendees"));
    }
    SUBCASE("without references only the file itself is checked") {
        auto parsed = read_meeting("m.yaml", "date: 2026-01-01\ntitle: T\nattendees: [nobody]\n",
                                   "x", References{});
        CHECK(parsed.record);
    }
}

TEST_CASE("plg::read_goal and plg::read_reflection") {
    Community c = sample_community();
    std::set<std::string> goals = {"tafels"};
    std::set<std::string> meetings = {"2026-10-01-start"};
    References refs{&c, &goals, &meetings, Date::parse_iso("2026-11-23")};

    SUBCASE("a goal round-trips with its progress sorted by date") {
        auto parsed =
            read_goal("goals/tafels.yaml",
                      "title: Tafels automatiseren\nowners: [anna]\nbaseline: 40\n"
                      "target: 80.5\nstatus: active\nprogress:\n"
                      "  - date: 2026-11-01\n    value: 60\n"
                      "  - date: 2026-10-01\n    value: 50\n    meeting: 2026-10-01-start\n",
                      "tafels", refs);
        INFO(messages(parsed.problems));
        REQUIRE(parsed.record);
        CHECK(parsed.record->target == doctest::Approx(80.5));
        CHECK(parsed.record->progress.front().value == 50);
        CHECK(write_goal(*parsed.record).find("target: 80.5\n") != std::string::npos);
    }
    SUBCASE("goal errors") {
        auto parsed =
            read_goal("g.yaml",
                      "title: T\nstatus: done\nbaseline: veel\nprogress:\n"
                      "  - value: 3\n  - date: 2026-01-01\n    value: 1\n    meeting: nope\n",
                      "g", refs);
        CHECK(mentions(parsed.problems, 2,
                       "'status' must be one of active, achieved, not achieved, dropped"));
        CHECK(mentions(parsed.problems, 3, "'baseline' must be a number"));
        CHECK(mentions(parsed.problems, 5, "a progress entry needs 'date'"));
        CHECK(mentions(parsed.problems, 8, "unknown meeting 'nope'"));
    }
    SUBCASE("reflection ratings are checked against the framework") {
        auto parsed = read_reflection("r.yaml",
                                      "author: anna\ndate: 2026-11-01\nratings:\n"
                                      "  collaboration: 4\n  inquiry: 6\n  teamwork: 3\n",
                                      "r", refs);
        CHECK(mentions(parsed.problems, 5, "from 1 to 5"));
        CHECK(mentions(parsed.problems, 6, "unknown dimension 'teamwork'"));
        auto ok = read_reflection("r.yaml",
                                  "author: bram\ndate: 2026-11-01\nnext_step: |\n  Meer oefenen\n"
                                  "ratings:\n  collaboration: 4\n",
                                  "r", refs);
        REQUIRE(ok.record);
        CHECK(ok.record->ratings.size() == 1);
        CHECK(write_reflection(*ok.record) ==
              "author: bram\ndate: 2026-11-01\nnext_step: |\n  Meer oefenen\nratings:\n  "
              "collaboration: 4\n");
    }
}

TEST_CASE("plg::edit_* keep a hand-edited file's comments and layout") {
    const std::string goal =
        "# Doel uit de startbijeenkomst\n"
        "title: Tafels automatiseren\n"
        "\n"
        "# meting: toets van 2 minuten\n"
        "baseline: 40\n"
        "target: 80\n"
        "status: active   # nog bezig\n"
        "progress:\n"
        "  - date: 2026-10-01\n"
        "    value: 50 # eerste meting\n";
    SUBCASE("progress") {
        Progress p{*Date::parse_iso("2026-11-01"), 62.5, "toets 3", ""};
        std::string out = edit_add_progress("g.yaml", goal, p).bytes;
        CHECK(out == goal + "  - {date: 2026-11-01, value: 62.5, evidence: toets 3}\n");
    }
    SUBCASE("close") {
        std::string out = edit_close_goal("g.yaml", goal, GoalStatus::achieved,
                                          *Date::parse_iso("2026-12-01"), "Gehaald: 82%")
                              .bytes;
        std::string expected = goal;
        expected.replace(expected.find("active"), 6, "achieved");
        // New fields go under 'status', away from where progress is appended.
        expected.insert(expected.find("progress:"),
                        "closed: 2026-12-01\nclose_note: \"Gehaald: 82%\"\n");
        CHECK(out == expected);
    }
    SUBCASE("close a goal without a status line") {
        std::string plain = "title: T\nprogress:\n";
        std::string out = edit_close_goal("g.yaml", plain, GoalStatus::dropped,
                                          *Date::parse_iso("2026-12-01"), "")
                              .bytes;
        CHECK(out == "title: T\nprogress:\nstatus: dropped\nclosed: 2026-12-01\n");
    }
    SUBCASE("the first progress entry goes under an empty 'progress:' line") {
        std::string fresh = "title: T\nstatus: active\nprogress:\n";
        Progress p{*Date::parse_iso("2026-11-01"), 40, "", ""};
        CHECK(edit_add_progress("g.yaml", fresh, p).bytes ==
              "title: T\nstatus: active\nprogress:\n  - {date: 2026-11-01, value: 40}\n");
        std::string commented = "title: T\nprogress:  # metingen\n";
        CHECK(edit_add_progress("g.yaml", commented, p).bytes ==
              "title: T\nprogress:  # metingen\n  - {date: 2026-11-01, value: 40}\n");
        // An explicit null on the next line is the value, replaced by the list
        // (fuzz_records found the entry put above the '~', in a 600 s run).
        CHECK(edit_add_progress("g.yaml", "title: T\nprogress:\n  ~\n", p).bytes ==
              "title: T\nprogress:\n  - {date: 2026-11-01, value: 40}\n");
        CHECK(edit_add_progress("g.yaml", "title: \"Grah\"\ncreated: 2026-01-20\nprogress:\n ~ ", p)
                  .bytes ==
              "title: \"Grah\"\ncreated: 2026-01-20\nprogress:\n  - {date: 2026-11-01, value: 40} "
              "\n");
        CHECK(edit_add_progress("g.yaml", "title: T\nprogress: ~\n", p).bytes ==
              "title: T\nprogress:\n  - {date: 2026-11-01, value: 40}\n");
    }
    SUBCASE("action done") {
        const std::string meeting =
            "date: 2026-11-01\ntitle: T\nactions:\n"
            "  - text: Toets maken  # belangrijk\n    owner: anna\n"
            "  - text: Second\n    done: false # nog niet\n";
        std::string first =
            edit_action_done("m.yaml", meeting, 1, *Date::parse_iso("2026-11-23")).bytes;
        CHECK(first ==
              "date: 2026-11-01\ntitle: T\nactions:\n"
              "  - text: Toets maken  # belangrijk\n    owner: anna\n    done: true\n"
              "    done_on: 2026-11-23\n"
              "  - text: Second\n    done: false # nog niet\n");
        std::string second =
            edit_action_done("m.yaml", meeting, 2, *Date::parse_iso("2026-11-23")).bytes;
        CHECK(second ==
              "date: 2026-11-01\ntitle: T\nactions:\n"
              "  - text: Toets maken  # belangrijk\n    owner: anna\n"
              "  - text: Second\n    done: true # nog niet\n    done_on: 2026-11-23\n");
        CHECK_THROWS_AS(edit_action_done("m.yaml", meeting, 3, Date()), Error);
    }
    SUBCASE("add member") {
        const std::string config =
            "name: X  # naam\nmembers:\n  - id: a\n    name: A\n\n# kader\nframework: []\n";
        std::string out = edit_add_member("plg.yaml", config, {"b", "B", "teacher", {}, {}}).bytes;
        CHECK(out ==
              "name: X  # naam\nmembers:\n  - id: a\n    name: A\n"
              "  - id: b\n    name: B\n    role: teacher\n\n# kader\nframework: []\n");
    }
    SUBCASE("an invalid file is refused, not edited") {
        CHECK_THROWS_AS(edit_add_progress("g.yaml", "title: x\ntitle: y\n", Progress{}),
                        InvalidRecord);
    }
}

TEST_CASE("plg::format_number") {
    CHECK(format_number(40) == "40");
    CHECK(format_number(12.5) == "12.5");
    CHECK(format_number(-3) == "-3");
    CHECK(format_number(0.1) == "0.1");
    // Never an exponent, which YAML 1.1 readers take for text.
    CHECK(format_number(1e16) == "10000000000000000");
    CHECK(format_number(1e-7) == "0.0000001");
    CHECK(format_number(-1.25e-5) == "-0.0000125");
    CHECK(format_number(1.5e20) == "150000000000000000000");
    CHECK(format_number(1e300) == "1.0e+300");
    CHECK(format_number(-2.5e-30) == "-2.5e-30");
    for (double v : {1e16, 1e-7, 123456.789, 1.7976931348623157e308, 5e-324, 1e21}) {
        std::string s = format_number(v);
        INFO(s);
        CHECK(plg::yaml::portable_number(s));
        CHECK(std::strtod(s.c_str(), nullptr) == v);
    }
}

TEST_CASE("plg::read_community with members and dimensions that have no id (found by the fuzzer)") {
    auto parsed = read_community("plg.yaml",
                                 "name: X\nmembers:\n  - name: A\n  - name: B\n"
                                 "framework:\n  - name: C\n  - name: D\n");
    CHECK(!parsed.record);
    size_t missing = 0;
    for (const auto& d : parsed.problems) {
        missing += d.message.find("needs 'id'") != std::string::npos;
    }
    CHECK(missing == 4);
}

TEST_CASE(
    "plg::write_goal quotes progress text that a one-line mapping cannot hold (found by the "
    "fuzzer)") {
    Goal g;
    g.title = "T";
    for (std::string evidence : {"k?arten", "a: b", "x, y", "{z}", "50% #1", "it's", "\"q\"",
                                 "tempotoets (n=52)", "é ë"}) {
        g.progress = {{*Date::parse_iso("2026-12-01"), 6, evidence, ""}};
        std::string text = write_goal(g);
        auto back = read_goal("g.yaml", text, "g", {});
        INFO(text);
        REQUIRE(back.record);
        CHECK(back.record->progress.at(0).evidence == evidence);
    }
}

TEST_CASE("plg::merge_member_additions") {
    const std::string base = "name: X\nmembers:\n  - id: anna\n    name: Anna\n";
    const std::string carla = base + "  - id: carla\n    name: Carla\n";
    const std::string dirk = "# ours\n" + base + "  - {id: dirk, name: Dirk}\n";
    SUBCASE("members added on both sides are all kept, with each side's layout") {
        auto merged = merge_member_additions(base, dirk, carla);
        REQUIRE(merged);
        CHECK(*merged == dirk + "  - id: carla\n    name: Carla\n");
        CHECK(merge_member_additions(base, carla, dirk) ==
              carla + "  - id: dirk\n    name: Dirk\n");
    }
    SUBCASE("the same member added on both sides is kept once") {
        CHECK(merge_member_additions(base, carla, carla) == carla);
    }
    SUBCASE("anything else goes to git's own merge") {
        std::string renamed = "name: Y\nmembers:\n  - id: anna\n    name: Anna\n";
        std::string other_carla = base + "  - id: carla\n    name: Carla B\n";
        CHECK_FALSE(merge_member_additions(base, carla, other_carla));  // one id, twice
        CHECK_FALSE(merge_member_additions(base, renamed + "  - id: c\n    name: C\n",
                                           "name: Z\n" + base.substr(8)));  // both changed more
        CHECK_FALSE(merge_member_additions(base, "name: [", carla));        // unreadable
    }
}

TEST_CASE("plg::new_action_id: the same seed gives the same id; a taken one is skipped") {
    std::string a = new_action_id("2026-11-01-data-k3m9#1 Toets maken", {});
    CHECK(is_action_id(a));
    CHECK(a.size() == 4);
    CHECK(a == new_action_id("2026-11-01-data-k3m9#1 Toets maken", {}));
    CHECK(a != new_action_id("2026-11-01-data-k3m9#2 Toets maken", {}));
    std::string b = new_action_id("2026-11-01-data-k3m9#1 Toets maken", {a});
    CHECK(b != a);
    CHECK(is_action_id(b));
    // A letter first, so that no YAML reader takes an id for a number.
    for (int i = 0; i < 2000; ++i) {
        std::string id = new_action_id("seed " + std::to_string(i), {});
        CHECK((id[0] >= 'a' && id[0] <= 'z'));
    }
    std::vector<std::string> ids;
    scan_action_ids("actions:\n  - text: x\n    id: t7qx\n  - {text: y, id: 'b2cd'}\nvalid: 12\n",
                    ids);
    CHECK(ids == std::vector<std::string>{"t7qx", "b2cd"});
}
