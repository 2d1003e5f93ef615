package nl.paraat.alert;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.common.Geohash;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.region.RegionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The area rule as a property: whatever shape an organisation draws (spikes across the country,
 * slivers, self-touching rings, many small parts, shapes along the coast and the border, circles),
 * no municipality and no location cell outside its area is targeted, every own municipality the
 * shape really covers is, and no shape ever ends in anything but a clear 4xx.
 */
@MicronautTest(startApplication = false)
class AlertAreaPropertyTest {

    static final int SHAPES_PER_ORGANISATION = 700;
    private static final double NL_WEST = 3.3;
    private static final double NL_EAST = 7.3;
    private static final double NL_SOUTH = 50.7;
    private static final double NL_NORTH = 53.6;

    @Inject
    RegionService regions;

    @ParameterizedTest
    @ValueSource(strings = {"GM0150", "GM0293", "VR04", "VR19", "GM1676,GM0654", "NL"})
    void noShapeTargetsAnythingOutsideTheOrganisationsArea(String organisationArea) {
        List<String> area = List.of(organisationArea.split(","));
        Set<String> own = regions.municipalitiesOf(area);
        Random random = new Random(organisationArea.hashCode());
        Map<String, Integer> outcomes = new TreeMap<>();
        int clipped = 0;
        for (int i = 0; i < SHAPES_PER_ORGANISATION; i++) {
            AlertViews.AreaRequest request = randomArea(random, area);
            List<Problem.FieldError> errors = new ArrayList<>();
            AlertArea.Parsed parsed = AlertArea.parse(request, regions, errors);
            if (!errors.isEmpty()) {
                outcomes.merge("400", 1, Integer::sum);
                continue;
            }
            AlertArea.Targeted targeted;
            try {
                targeted = AlertArea.target(parsed, area, regions);
            } catch (ProblemException e) {
                assertThat(e.status().getCode()).as(e.getMessage()).isIn(403, 422);
                assertThat(e.errors()).isNotEmpty();
                outcomes.merge(Integer.toString(e.status().getCode()), 1, Integer::sum);
                continue;
            } catch (RuntimeException e) {
                fail("Shape " + request + " for " + area + " failed with " + e, e);
                return;
            }
            outcomes.merge("accepted", 1, Integer::sum);
            clipped += targeted.note() != null ? 1 : 0;
            assertThat(targeted.municipalities()).as("%s for %s", request, area).isSubsetOf(own);
            for (String cell : targeted.cells()) {
                assertCellInside(cell, own, request);
            }
            for (String municipality : ownMunicipalitiesReallyCovered(parsed, own)) {
                assertThat(targeted.municipalities()).as("%s covers %s", request, municipality).contains(municipality);
            }
            Geometry outline = regions.outline(area).buffer(1e-6);
            for (String polygon : targeted.polygons()) {
                List<Problem.FieldError> storedErrors = new ArrayList<>();
                Geometry stored = AlertArea.polygon(polygon, "p", storedErrors)
                        .orElseThrow(() -> new AssertionError("stored polygon " + polygon + " does not read back: " + storedErrors));
                assertThat(outline.covers(stored)).as("stored polygon %s lies inside %s", polygon, area).isTrue();
            }
        }
        assertThat(outcomes.getOrDefault("accepted", 0)).as("%s: %s", area, outcomes).isGreaterThan(SHAPES_PER_ORGANISATION / 10);
        if (!area.equals(List.of("NL"))) {
            assertThat(clipped).as("shapes that reached outside and were clipped").isPositive();
        }
        System.out.printf("area property %s: %d shapes, %s, %d clipped%n", area, SHAPES_PER_ORGANISATION, outcomes, clipped);
    }

    /** A five-character cell shares ground with an own municipality; a coarser one lies wholly inside the own area. */
    private void assertCellInside(String cell, Set<String> own, AlertViews.AreaRequest request) {
        double[] bounds = Geohash.bounds(cell);
        Geometry box = TargetCells.box(bounds);
        double insideArea = 0;
        boolean sharesGround = false;
        for (String municipality : own) {
            Geometry boundary = regions.boundary(municipality).orElseThrow();
            if (!boundary.getEnvelopeInternal().intersects(box.getEnvelopeInternal())) {
                continue;
            }
            double overlap = OverlayNGRobust.overlay(boundary, box, OverlayNG.INTERSECTION).getArea();
            insideArea += overlap;
            sharesGround |= overlap > 0;
        }
        if (cell.length() == TargetCells.PRECISION) {
            assertThat(sharesGround).as("cell %s of %s shares ground with the own area", cell, request).isTrue();
        } else {
            assertThat(insideArea).as("coarse cell %s of %s lies inside the own area", cell, request)
                    .isGreaterThanOrEqualTo(box.getArea() * (1 - 1e-6));
        }
    }

    private List<String> ownMunicipalitiesReallyCovered(AlertArea.Parsed parsed, Set<String> own) {
        List<String> covered = new ArrayList<>();
        for (String municipality : own) {
            Geometry boundary = regions.boundary(municipality).orElseThrow();
            for (AlertArea.Shape shape : parsed.shapes()) {
                if (boundary.getEnvelopeInternal().intersects(shape.geometry().getEnvelopeInternal())
                        && OverlayNGRobust.overlay(boundary, shape.geometry(), OverlayNG.INTERSECTION).getArea() > 1e-6) {
                    covered.add(municipality);
                    break;
                }
            }
        }
        return covered;
    }

