package nl.paraat.common;

import java.util.Set;
import java.util.TreeSet;

/** Geohash cells: the coarse "where I am now" a device may share, and the cells an alert's area covers. */
public final class Geohash {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geohash() {
    }

    /** @return {south, west, north, east} of the cell */
    public static double[] bounds(String hash) {
        double south = -90;
        double north = 90;
        double west = -180;
        double east = 180;
        boolean longitude = true;
        for (char c : hash.toCharArray()) {
            int value = BASE32.indexOf(c);
            for (int bit = 4; bit >= 0; bit--) {
                boolean set = (value & (1 << bit)) != 0;
                if (longitude) {
                    double middle = (west + east) / 2;
                    if (set) {
                        west = middle;
                    } else {
                        east = middle;
                    }
                } else {
                    double middle = (south + north) / 2;
                    if (set) {
                        south = middle;
                    } else {
                        north = middle;
                    }
                }
                longitude = !longitude;
            }
        }
        return new double[]{south, west, north, east};
    }

    public static String encode(double latitude, double longitude, int precision) {
        StringBuilder hash = new StringBuilder();
        double[] latRange = {-90, 90};
        double[] lonRange = {-180, 180};
        boolean onLongitude = true;
        int bits = 0;
        int value = 0;
        while (hash.length() < precision) {
            double[] range = onLongitude ? lonRange : latRange;
            double coordinate = onLongitude ? longitude : latitude;
            double middle = (range[0] + range[1]) / 2;
            value <<= 1;
            if (coordinate >= middle) {
                value |= 1;
                range[0] = middle;
            } else {
                range[1] = middle;
            }
            onLongitude = !onLongitude;
            if (++bits == 5) {
                hash.append(BASE32.charAt(value));
                bits = 0;
                value = 0;
            }
        }
        return hash.toString();
    }

    /** @return every cell of this precision within the box that passes the test (given the cell's bounds) */
    public static Set<String> covering(double south, double west, double north, double east, int precision,
                                       java.util.function.Predicate<double[]> touches) {
        Set<String> cells = new TreeSet<>();
        double[] sample = bounds(encode(south, west, precision));
        double height = sample[2] - sample[0];
        double width = sample[3] - sample[1];
        for (double lat = south; lat <= north + height; lat += height) {
            for (double lon = west; lon <= east + width; lon += width) {
                String cell = encode(Math.min(lat, 89.999), Math.min(lon, 179.999), precision);
                if (touches.test(bounds(cell))) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }
}
