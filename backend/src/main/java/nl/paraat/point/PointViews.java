package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import nl.paraat.common.ProblemTypes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request and response shapes of the points endpoints. */
final class PointViews {

    private PointViews() {
    }

    @Serdeable
    record NearbyPoint(Point point, double distanceMetres, double bearingDegrees) {
    }

    /** @param source {@code index} normally; {@code database} while this instance's index is being built */
    @Serdeable
    record Nearest(String source, @JsonInclude(JsonInclude.Include.ALWAYS) List<NearbyPoint> points) {
    }

    @Serdeable
    record ImportError(int row, String field, String message) {
    }

    /** @param row the CSV line number, or the position of the feature in the GeoJSON (counting from 1) */
    @Serdeable
    record ImportReport(String format, int rows, int created, int updated, List<ImportError> errors) {
    }

    /** A rejected import as an RFC 9457 problem, with every bad row. */
    @Serdeable
    record ImportRejected(String type, String title, int status, String detail, String format, int rows,
                          List<ImportError> errors) {

        static ImportRejected of(ImportReport report) {
            return new ImportRejected(ProblemTypes.of("import-rejected"), "Unprocessable Entity", 422,
                    report.errors().size() + " problems; nothing was written. Fix every row listed and send the whole file again.",
                    report.format(), report.rows(), report.errors());
        }
    }

    @Serdeable
    record ActivationRequest(@Nullable @Size(max = 8) String area,
                             @Nullable @Size(max = 5000) List<@NotNull Long> pointIds,
                             @NotNull PointStatus status,
                             @Nullable Instant until,
                             @Nullable @Size(max = 500) String note) {
    }

    @Serdeable
    record ActivationResult(PointStatus status, int changed, @JsonInclude(JsonInclude.Include.ALWAYS) List<Long> pointIds) {
    }

    @Serdeable
    record Geometry(String type, List<Double> coordinates) {
    }

    @Serdeable
    record Feature(String type, long id, Geometry geometry, Point properties) {

        static Feature of(Point point) {
            return new Feature("Feature", point.id(), new Geometry("Point", List.of(point.longitude(), point.latitude())), point);
        }
    }

    @Serdeable
    record FeatureCollection(String type, @JsonInclude(JsonInclude.Include.ALWAYS) List<Feature> features) {
    }

    @Serdeable
    record StatusChange(@Nullable PointStatus fromStatus, PointStatus toStatus, @Nullable String note, String changedBy,
                        Instant changedAt) {
    }
}