    private AlertViews.AreaRequest randomArea(Random random, List<String> area) {
        Envelope own = regions.outline(area).getEnvelopeInternal();
        List<String> polygons = new ArrayList<>();
        List<String> circles = new ArrayList<>();
        int kind = random.nextInt(8);
        switch (kind) {
            case 0 -> polygons.add(boxWithSpike(random, own));
            case 1 -> polygons.add(star(random, randomIn(random, own), 0.005 + random.nextDouble() * 1.5));
            case 2 -> polygons.add(sliver(random));
            case 3 -> circles.add(String.format(Locale.ROOT, "%.5f,%.5f %.3f", randomIn(random, own).y,
                    randomIn(random, own).x, 0.1 + random.nextDouble() * 150));
            case 4 -> polygons.add(selfTouching(random, randomIn(random, own), 0.01 + random.nextDouble() * 0.3));
            case 5 -> {
                int parts = 2 + random.nextInt(19);
                Coordinate centre = randomIn(random, own);
                for (int i = 0; i < parts; i++) {
                    polygons.add(star(random, new Coordinate(centre.x + random.nextGaussian() * 0.2,
                            centre.y + random.nextGaussian() * 0.2), 0.002 + random.nextDouble() * 0.02));
                }
            }
            case 6 -> {
                // Along the border or the coast: centred on a vertex of the own outline.
                Coordinate[] vertices = regions.outline(area).getCoordinates();
                Coordinate vertex = vertices[random.nextInt(vertices.length)];
                polygons.add(star(random, vertex, 0.005 + random.nextDouble() * 0.2));
                circles.add(String.format(Locale.ROOT, "%.6f,%.6f %.3f", vertex.y, vertex.x, 0.5 + random.nextDouble() * 10));
            }
            default -> polygons.add(star(random, new Coordinate(NL_WEST + random.nextDouble() * (NL_EAST - NL_WEST),
                    NL_SOUTH + random.nextDouble() * (NL_NORTH - NL_SOUTH)), 0.01 + random.nextDouble() * 3));
        }
        return new AlertViews.AreaRequest(List.of(), polygons, circles);
    }

    /** A box inside the own area's bounding box with a hair-thin spike to anywhere in the country. */
    private static String boxWithSpike(Random random, Envelope own) {
        Coordinate corner = randomIn(random, own);
        double size = 0.005 + random.nextDouble() * 0.05;
        double width = Math.pow(10, -5 - random.nextInt(3));
        double tipX = NL_WEST + random.nextDouble() * (NL_EAST - NL_WEST);
        double tipY = NL_SOUTH + random.nextDouble() * (NL_NORTH - NL_SOUTH);
        return ring(List.of(corner, new Coordinate(corner.x + size, corner.y),
                new Coordinate(corner.x + size, corner.y + size / 2), new Coordinate(tipX, tipY),
                new Coordinate(corner.x + size, corner.y + size / 2 + width), new Coordinate(corner.x + size, corner.y + size),
                new Coordinate(corner.x, corner.y + size)));
    }

    private static String sliver(Random random) {
        double x = NL_WEST + random.nextDouble() * (NL_EAST - NL_WEST);
        double y = NL_SOUTH + random.nextDouble() * (NL_NORTH - NL_SOUTH);
        double angle = random.nextDouble() * Math.PI;
        double length = 0.1 + random.nextDouble() * 3;
        double width = Math.pow(10, -3 - random.nextInt(4));
        double dx = Math.cos(angle) * length;
        double dy = Math.sin(angle) * length;
        double nx = -Math.sin(angle) * width;
        double ny = Math.cos(angle) * width;
        return ring(List.of(new Coordinate(x, y), new Coordinate(x + dx, y + dy), new Coordinate(x + dx + nx, y + dy + ny),
                new Coordinate(x + nx, y + ny)));
    }

    /** A ring that passes twice through its first point: two lobes touching in one point. */
    private static String selfTouching(Random random, Coordinate at, double size) {
        return ring(List.of(at, new Coordinate(at.x + size, at.y), new Coordinate(at.x + size, at.y + size), at,
                new Coordinate(at.x - size, at.y - size * random.nextDouble()), new Coordinate(at.x - size, at.y - size)));
    }

    private static String star(Random random, Coordinate centre, double radius) {
        int points = 3 + random.nextInt(14);
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double angle = 2 * Math.PI * i / points;
            double r = radius * (0.05 + random.nextDouble());
            ring.add(new Coordinate(centre.x + Math.cos(angle) * r * 1.6, centre.y + Math.sin(angle) * r));
        }
        return ring(ring);
    }

    private static Coordinate randomIn(Random random, Envelope box) {
        return new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                box.getMinY() + random.nextDouble() * box.getHeight());
    }

    /** CAP's "lat,lon lat,lon ...", closed. */
    private static String ring(List<Coordinate> points) {
        StringBuilder text = new StringBuilder();
        for (Coordinate point : points) {
            text.append(String.format(Locale.ROOT, "%.7f,%.7f ", point.y, point.x));
        }
        return text.append(String.format(Locale.ROOT, "%.7f,%.7f", points.get(0).y, points.get(0).x)).toString();
    }
}
