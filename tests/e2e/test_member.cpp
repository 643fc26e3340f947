#include "e2e.hpp"

using namespace plg::test;

TEST_CASE("plg member add and list") {
    Fixture team;
    auto r = team({"member", "add", "dirk", "--name", "Dirk van Dam", "--role", "school leader"});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "Added Dirk van Dam (dirk) to Leerteam rekenen\n");
    auto list = team({"member", "list"});
    CHECK(list.code == 0);
    CHECK(list.out ==
          "anna   Anna de Vries\n"
          "bram   Bram Jansen\n"
          "carla  Carla Öztürk\n"
          "dirk   Dirk van Dam   school leader\n");
    auto json = team({"member", "list", "--format", "json"});
    CHECK(json.code == 0);
    CHECK(json.out.find("\"id\": \"dirk\",\n    \"joined\": null,\n    \"left\": null,\n    "
                        "\"name\": \"Dirk van Dam\",\n    \"role\": \"school leader\"") !=
          std::string::npos);
    if (std::string(PLG_TEST_JQ) != "") {
        write(team / "members.json", json.out);
        auto jq =
            run({PLG_TEST_JQ, "-r", "map(.id) | join(\",\")", "members.json"}, team.dir.path());
        CHECK(jq.out == "anna,bram,carla,dirk\n");
    }
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("plg member add keeps a hand-edited plg.yaml byte for byte") {
    Fixture team;
    std::string edited =
        "# Ons leerteam\n"
        "name: Leerteam rekenen   # sinds 2025\n"
        "\n"
        "language: nl\n"
        "members:\n"
        "  # de kern\n"
        "  - id: anna\n"
        "    name: Anna de Vries\n"
        "\n"
        "  - id: bram\n"
        "    name: Bram Jansen  # tot de zomer\n"
        "\n"
        "# kader: standaard\n";
    write(team / "plg.yaml", edited);
    auto r = team({"member", "add", "eva", "--name", "yes", "--role", "12:30"});
    REQUIRE(r.code == 0);
    std::string expected = edited;
    std::string anchor = "    name: Bram Jansen  # tot de zomer\n";
    expected.insert(expected.find(anchor) + anchor.size(),
                    "  - id: eva\n    name: \"yes\"\n    role: \"12:30\"\n");
    CHECK(read(team / "plg.yaml") == expected);
}

TEST_CASE("plg member add errors") {
    Fixture team;
    auto before = snapshot(team.dir.path());
    SUBCASE("an existing id") {
        auto r = team({"member", "add", "anna", "--name", "Another Anna"});
        CHECK(r.code == 1);
        CHECK(r.err ==
              "plg: error: a member with the id 'anna' already exists (Anna de Vries); "
              "choose another id\n");
    }
    SUBCASE("a malformed id") {
        for (std::string id : {"Anna", "../x", "a b", "1abc", "anna.b"}) {
            auto r = team({"member", "add", id, "--name", "X"});
            INFO(id, r.err);
            CHECK(r.code == 2);
            CHECK(r.err.find("is not a valid member id") != std::string::npos);
        }
    }
    SUBCASE("a missing name") {
        auto r = team({"member", "add", "eva"});
        CHECK(r.code == 2);
        CHECK(r.err.find("--name is required") != std::string::npos);
    }
    SUBCASE("a broken plg.yaml is not touched") {
        write(team / "plg.yaml", "name: X\nname: Y\n");
        before = snapshot(team.dir.path());
        auto r = team({"member", "add", "eva", "--name", "Eva"});
        CHECK(r.code == 1);
        CHECK(r.err.find("plg.yaml:2:1: error: duplicate key 'name'") != std::string::npos);
    }
    SUBCASE("no PLG here") {
        TempDir empty;
        auto r = run_plg({"member", "list"}, empty.path());
        CHECK(r.code == 1);
        CHECK(r.err.find("no PLG found in") != std::string::npos);
        CHECK(r.err.find("plg init") != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
}

TEST_CASE("plg finds the PLG from a subfolder, with -C and with PLG_DIR") {
    Fixture team;
    auto from_sub =
        run({PLG_BINARY, "member", "list", "-q"}, team / "meetings", "", {{"PLG_DIR", ""}});
    CHECK(from_sub.code == 0);
    CHECK(from_sub.out.find("anna") == 0);
    TempDir elsewhere;
    auto with_c =
        run({PLG_BINARY, "-C", team.dir.path().string(), "member", "list"}, elsewhere.path());
    CHECK(with_c.out == from_sub.out);
    auto with_env = run({PLG_BINARY, "member", "list"}, elsewhere.path(), "",
                        {{"PLG_DIR", team.dir.path().string()}});
    CHECK(with_env.out == from_sub.out);
}
