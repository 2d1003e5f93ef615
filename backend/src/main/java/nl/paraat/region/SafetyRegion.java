package nl.paraat.region;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

record SafetyRegion(String code, String name, List<Municipality> municipalities, Geometry boundary) {
}
