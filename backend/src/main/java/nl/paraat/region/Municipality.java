package nl.paraat.region;

import org.locationtech.jts.geom.Geometry;

record Municipality(String code, String name, String safetyRegionCode, Geometry boundary) {
}
