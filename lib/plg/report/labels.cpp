#include "plg/report/labels.hpp"

#include <string>
#include <vector>

#include "plg/report/report.hpp"

namespace plg {

namespace {

constexpr Labels k_english{
    "en",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    ".",
    "Report",
    "{} to {}",
    "Summary",
    "{} of {} expected (one every {} days)",
    " (no cadence in plg.yaml; {} days assumed)",
    "Attendance",
    "not recorded",
    "Person-hours",
    " ({} meeting(s) without a duration)",
    "{} active, {} achieved, {} not achieved, {} dropped",
    "{} open, {} overdue, {} carried forward, {} cancelled",
    "Reflections",
    "Last meeting",
    "{} ({} days before {})",
    "none",
    "Status",
    {"active", "at risk", "dormant"},
    "Active: met within the last {} days (twice the cadence) and held at least half of the "
    "meetings expected in the last {} days; at risk: a longer gap, or fewer meetings; dormant: no "
    "meeting for more than {} days. Days in breaks are not counted.",
    "Meetings",
    "Date",
    "Title",
    "Facilitator",
    "Attendance",
    "Decisions",
    "Member",
    "Attended",
    "Hours",
    "Roles",
    "Who led meetings and held the other roles (shared leadership):",
    "Goals",
    "Owners",
    "Due",
    "Baseline → latest → target",
    "{}% of the way",
    {"active", "achieved", "not achieved", "dropped"},
    "Measured",
    "Value",
    "Evidence",
    "baseline",
    "target",
    "Actions",
    "Open",
    "Completed in this period",
    "Owner",
    "Action",
    "overdue",
    "Agreed",
    "Done",
    "Cancelled in this period",
    "Cancelled",
    "Why",
    "carried forward {}×",
    "Dimension",
    "Trend",
    "Average self-assessment per {} (1 = not at all, 5 = fully):",
    "Next steps",
    "Q",
    "month",
    "quarter",
    "—",
    "Network report",
    "{} PLGs: {} active, {} at risk, {} dormant",
    ", {} that could not be read",
    "Totals",
    "Programme questions",
    "How long have they existed? Founded a median of {} months before {} (from {} to {} months); "
    "{} record no founding date.",
    "Did they stay active? {} of {} ({}) met within twice their cadence; {} are at risk and {} "
    "dormant.",
    "What do they cost? {} person-hours in meetings, {} per PLG on average.",
    "Do they reach their goals? {} of {} goals achieved ({}).",
    "PLG",
    "School",
    "Rating",
    "Needing attention",
    "{}: {}, last meeting {}",
    "Problems",
    "These PLGs have files plg could not read; their numbers leave those files out.",
    "By {}",
    "(none)",
    "{} file(s) with errors",
    "unreadable",
    ", {} past their due date",
    "; {} days of breaks not counted",
    "Status per {}",
    "year",
    "not yet founded",
    "Revived",
    "joined {}",
    "left {}",
    "past due",
    "Guests",
    "Not in this report, founded after {}: {}.",
    "Did dormant PLGs revive? {} of the {} that were dormant in the period became active again.",
    "Survival",
    "Share of PLGs active 6, 12 and 24 months after they were founded, counting the PLGs that "
    "were that old by {}:",
    "Founded in",
    "Origin",
    {"mandate", "project", "mutual support", "not recorded"},
    "After {} months",
    "All PLGs",
    {"A", "R", "D"},
    "{}: active, {}: at risk, {}: dormant, {}: not yet founded.",
    "Status over time",
};

constexpr Labels k_dutch{
    "nl",
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
    ",",
    "Verslag",
    "{} tot en met {}",
    "Samenvatting",
    "{} van {} verwacht (elke {} dagen)",
    " (geen ritme in plg.yaml; {} dagen aangenomen)",
    "Aanwezigheid",
    "niet bijgehouden",
    "Persoonsuren",
    " ({} bijeenkomst(en) zonder duur)",
    "{} actief, {} behaald, {} niet behaald, {} gestopt",
    "{} open, {} te laat, {} doorgeschoven, {} geschrapt",
    "Reflecties",
    "Laatste bijeenkomst",
    "{} ({} dagen voor {})",
    "geen",
    "Status",
    {"actief", "risico", "slapend"},
    "Actief: bijeengekomen in de laatste {} dagen (twee keer het ritme) en minstens de helft van "
    "de verwachte bijeenkomsten gehouden in de laatste {} dagen; risico: een langere pauze, of "
    "minder bijeenkomsten; slapend: meer dan {} dagen geen bijeenkomst. Dagen in vakanties tellen "
    "niet mee.",
    "Bijeenkomsten",
    "Datum",
    "Titel",
    "Voorzitter",
    "Aanwezig",
    "Besluiten",
    "Lid",
    "Aanwezig",
    "Uren",
    "Rollen",
    "Wie de bijeenkomsten leidde en de andere rollen had (gedeeld leiderschap):",
    "Doelen",
    "Eigenaars",
    "Deadline",
    "Beginwaarde → laatste → doel",
    "{}% van de weg",
    {"actief", "behaald", "niet behaald", "gestopt"},
    "Metingen",
    "Waarde",
    "Onderbouwing",
    "begin",
    "doel",
    "Acties",
    "Open",
    "Afgerond in deze periode",
    "Eigenaar",
    "Actie",
    "te laat",
    "Afgesproken",
    "Klaar",
    "Geschrapt in deze periode",
    "Geschrapt",
    "Waarom",
    "{}× doorgeschoven",
    "Dimensie",
    "Trend",
    "Gemiddelde zelfbeoordeling per {} (1 = helemaal niet, 5 = helemaal):",
    "Volgende stappen",
    "K",
    "maand",
    "kwartaal",
    "—",
    "Netwerkverslag",
    "{} PLG's: {} actief, {} risico, {} slapend",
    ", {} niet te lezen",
    "Totalen",
    "Vragen van het programma",
    "Hoe lang bestaan ze? Opgericht gemiddeld (mediaan) {} maanden voor {} (van {} tot {} "
    "maanden); {} zonder oprichtingsdatum.",
    "Blijven ze actief? {} van {} ({}) kwamen bijeen binnen twee keer hun ritme; {} lopen risico "
    "en {} zijn slapend.",
    "Wat kosten ze? {} persoonsuren in bijeenkomsten, gemiddeld {} per PLG.",
    "Halen ze hun doelen? {} van {} doelen behaald ({}).",
    "PLG",
    "School",
    "Beoordeling",
    "Aandacht nodig",
    "{}: {}, laatste bijeenkomst {}",
    "Problemen",
    "Deze PLG's hebben bestanden die plg niet kon lezen; hun cijfers laten die bestanden weg.",
    "Per {}",
    "(geen)",
    "{} bestand(en) met fouten",
    "niet te lezen",
    ", {} over de einddatum",
    "; {} vakantiedagen niet meegeteld",
    "Status per {}",
    "jaar",
    "nog niet opgericht",
    "Opnieuw actief",
    "lid sinds {}",
    "lid tot en met {}",
    "over de einddatum",
    "Gasten",
    "Niet in dit verslag, opgericht na {}: {}.",
    "Komen slapende PLG's weer tot leven? {} van de {} die in de periode sliepen, werden weer "
    "actief.",
    "Overleving",
    "Aandeel PLG's dat actief was 6, 12 en 24 maanden na de oprichting, van de PLG's die op {} zo "
    "oud waren:",
    "Opgericht in",
    "Ontstaan",
    {"opgelegd", "project", "onderlinge steun", "niet vastgelegd"},
    "Na {} maanden",
    "Alle PLG's",
    {"A", "R", "S"},
    "{}: actief, {}: risico, {}: slapend, {}: nog niet opgericht.",
    "Status door de tijd",
};

constexpr std::array<const Labels*, 2> k_labels = {&k_english, &k_dutch};

}  // namespace

const Labels& labels_for(std::string_view language) {
    for (const auto* l : k_labels) {
        if (l->code == language) {
            return *l;
        }
    }
    return k_english;
}

std::span<const Labels* const> all_labels() {
    return k_labels;
}

std::vector<std::string> report_languages() {
    std::vector<std::string> codes;
    for (const auto* l : k_labels) {
        codes.emplace_back(l->code);
    }
    return codes;
}

}  // namespace plg
