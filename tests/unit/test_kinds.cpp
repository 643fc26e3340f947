// Every record kind, checked for consistency: each key the reader knows is
// written by the writer, shown by the JSON and described by the JSON Schema, and
// a record with every field set reads back the same after plg writes it (a field
// the writer forgets would be lost by --edit, which re-renders the record).

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "../support/support.hpp"
#include "plg/base/text.hpp"
#include "plg/records/json.hpp"
#include "plg/records/records.hpp"

using namespace plg;

namespace {

// A file of `kind` with every key of the kind set, nested ones included. A new
// kind does not compile until it has one here (-Wswitch), and a new key fails
// the test below until the sample sets it.
std::string full_sample(Kind kind) {
    switch (kind) {
        case Kind::community:
            return R"(name: Leerteam rekenen
school: De Regenboog
founded: 2025-09-01
origin: project
language: nl
cadence_days: 21
breaks:
  - {name: Kerstvakantie, from: 2025-12-20, to: 2026-01-04}
vision: |
  Elke leerling automatiseert de tafels.
norms:
  - We beginnen op tijd
members:
  - id: anna
    name: Anna de Vries
    role: coordinator
    joined: 2025-09-01
    left: 2026-07-31
framework:
  - id: samenwerking
    name: Samenwerking
)";
        case Kind::meeting:
            return R"(date: 2026-11-23
title: Data bespreken
facilitator: anna
roles:
  note_taker: bram
attendees: [anna, bram]
absent:
  - member: carla
    reason: ziek
guests: [Dr. Jansen]
minutes: 90
focus: [evidence, support]
agenda:
  - Tempotoets
notes: |
  Twee regels
  notities.
data: tempotoets groep 5
protocol: ATLAS
decisions:
  - Dagelijks vijf minuten
actions:
  - text: Rekenmuurtjes maken
    id: r2mw
    owner: bram
    due: 2026-12-01
    done: true
    done_on: 2026-11-30
  - text: Ouders mailen
    id: o3km
    done: false
    cancelled: true
    cancelled_on: 2026-11-30
    note: De methode doet het al
carried:
  - k3m9
  - id: t7qx
    due: 2026-12-14
goals: [tafels]
dimensions: [samenwerking]
)";
        case Kind::goal:
            return R"(title: 80% haalt 40 sommen
owners: [anna]
measure: tempotoets
unit: '%'
baseline: 45
target: 80
due: 2027-06-30
status: achieved
created: 2026-09-01
closed: 2027-06-01
close_note: Gehaald.
progress:
  - {date: 2026-10-01, value: 58.5, evidence: toets 2, meeting: m1}
)";
        case Kind::reflection:
            return R"(author: bram
date: 2026-11-24
meeting: m1
goal: tafels
text: Vrije tekst.
went_well: De muurtjes.
challenge: Tijd.
next_step: Dagelijks oefenen.
ratings:
  samenwerking: 4
)";
    }
    return {};
}

// Reads `text` as a record of `kind` and returns its JSON (plg.yaml, which has
// no JSON form of its own, as its written text), and whether it had no errors.
std::pair<bool, nlohmann::json> read_as_json(Kind kind, const std::string& text) {
    References refs;
    switch (kind) {
        case Kind::community: {
            auto c = read_community("plg.yaml", text);
            return {c.record.has_value(),
                    c.record ? nlohmann::json(write_community(*c.record)) : nlohmann::json()};
        }
        case Kind::meeting: {
            auto m = read_meeting("m.yaml", text, "m1", refs);
            return {m.record.has_value(), m.record ? to_json(*m.record) : nlohmann::json()};
        }
        case Kind::goal: {
            auto g = read_goal("g.yaml", text, "tafels", refs);
            return {g.record.has_value(), g.record ? to_json(*g.record) : nlohmann::json()};
        }
        case Kind::reflection: {
            auto r = read_reflection("r.yaml", text, "r1", refs);
            return {r.record.has_value(), r.record ? to_json(*r.record) : nlohmann::json()};
        }
    }
    return {false, {}};
}

std::string write_as(Kind kind, const std::string& text) {
    References refs;
    switch (kind) {
        case Kind::community:
            return write_community(*read_community("plg.yaml", text).record);
        case Kind::meeting:
            return write_meeting(*read_meeting("m.yaml", text, "m1", refs).record);
        case Kind::goal:
            return write_goal(*read_goal("g.yaml", text, "tafels", refs).record);
        case Kind::reflection:
            return write_reflection(*read_reflection("r.yaml", text, "r1", refs).record);
    }
    return {};
}

// The top-level keys of a YAML text plg wrote: lines that start with a key.
std::vector<std::string> top_level_keys(const std::string& text) {
    std::vector<std::string> keys;
    for (const auto& line : split_lines(text)) {
        size_t colon = line.find(':');
        if (!line.empty() && line[0] != ' ' && line[0] != '-' && line[0] != '#' &&
            colon != std::string::npos) {
            keys.push_back(line.substr(0, colon));
        }
    }
    return keys;
}

}  // namespace

TEST_CASE("plg::record_keys: every kind's writer, JSON and schema have every key") {
    for (const KindInfo& kind : kinds()) {
        INFO(kind.name);
        const std::vector<std::string>& keys = record_keys(kind.kind);
        REQUIRE_FALSE(keys.empty());
        std::string sample = full_sample(kind.kind);
        CHECK(top_level_keys(sample) == keys);  // the sample sets every key, in order

        auto [valid, json] = read_as_json(kind.kind, sample);
        REQUIRE(valid);
        std::string written = write_as(kind.kind, sample);
        CHECK(top_level_keys(written) == keys);  // the writer writes every key, in order

        // Written by plg and read again, nothing is lost, nested fields included.
        auto [again_valid, again] = read_as_json(kind.kind, written);
        REQUIRE(again_valid);
        CHECK(again == json);
        if (kind.kind != Kind::community) {
            for (const auto& key : keys) {
                CHECK_MESSAGE(json.contains(key), "to_json lacks '" << key << "'");
            }
        }

        // The JSON Schema describes exactly these keys.
        auto schema = nlohmann::json::parse(plg::test::read(
            std::filesystem::path(PLG_SOURCE_DIR) / "docs/schema" / std::string(kind.schema)));
        std::set<std::string> described;
        for (const auto& [key, value] : schema.at("properties").items()) {
            described.insert(key);
        }
        CHECK(described == std::set<std::string>(keys.begin(), keys.end()));
        CHECK(schema.at("additionalProperties") == false);
    }
}

TEST_CASE("plg::kinds: one row per kind, folders and names unique") {
    std::set<std::string_view> names;
    std::set<std::string_view> folders;
    for (const KindInfo& kind : kinds()) {
        CHECK(names.insert(kind.name).second);
        CHECK(&kind_info(kind.kind) == &kind);
        CHECK(find_kind(kind.name) == &kind);
        if (kind.id_rule == IdRule::fixed) {
            CHECK(kind.folder.empty());
        } else {
            CHECK(folders.insert(kind.folder).second);
        }
    }
    CHECK(record_kinds().size() == kinds().size() - 1);
    CHECK(find_kind("nothing") == nullptr);
}
