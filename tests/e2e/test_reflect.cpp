// plg reflect add|list|show, end to end.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

TEST_CASE("plg reflect add prints the id and writes the file") {
    Fixture team;
    auto r = team({"reflect", "add", "--author", "bram", "--date", "2026-11-20", "--went-well",
                   "De rekenmuurtjes werken", "--next-step", "Ook in groep 6", "--rate",
                   "collaboration=4", "--rate", "inquiry=3"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string id = r.out.substr(0, r.out.size() - 1);
    CHECK(id.rfind("2026-11-20-bram-", 0) == 0);
    CHECK(id.size() == std::string("2026-11-20-bram-xxxx").size());
    CHECK(r.err == "Added the reflection reflections/" + id + ".yaml\n");
    CHECK(read(team / ("reflections/" + id + ".yaml")) ==
          "author: bram\ndate: 2026-11-20\nwent_well: De rekenmuurtjes werken\n"
          "next_step: Ook in groep 6\nratings:\n  collaboration: 4\n  inquiry: 3\n");

    auto show = team({"reflect", "show", id});
    CHECK(show.out ==
          "Reflection by Bram Jansen (bram) on 2026-11-20\n"
          "Went well:\n  De rekenmuurtjes werken\n"
          "Next step:\n  Ook in groep 6\n"
          "Ratings (1-5):\n"
          "  4  ####.  Samenwerking\n"
          "  3  ###..  Onderzoekende cultuur\n");
    auto json = nlohmann::json::parse(team({"reflect", "show", id, "--format", "json"}).out);
    CHECK(json["ratings"]["collaboration"] == 4);
    CHECK(json["went_well"] == "De rekenmuurtjes werken");
    CHECK(json["id"] == id);

    auto text = team({"reflect", "add", "--author", "anna", "--text", "-"},
                     "Vandaag ging het goed.\nMorgen verder.\n");
    REQUIRE(text.code == 0);
    auto list = team({"reflect", "list"});
    CHECK(list.out == "2026-11-20  bram    " + id + "  De rekenmuurtjes werken\n" +
                          "2026-11-23  anna    " + text.out.substr(0, text.out.size() - 1) +
                          "  Vandaag ging het goed.\n");
    CHECK(team({"reflect", "list", "--author", "anna", "--format", "json"}).out.find("bram") ==
          std::string::npos);
    CHECK(team({"reflect", "list", "--to", "2026-11-21"}).out.find("anna") == std::string::npos);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("plg reflect add refuses bad input, creating nothing") {
    Fixture team;
    auto before = snapshot(team.dir.path());
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    std::vector<Case> cases = {
        {{"--author", "bram"}, 2, "a reflection needs something to say"},
        {{"--text", "x"}, 2, "--author is required"},
        {{"--author", "brm", "--text", "x"}, 1, "did you mean 'bram'?"},
        {{"--author", "bram", "--rate", "colaboration=4"},
         1,
         "unknown dimension 'colaboration' (did you mean 'collaboration'?); the PLG's framework "
         "has: shared-vision (Gedeelde visie en doelen), collective-responsibility (Collectieve "
         "verantwoordelijkheid), interdependence (Onderlinge afhankelijkheid), reflection "
         "(Gestructureerde reflectie), collaboration (Samenwerking), inquiry (Onderzoekende "
         "cultuur), improvement (Continue verbetering), shared-learning (Gedeelde "
         "verantwoordelijkheid voor leren)"},
        {{"--author", "bram", "--rate", "samenwerkng=4"}, 1, "(did you mean 'samenwerking'?)"},
        {{"--author", "bram", "--rate", "collaboration=6"}, 2, "a whole number from 1 to 5"},
        {{"--author", "bram", "--rate", "collaboration=0"}, 2, "a whole number from 1 to 5"},
        {{"--author", "bram", "--rate", "collaboration"}, 2, "write DIMENSION=1..5"},
        {{"--author", "bram", "--rate", "inquiry=3", "--rate", "inquiry=4"}, 2, "twice"},
        {{"--author", "bram", "--text", "-", "--challenge", "-"}, 2, "only one of"},
        {{"--author", "bram", "--text", "x", "--meeting", "nope"}, 1, "unknown meeting 'nope'"},
        {{"--author", "bram", "--text", "x", "--goal", "nope"}, 1, "unknown goal 'nope'"},
        {{"--author", "bram", "--text", "x", "--date", "2026-13-01"}, 2, "is not a date"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"reflect", "add"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        auto r = team(args);
        INFO(c.args[c.args.size() - 1], " ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
    CHECK(team({"reflect", "show", "2026-11-20-bram-zzzz"}).code == 1);
}

TEST_CASE("--rate takes a dimension's id, its name, or its Dutch or French short id") {
    Fixture team;  // a Dutch PLG with the default framework
    auto r =
        team({"reflect", "add", "--author", "bram", "--rate", "samenwerking=4", "--rate",
              "Onderzoekende cultuur=3", "--rate", "VISION-PARTAGEE=2", "--rate", "improvement=5"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string text = read(team / ("reflections/" + r.out.substr(0, r.out.size() - 1) + ".yaml"));
    // The file keeps the ids, whatever was typed.
    CHECK(text.find("ratings:\n  collaboration: 4\n  inquiry: 3\n  shared-vision: 2\n  "
                    "improvement: 5\n") != std::string::npos);
    CHECK(team({"reflect", "add", "--author", "bram", "--rate", "samenwerking=4", "--rate",
                "collaboration=3"})
              .err.find("twice") != std::string::npos);
}

TEST_CASE("reflection text reads the same in PyYAML as in --format json") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    Fixture team;
    std::vector<std::string> ids;
    for (const auto& t : k_tricky_texts) {
        auto r = team({"reflect", "add", "--author", "carla", "--text", "-", "--went-well", t,
                       "--challenge", t, "--next-step", t},
                      t);
        INFO(t, r.err);
        REQUIRE(r.code == 0);
    }
    auto json = team({"reflect", "list", "--format", "json"});
    REQUIRE(json.code == 0);
    write(team / "shown.json", json.out);
    auto py = run({PLG_TEST_PYTHON, "-c",
                   "import json, sys, yaml\n"
                   "bad = []\n"
                   "for want in json.load(open(sys.argv[1], encoding='utf-8')):\n"
                   "    got = yaml.safe_load(open('reflections/' + want['id'] + '.yaml',\n"
                   "                              encoding='utf-8'))\n"
                   "    for k in ('author', 'text', 'went_well', 'challenge', 'next_step'):\n"
                   "        if got.get(k, '') != want[k]: bad.append((want['id'], k))\n"
                   "print(bad)\n"
                   "sys.exit(1 if bad else 0)\n",
                   (team / "shown.json").string()},
                  team.dir.path());
    INFO(py.out, py.err);
    CHECK(py.code == 0);
    CHECK(nlohmann::json::parse(json.out).size() == k_tricky_texts.size());
}
