package nl.paraat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.content.ContentFiles;
import nl.paraat.content.ContentFilesBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code content validate}: every class of mistake is reported as file:line: message and fails the run. */
@MicronautTest(startApplication = false, transactional = false)
class ContentValidateCommandTest {

    @TempDir
    Path folder;
    ContentFiles files;

    @BeforeEach
    void validBase() {
        files = new ContentFiles(folder)
                .page("nl/page/welcome.md", "welcome", "page", "nl", "national", "Welkom", "", "Zie [noodpakket](page:kit).\n")
                .page("en/page/welcome.md", "welcome", "page", "en", "national", "Welcome", "", "See [kit](page:kit).\n")
                .page("nl/checklist/kit.md", "kit", "checklist", "nl", "national", "Noodpakket", KIT_SECTIONS, "- water\n");
    }

    private static final String KIT_SECTIONS = """
            sections:
              - id: water
                title: Water
                items:
                  - id: drinking-water
                    text: Drinkwater
                    unit: liter
                    quantity: {amount: 3, per: person-day}
                    water: true
            """;

    @Test
    void invalidQuantityRulesAreReportedAtTheirLines() {
        files.page("nl/checklist/bad.md", "bad", "checklist", "nl", "national", "Fout", """
                sections:
                  - id: things
                    title: Dingen
                    items:
                      - id: unicorn-food
                        text: Eenhoornvoer
                        unit: porties
                        quantity: {amount: 2, per: unicorn-day}
                      - id: negative
                        text: Min
                        unit: stuks
                        quantity: {amount: -1, per: person}
                      - id: unitless
                        text: Zonder eenheid
                        quantity: {amount: 1, per: household}
                      - id: typo
                        text: Typfout
                        quantiy: {amount: 1, per: household}
                      - id: odd-need
                        text: Vreemd
                        needs: [jetpack]
                """, "Tekst.\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("nl/checklist/bad.md:16: unknown 'per' value 'unicorn-day'")
                .contains("nl/checklist/bad.md:20: amount must be more than 0")
                .contains("nl/checklist/bad.md:21: item 'unitless' has a quantity but no 'unit'")
                .contains("nl/checklist/bad.md:26: unknown field 'quantiy' in an item")
                .contains("nl/checklist/bad.md:29: unknown need 'jetpack'");
    }

    @Test
    void translationsGiveWordsButNeitherRulesNorNewItems() {
        files.page("en/checklist/kit.md", "kit", "checklist", "en", "national", "Kit", """
                sections:
                  - id: water
                    title: Water
                    items:
                      - id: drinking-water
                        text: Drinking water
                        quantity: {amount: 5, per: person-day}
                """, "- water\n");
        CliRun withRule = validate();
        files.page("en/checklist/kit.md", "kit", "checklist", "en", "national", "Kit", """
                sections:
                  - id: water
                    title: Water
                    items:
                      - id: invented
                        text: Something new
                """, "- water\n");
        CliRun withNewItem = validate();

        assertThat(withRule.exitCode()).isEqualTo(1);
        assertThat(withRule.out()).contains("en/checklist/kit.md:15: 'quantity' is written only in the source-language file");
        assertThat(withNewItem.exitCode()).isEqualTo(1);
        assertThat(withNewItem.out()).contains("en/checklist/kit.md:1: item 'invented' is not in nl/checklist/kit.md");
    }

    @Test
    void aChecklistWithoutItemsAndAnAdditionToNothingAreReported() {
        files.page("nl/checklist/empty.md", "empty", "checklist", "nl", "national", "Leeg", "", "Tekst.\n")
                .page("regions/GM0150/nl/checklist/extra.md", "extra", "checklist", "nl", "[GM0150]", "Extra",
                        "adds_to: nothing\n" + KIT_SECTIONS.replace("drinking-water", "local-water"), "Tekst.\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("nl/checklist/empty.md:3: a checklist needs 'sections' with its items")
                .contains("regions/GM0150/nl/checklist/extra.md:1: adds_to 'nothing' is not a national checklist");
    }

    @Test
    void realContentFolderIsValid() {
        CliRun run = CliRun.of("content", "validate", "../content");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("0 errors");
    }

    @Test
    void validFolderPassesAndReportsMissingTranslationsAsWarnings() {
        CliRun run = validate();

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("nl/checklist/kit.md:1: warning: no en translation")
                .contains("nl/checklist/kit.md:1: warning: no fy translation")
                .contains("nl/page/welcome.md:1: warning: no fy translation")
                .doesNotContain("nl/page/welcome.md:1: warning: no en translation");
    }

    @Test
    void missingRequiredFieldIsReported() {
        files.write("nl/page/bare.md", "id: bare\nkind: page\nlocale: nl\nscope: national\nupdated: 2026-11-20\n", "Tekst.\n");

        assertError("nl/page/bare.md:2: required field 'title' is missing");
    }

    @Test
    void invalidYamlIsReportedAtItsLine() {
        files.raw("nl/page/broken.md", "---\nid: broken\nkind: page\ntitle: [unclosed\nsummary: x\n---\nTekst.\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("nl/page/broken.md:[45]: front matter is not valid YAML");
    }

    @Test
    void unknownKindAndMismatchedFolderAreReported() {
        files.page("nl/page/odd.md", "odd", "leaflet", "nl", "national", "Raar", "", "Tekst.\n");

        assertError("nl/page/odd.md:3: unknown kind 'leaflet'");
    }

    @Test
    void duplicateIdIsReported() {
        files.page("nl/contact/kit.md", "kit", "contact", "nl", "national", "Nog een kit", "", "Tekst.\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(":1: id 'kit' is a ");
    }

    @Test
    void unknownHazardIsReported() {
        files.page("nl/risk/meteor.md", "meteor", "risk", "nl", "national", "Meteoriet", "hazards: [meteor-strike]",
                ContentFilesBodies.RISK);

        assertError("nl/risk/meteor.md:9: unknown hazard 'meteor-strike'");
    }

    @Test
    void unknownRegionCodesAreReported() {
        files.page("regions/VR04/nl/page/local.md", "local", "page", "nl", "[GM9999]", "Lokaal", "", "Tekst.\n")
                .page("regions/VR99/nl/page/nowhere.md", "nowhere", "page", "nl", "[VR99]", "Nergens", "", "Tekst.\n")
                .page("regions/VR04/nl/page/elsewhere.md", "elsewhere", "page", "nl", "[GM0268]", "Elders", "", "Tekst.\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("regions/VR04/nl/page/local.md:7: unknown region code 'GM9999' in scope")
                .contains("regions/VR99/nl/page/nowhere.md:1: unknown region folder 'VR99'")
                .contains("regions/VR04/nl/page/elsewhere.md:7: scope 'GM0268' lies outside the folder's region VR04");
    }

    @Test
    void brokenInternalLinkIsReportedAtItsLine() {
        files.page("nl/page/links.md", "links", "page", "nl", "national", "Links", "",
                "Eerste regel.\n\nZie ook [de kaart](page:no-such-page).\n");

        assertError("nl/page/links.md:12: link to unknown page 'no-such-page'");
    }

    @Test
    void invalidDatesAreReported() {
        files.write("nl/page/dated.md", """
                id: dated
                kind: page
                title: Datum
                summary: x
                locale: nl
                scope: national
                updated: 20 november
                publish_from: 2026-12-01T08:00:00+01:00
                publish_until: 2026-11-01
                """, "Tekst.\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("nl/page/dated.md:8: '20 november' is not a date like 2026-11-20")
                .contains("nl/page/dated.md:10: publish_until must be after publish_from");
    }

    @Test
    void translationProblemsAreReported() {
        files.page("en/page/orphan.md", "orphan", "page", "en", "national", "Orphan", "", "Text.\n")
                .page("en/checklist/kit.md", "kit", "checklist", "fy", "national", "Kit", "", "- water\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("en/page/orphan.md:1: translation without a nl page at the same place")
                .contains("en/checklist/kit.md:6: locale 'fy' does not match folder 'en'");
    }

    @Test
    void riskPageWithoutBeforeDuringAfterIsReported() {
        files.page("nl/risk/storm.md", "storm", "risk", "nl", "national", "Storm", "hazards: [storm]",
                "Wat is storm.\n\n## Tijdens\n\nBlijf binnen.\n");

        assertError("nl/risk/storm.md:11: a risk page needs exactly three '##' sections");
    }

    @Test
    void fileThatIsNotUtf8IsReported() {
        files.bytes("nl/page/latin.md", new byte[]{'-', '-', '-', '\n', (byte) 0xE9, (byte) 0xFF, '\n'});

        assertError("nl/page/latin.md:1: the file is not UTF-8 text");
    }

    @Test
    void fileOutsideTheFolderLayoutIsReported() {
        files.page("loose.md", "loose", "page", "nl", "national", "Los", "", "Tekst.\n");

        assertError("loose.md:1: put the file in <language>/<kind>/");
    }

    private CliRun validate() {
        return CliRun.of("content", "validate", folder.toString());
    }

    private void assertError(String expected) {
        CliRun run = validate();
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains(expected);
    }
}
