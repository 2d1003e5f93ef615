package nl.paraat.region;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class RegionServiceTest {

    @Inject
    RegionService regions;

    @Test
    void expandsAreaCodesToMunicipalities() {
        assertThat(regions.municipalitiesOf("GM0150")).containsExactly("GM0150");
        assertThat(regions.municipalitiesOf("VR25")).hasSize(6).contains("GM0034");
        assertThat(regions.municipalitiesOf("VR09")).hasSize(26);
        assertThat(regions.municipalitiesOf(RegionService.NATIONAL)).hasSize(342);
        assertThat(regions.municipalitiesOf("GM9999")).isEmpty();
    }

    @Test
    void knowsWhichAreasAnOrganisationCovers() {
        assertThat(regions.covers(List.of("VR04"), "GM0150")).isTrue();
        assertThat(regions.covers(List.of("VR04"), "VR04")).isTrue();
        assertThat(regions.covers(List.of("GM0150"), "VR04")).isFalse();
        assertThat(regions.covers(List.of("VR04"), "GM0268")).isFalse();
        assertThat(regions.covers(List.of("NL"), "GM0268")).isTrue();
        assertThat(regions.covers(List.of("VR04"), "GM9999")).isFalse();
    }

    @Test
    void pointJustOutsideTheGeneralisedCoastlineBelongsToTheNearestMunicipality() {
        // On the beach off Scheveningen, about 120 m outside the rounded boundary of The Hague
        assertThat(regions.locate(52.1000, 4.2550)).map(location -> location.municipality().code()).contains("GM0518");
        // Three kilometres out to sea
        assertThat(regions.locate(52.1000, 4.2000)).isEmpty();
    }

    @Test
    void namesAreas() {
        assertThat(regions.area("VR04")).contains(new AreaRef("VR04", "IJsselland"));
        assertThat(regions.area("GM0150")).contains(new AreaRef("GM0150", "Deventer"));
        assertThat(regions.isKnownArea("VR26")).isFalse();
    }

    @Test
    void everyOutlineIsAValidGeometry() {
        assertThat(regions.safetyRegions()).hasSize(25);
        assertThat(regions.safetyRegions().stream().flatMap(region -> region.municipalities().stream())).hasSize(342);
        for (SafetyRegion region : regions.safetyRegions()) {
            assertThat(region.boundary().isValid()).as(region.code()).isTrue();
            for (Municipality municipality : region.municipalities()) {
                assertThat(municipality.boundary().isValid()).as(municipality.code()).isTrue();
                assertThat(municipality.boundary().getArea()).as(municipality.code()).isPositive();
            }
        }
        assertThat(RegionDataLoader.valid(regions.boundary("GM0293").orElseThrow())).isSameAs(regions.boundary("GM0293").orElseThrow());
        assertThat(regions.outline(java.util.List.of("NL")).isValid()).isTrue();
    }
}
