package nl.paraat.point;

import io.micronaut.context.ApplicationContext;

/** The points tests assert on nearest answers, so each class starts from an empty table. */
final class PointTestData {

    private PointTestData() {
    }

    static void clear(ApplicationContext context) {
        context.getBean(PointStatusChangeRepository.class).deleteAll();
        context.getBean(PointRepository.class).deleteAll();
        context.getBean(PointRepository.class).bumpIndexVersion();
        context.getBean(PointCatalog.class).refresh();
    }

    static String json(String name, String type, double lat, double lon, String facilities, String status, String externalId) {
        return """
                {"name":"%s","type":"%s","latitude":%s,"longitude":%s,"facilities":[%s],"status":"%s"%s}
                """.formatted(name, type, lat, lon, facilities, status,
                externalId == null ? "" : ",\"externalId\":\"" + externalId + "\"").strip();
    }
}
