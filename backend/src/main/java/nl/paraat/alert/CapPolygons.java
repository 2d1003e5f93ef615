package nl.paraat.alert;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.StringJoiner;

/** A polygon's outer ring as CAP writes it: "lat,lon lat,lon ...", closed. */
final class CapPolygons {

    /** Seven decimals: about a centimetre, so that a clipped ring read back stays the same ring. */
    private static final int DECIMALS = 7;

    private CapPolygons() {
    }

    static String text(Polygon polygon) {
        StringJoiner ring = new StringJoiner(" ");
        for (Coordinate coordinate : polygon.getExteriorRing().getCoordinates()) {
            ring.add(number(coordinate.y) + "," + number(coordinate.x));
        }
        return ring.toString();
    }

    private static String number(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
