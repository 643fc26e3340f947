// plg in the coordinator's language: a Dutch PLG speaks Dutch (messages,
// prompts, templates, show and list labels, numbers), --lang and PLG_LANG
// choose, the locale decides outside a PLG, and French is complete too.

#include "e2e.hpp"

using namespace plg::test;

namespace {

// The PLG's own language decides: no PLG_LANG, no locale.
const std::map<std::string, std::string> k_plg_language = {{"PLG_LANG", ""}};

bool has(const std::string& text, const std::string& words) {
    return text.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("a Dutch PLG speaks Dutch: messages, labels, numbers, plurals, dates") {
    Fixture team;  // language: nl
    auto add = team({"meeting", "add", "--date", "gisteren", "--title", "Data bespreken",
                     "--attendee", "anna", "--attendee", "bram", "--absent", "carla=ziek",
                     "--action", "Rekenmuurtjes maken @bram due:2026-12-01"},
                    "", k_plg_language);
    INFO(add.err);
    REQUIRE(add.code == 0);
    std::string id = trim(add.out);
    CHECK(id.rfind("2026-11-22-data-bespreken-", 0) == 0);  // "gisteren" is a date
    CHECK(add.err == "Bijeenkomst meetings/" + id + ".yaml toegevoegd\n");

    auto show = team({"meeting", "show", id}, "", k_plg_language);
    CHECK(show.code == 0);
    CHECK(has(show.out, "Datum:        2026-11-22\n"));
    CHECK(has(show.out, "Aanwezig:     anna, bram (2/3 verwacht)\n"));
    CHECK(has(show.out, "Afwezig:      carla (ziek)\n"));
    CHECK(has(show.out, "Acties:\n"));
    CHECK(has(show.out, "(bram, uiterlijk 2026-12-01)"));

    auto goal = team({"goal", "add", "--title", "Tafels", "--baseline", "2", "--target", "6"}, "",
                     k_plg_language);
    REQUIRE(goal.code == 0);
    CHECK(goal.err == "Doel goals/tafels.yaml toegevoegd\n");
    // A decimal comma in, a decimal comma out; the file keeps the point.
    auto progress = team({"goal", "progress", "tafels", "--value", "3,5"}, "", k_plg_language);
    REQUIRE(progress.code == 0);
    CHECK(progress.err ==
          "Voortgang van tafels: 3,5 op 2026-11-23; nu 38% van de weg naar het doel\n");
    CHECK(has(read(team / "goals/tafels.yaml"), "value: 3.5}\n"));
    auto goal_show = team({"goal", "show", "tafels"}, "", k_plg_language);
    // The labels line up in Dutch too: the column is as wide as the longest.
    CHECK(has(goal_show.out, "Status:      actief\n"));
    CHECK(has(goal_show.out, "Aangemaakt:  2026-11-23\n"));
    CHECK(has(goal_show.out,
              "Voortgang:   2 → 3,5 → 6  (38% van het doel; beginwaarde → laatste "
              "→ doel)\n"));
    CHECK(has(goal_show.out, "Metingen:\n  2026-11-23  3,5\n"));

    // Errors name the place and say what would fix it, in Dutch.
    auto unknown = team({"goal", "show", "tafel"}, "", k_plg_language);
    CHECK(unknown.code == 1);
    CHECK(unknown.err == "plg: error: goal show: onbekend doel 'tafel'; bedoelt u 'tafels'?\n");
    auto usage = team({"goal", "add"}, "", k_plg_language);
    CHECK(usage.code == 2);
    CHECK(usage.err ==
          "plg: error: --title is verplicht (of schrijf het bestand zelf met --edit)\n"
          "Typ 'plg goal add --help' voor gebruik en voorbeelden.\n");
    auto typo = team({"goal", "progress", "tafels", "--vaule", "3"}, "", k_plg_language);
    CHECK(typo.code == 2);
    CHECK(has(typo.err, "onbekende optie '--vaule' bij 'plg goal progress'; bedoelt u '--value'?"));
    auto choice = team({"report", "--format", "xml"}, "", k_plg_language);
    CHECK(has(choice.err, "--format: 'xml' is niet een van: md html json"));

    // Counts take the right form: one file, two problems.
    write(team / "meetings/2026-11-01-kapot.yaml", "date: 2026-11-01\ntitel: X\n");
    auto check = team({"check"}, "", k_plg_language);
    CHECK(check.code == 1);
    CHECK(
        has(check.out, "error: onbekende sleutel 'titel' in een bijeenkomst; bedoelt u 'title'?"));
    CHECK(has(check.out,
              "error: een bijeenkomst heeft 'title' nodig; voeg een regel 'title: ...' toe"));
    CHECK(check.err == "2 fouten, 0 waarschuwingen\n");
    auto list = team({"action", "list"}, "", k_plg_language);
    CHECK(list.code == 0);
    CHECK(
        list.err ==
        "plg: warning: 1 bestand bevat fouten en is weggelaten; typ 'plg check' om het te zien\n");
    CHECK(has(list.out, "  2026-12-01  bram   open     Rekenmuurtjes maken\n"));
}

TEST_CASE("--edit templates and the editor's prompt are in the PLG's language") {
    Fixture team;
    // An editor that saves the template as it was: nothing is added.
    write(team / "same.sh", "true\n");
    auto r = team({"meeting", "add", "--edit"}, "",
                  {{"PLG_LANG", ""}, {"VISUAL", "sh " + (team / "same.sh").string()}});
    CHECK(r.code == 1);
    CHECK(r.err ==
          "plg: error: het sjabloon is onveranderd opgeslagen, dus er is geen "
          "bijeenkomst toegevoegd\n");
    // The template it saw: copy it out with an editor that does.
    write(team / "copy.sh", "cp \"$1\" '" + (team / "seen.yaml").string() + "'\n");
    team({"goal", "add", "--edit"}, "",
         {{"PLG_LANG", ""}, {"VISUAL", "sh " + (team / "copy.sh").string()}});
    std::string seen = read(team / "seen.yaml");
    CHECK(seen.rfind("#| Nieuw doel. Vul in wat u wilt vastleggen, sla op en sluit de editor.\n",
                     0) == 0);
    CHECK(has(seen, "#| Leden: anna (Anna de Vries), bram (Bram Jansen), carla (Carla Öztürk)\n"));
    CHECK(has(seen, "#| Verplicht: title."));
    CHECK(has(seen, "\ntitle:\n"));  // the keys stay the file's own

    // In French, by --lang; the keys still the same.
    team({"--lang", "fr", "reflect", "add", "--edit"}, "",
         {{"VISUAL", "sh " + (team / "copy.sh").string()}});
    seen = read(team / "seen.yaml");
    CHECK(seen.rfind("#| Nouvelle réflexion. Remplissez ce que vous voulez noter", 0) == 0);
    CHECK(has(seen, "\nauthor:\n"));
}

TEST_CASE("--lang and PLG_LANG choose; reports keep the PLG's language unless --lang says") {
    Fixture team;
    // PLG_LANG (the tests' default: en) is for messages; the report stays Dutch.
    auto report = team({"report"});
    CHECK(report.code == 0);
    CHECK(has(report.out, "## Samenvatting"));
    // --lang is for both.
    auto french = team({"--lang", "fr", "report"});
    CHECK(has(french.out, "## Synthèse"));
    auto after = team({"report", "--lang", "fr", "--from", "2026-12-01", "--to", "2026-11-01"});
    CHECK(after.code == 2);
    CHECK(has(after.err, "plg: error: --from 2026-12-01 est postérieure à --to 2026-11-01\n"));
    auto english = team({"report", "--lang", "en"}, "", k_plg_language);
    CHECK(has(english.out, "## Summary"));
    auto bad = team({"--lang", "de", "check"});
    CHECK(bad.code == 2);
    CHECK(has(bad.err, "--lang: 'de' is not one of: en fr nl"));
    // An unknown PLG_LANG is no language: the PLG's.
    auto unknown = team({"goal", "show", "x"}, "", {{"PLG_LANG", "de"}});
    CHECK(has(unknown.err, "onbekend doel 'x'"));
    // The agenda too: the PLG's language, else --lang.
    auto agenda = team({"meeting", "next"});
    CHECK(has(agenda.out, "# Agenda: Leerteam rekenen"));
    CHECK(has(agenda.out, "## 1. Opening en onze afspraken"));
    auto ordre = team({"--lang", "fr", "meeting", "next"});
    CHECK(has(ordre.out, "# Ordre du jour : Leerteam rekenen"));
}

TEST_CASE("outside a PLG the locale decides, as gettext reads it, without installed locales") {
    TempDir dir;
    struct Case {
        std::map<std::string, std::string> env;
        std::string words;
    };
    std::vector<Case> cases = {
        {{{"PLG_LANG", ""}}, "no PLG found in"},
        {{{"PLG_LANG", ""}, {"LANG", "nl_NL.UTF-8"}}, "geen PLG gevonden in"},
        {{{"PLG_LANG", ""}, {"LANG", "nl_BE.UTF-8"}, {"LC_ALL", "fr_SN.UTF-8"}},
         "aucune CAP trouvée dans"},
        {{{"PLG_LANG", ""}, {"LANG", "nl_NL.UTF-8"}, {"LANGUAGE", "fr:nl"}},
         "aucune CAP trouvée dans"},
        {{{"PLG_LANG", ""}, {"LANG", "C.UTF-8"}, {"LANGUAGE", "nl"}}, "no PLG found in"},
        {{{"PLG_LANG", ""}, {"LANG", "de_DE.UTF-8"}}, "no PLG found in"},
        {{{"PLG_LANG", "nl"}, {"LANG", "fr_FR.UTF-8"}}, "geen PLG gevonden in"},
    };
    for (const auto& c : cases) {
        auto r = run_plg({"goal", "list"}, dir.path(), "", c.env);
        INFO(r.err);
        CHECK(r.code == 1);
        CHECK(has(r.err, "plg: error: " + c.words));
    }
    // A new PLG takes the locale's language, and speaks it from its first message.
    auto init = run_plg({"init", "--name", "Leerteam"}, dir.path(), "",
                        {{"PLG_LANG", ""}, {"LANG", "nl_NL.UTF-8"}});
    CHECK(init.code == 0);
    CHECK(
        init.err ==
        "PLG 'Leerteam' gemaakt in deze map; voeg leden toe met 'plg member add ID --name NAAM'\n");
    CHECK(has(read(dir / "plg.yaml"), "language: nl\n"));
    CHECK(has(read(dir / "plg.yaml"), "name: Samenwerking\n"));
    // --language says which, and is spoken at once.
    TempDir other;
    auto fr =
        run_plg({"init", "--name", "CAP Maths", "--language", "fr", "--member", "awa=Awa Diallo"},
                other.path(), "", {{"PLG_LANG", ""}});
    CHECK(fr.err == "CAP « CAP Maths » créée dans ce dossier avec 1 membre\n");
    CHECK(has(read(other / "plg.yaml"), "language: fr\n"));
    CHECK(has(read(other / "plg.yaml"), "name: Vision et objectifs partagés\n"));
}

TEST_CASE("a French PLG: its actions, goals and report in French") {
    TempDir dir;
    auto init =
        run_plg({"init", "--name", "CAP Maths", "--language", "fr", "--founded", "2026-09-01",
                 "--member", "awa=Awa Diallo", "--member", "moussa=Moussa Traoré"},
                dir.path());
    REQUIRE(init.code == 0);
    auto run = [&](std::vector<std::string> args) {
        return run_plg(std::move(args), dir.path(), "", {{"PLG_LANG", ""}});
    };
    auto add = run({"meeting", "add", "--date", "2026-11-02", "--title", "Analyse des erreurs",
                    "--attendee", "awa", "--attendee", "moussa", "--action",
                    "Préparer les fiches @awa due:2026-11-20"});
    REQUIRE(add.code == 0);
    CHECK(has(add.err, "Réunion meetings/"));
    auto list = run({"action", "list"});
    CHECK(has(list.out, "EN RETARD  Préparer les fiches\n"));
    auto id = list.out.substr(0, list.out.find(' '));
    auto done = run({"action", "done", id, "--date", "hier"});
    CHECK(done.err == "Faite (" + id + ") : Préparer les fiches\n");
    auto again = run({"action", "done", id});
    CHECK(again.err == "Déjà faite le 2026-11-22 : Préparer les fiches\n");
    auto future = run({"action", "cancel", id, "--date", "2027-01-01"});
    CHECK(future.code == 2);
    CHECK(has(future.err, "--date 2027-01-01 est dans le futur"));
    auto report = run({"report"});
    CHECK(has(report.out, "title: \"CAP Maths : Rapport\"\n"));
    CHECK(has(report.out, "## Synthèse"));
    CHECK(has(report.out, "2 novembre 2026"));
    auto check = run({"check"});
    CHECK(check.code == 0);
}

TEST_CASE("--help, plg help and the completion scripts speak the PLG's language") {
    Fixture team;
    auto help = team({"goal", "progress", "--help"}, "", k_plg_language);
    CHECK(help.code == 0);
    CHECK(help.out.rfind("Een gemeten waarde van een doel vastleggen\n"
                         "Gebruik: plg goal progress [OPTIES] ID\n\nArgumenten:\n",
                         0) == 0);
    CHECK(has(help.out, "  ID GOAL VERPLICHT               De id van het doel\n"));
    CHECK(has(help.out,
              "\nOpties:\n  -h,--help                       Toon deze hulptekst en stop\n"));
    CHECK(has(help.out, "  --value NUM:NUM VERPLICHT       De gemeten waarde (7,5 of 7.5)\n"));
    CHECK(has(help.out,
              "\nVoorbeeld:\n  plg goal progress tafels-groep5 --value 62 --date 2026-01-20 \\\n"));
    auto top = team({"help"}, "", k_plg_language);
    CHECK(has(top.out, "\nOpdrachten:\n  init "));
    CHECK(
        has(top.out, "Typ 'plg OPDRACHT --help' voor de opties en voorbeelden van elke opdracht."));
    auto french = team({"help", "action", "carry", "--lang", "fr"});
    CHECK(has(french.out, "Reporter une action ouverte à une réunion suivante\n"));
    CHECK(has(french.out, "  --due TEXT:DATE                 Une nouvelle échéance\n"));
    // The English help is what docs/cli.md shows (tests/docs-current.sh).
    auto english = team({"goal", "progress", "--help"});
    CHECK(has(english.out, "Usage: plg goal progress [OPTIONS] ID\n"));
    auto fish = team({"completion", "fish"}, "", k_plg_language);
    CHECK(has(fish.out, "Doelen stellen, voortgang vastleggen, doelen afsluiten"));
}
