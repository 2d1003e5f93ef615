package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.Actor;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.region.RegionService;

import io.micronaut.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every change to points, each in one transaction with its status history, its audit row and a new
 * index version, so that all instances rebuild their index after it.
 */
@Singleton
class PointWriter {

    private final PointRepository points;
    private final PointStatusChangeRepository history;
    private final PointRules rules;
    private final RegionService regions;
    private final AuditService audit;
    private final Clock clock;

    PointWriter(PointRepository points, PointStatusChangeRepository history, PointRules rules, RegionService regions,
                AuditService audit, Clock clock) {
        this.points = points;
        this.history = history;
        this.rules = rules;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }


    @Transactional
    Point create(PointRequest request, Actor actor) {
        String municipality = checked(request, actor);
        if (request.externalId() != null
                && points.findByOwnerAndExternalId(actor.organisation(), request.externalId()).isPresent()) {
            throw ProblemException.conflict("externalId", "Organisation '" + actor.organisation()
                    + "' already has a point with external id '" + request.externalId() + "'.");
        }
        ResiliencePoint saved = points.save(build(null, request, municipality, actor.organisation(), null, now()));
        recordStatus(saved.id(), null, saved.status(), saved.statusNote(), actor.name());
        audit.record(actor.name(), actor.organisation(), "point.created", "point", saved.id().toString(), saved.name());
        points.bumpIndexVersion();
        return saved.toPoint();
    }

    @Transactional
    Point replace(long id, PointRequest request, Actor actor) {
        ResiliencePoint existing = manageable(id, actor);
        String municipality = checked(request, actor);
        if (request.externalId() != null && points.findByOwnerAndExternalId(existing.owner(), request.externalId())
                .filter(other -> !other.id().equals(existing.id())).isPresent()) {
            throw ProblemException.conflict("externalId", "Organisation '" + existing.owner()
                    + "' already has another point with external id '" + request.externalId() + "'.");
        }
        ResiliencePoint updated = points.update(build(existing.id(), request, municipality, existing.owner(), existing, now()));
        if (updated.status() != existing.status()) {
            recordStatus(id, existing.status(), updated.status(), updated.statusNote(), actor.name());
        }
        audit.record(actor.name(), actor.organisation(), "point.updated", "point", Long.toString(id), updated.name());
        points.bumpIndexVersion();
        return updated.toPoint();
    }

    @Transactional
    void delete(long id, Actor actor) {
        ResiliencePoint existing = manageable(id, actor);
        history.deleteByPointId(id);
        points.deleteById(id);
        audit.record(actor.name(), actor.organisation(), "point.deleted", "point", Long.toString(id), existing.name());
        points.bumpIndexVersion();
    }

    Point find(long id, Actor actor) {
        return manageable(id, actor).toPoint();
    }

    List<PointViews.StatusChange> history(long id, Actor actor) {
        manageable(id, actor);
        return history.findByPointIdOrderByIdDesc(id).stream()
                .map(change -> new PointViews.StatusChange(change.fromStatus(), change.toStatus(), change.note(),
                        change.changedBy(), change.changedAt()))
                .toList();
    }

    /**
     * Writes all rows of an import file or none: rows are checked first, and one bad row rejects the file.
     * Rows are matched to existing points of the organisation by external id.
     */
    @Transactional
    PointViews.ImportReport importRows(PointImport.Parsed parsed, Actor actor) {
        List<PointViews.ImportError> errors = new ArrayList<>(parsed.errors());
        Map<String, Integer> firstRowOfId = new HashMap<>();
        List<String> municipalities = new ArrayList<>();
        for (PointImport.Row row : parsed.rows()) {
            PointRules.Checked checked = rules.check(row.request(), actor.area(), actor.organisation());
            checked.errors().forEach(error -> errors.add(new PointViews.ImportError(row.number(), error.field(), error.message())));
            municipalities.add(checked.municipality());
            String externalId = row.request().externalId();
            if (externalId == null) {
                errors.add(new PointViews.ImportError(row.number(), "externalId", "is required in an import"));
            } else if (firstRowOfId.putIfAbsent(externalId, row.number()) != null) {
                errors.add(new PointViews.ImportError(row.number(), "externalId", "'" + externalId
                        + "' is also used on row " + firstRowOfId.get(externalId)));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(PointViews.ImportError::row).thenComparing(PointViews.ImportError::field));
            return new PointViews.ImportReport(parsed.format(), parsed.rowCount(), 0, 0, errors);
        }
        Map<String, ResiliencePoint> existing = new HashMap<>();
        if (!firstRowOfId.isEmpty()) {
            points.findByOwnerAndExternalIdIn(actor.organisation(), firstRowOfId.keySet())
                    .forEach(point -> existing.put(point.externalId(), point));
        }
        Instant now = now();
        int created = 0;
        int updated = 0;
        for (int i = 0; i < parsed.rows().size(); i++) {
            PointRequest request = parsed.rows().get(i).request();
            ResiliencePoint before = existing.get(request.externalId());
            if (before == null) {
                ResiliencePoint saved = points.save(build(null, request, municipalities.get(i), actor.organisation(), null, now));
                recordStatus(saved.id(), null, saved.status(), saved.statusNote(), actor.name());
                created++;
            } else {
                ResiliencePoint saved = points.update(build(before.id(), request, municipalities.get(i), before.owner(), before, now));
                if (saved.status() != before.status()) {
                    recordStatus(saved.id(), before.status(), saved.status(), saved.statusNote(), actor.name());
                }
                updated++;
            }
        }
        audit.record(actor.name(), actor.organisation(), "point.imported", "point-import", parsed.format(),
                created + " created, " + updated + " updated");
        points.bumpIndexVersion();
        return new PointViews.ImportReport(parsed.format(), parsed.rowCount(), created, updated, List.of());
    }

    /**
     * Opens (or closes again) the points of an area in one action. Without a selection, activating
     * takes the points on standby and standing down takes the active ones; planned points are never
     * opened by area.
     */
    @Transactional
    PointViews.ActivationResult activate(PointViews.ActivationRequest request, Actor actor) {
        if (request.status() == PointStatus.PLANNED) {
            throw ProblemException.invalid("status", "Use active, standby or closed.");
        }
        List<ResiliencePoint> selected = select(request, actor);
        Instant now = now();
        List<Long> changed = new ArrayList<>();
        for (ResiliencePoint point : selected) {
            if (point.status() == request.status()) {
                continue;
            }
            ResiliencePoint next = new ResiliencePoint(point.id(), point.owner(), point.externalId(), point.name(), point.type(),
                    point.address(), point.postalCode(), point.city(), point.municipality(), point.latitude(),
                    point.longitude(), point.facilities(), point.capacity(), point.openingHours(), request.status(), now,
                    request.status() == PointStatus.ACTIVE ? request.until() : null,
                    request.note() != null ? request.note() : point.statusNote(), point.lastConfirmedAt(),
                    point.createdAt(), now);
            points.update(next);
            recordStatus(point.id(), point.status(), request.status(), request.note(), actor.name());
            changed.add(point.id());
        }
        audit.record(actor.name(), actor.organisation(), "point.status-set", "area",
                request.area() != null ? request.area() : String.join(",", actor.area()),
                request.status().code() + ": " + changed.size() + " points");
        points.bumpIndexVersion();
        return new PointViews.ActivationResult(request.status(), changed.size(), changed);
    }

    private List<ResiliencePoint> select(PointViews.ActivationRequest request, Actor actor) {
        if (request.pointIds() != null && !request.pointIds().isEmpty()) {
            List<ResiliencePoint> found = points.findByIdIn(Set.copyOf(request.pointIds()));
            if (found.size() != Set.copyOf(request.pointIds()).size()) {
                throw ProblemException.invalid("pointIds", "Some of these points do not exist.");
            }
            for (ResiliencePoint point : found) {
                if (!regions.covers(actor.area(), point.municipality())) {
                    throw ProblemException.forbidden("Point " + point.id() + " lies outside the area of organisation '"
                            + actor.organisation() + "'.");
                }
            }
            return found;
        }
        Collection<String> area = request.area() != null ? List.of(request.area()) : actor.area();
        for (String code : area) {
            if (!regions.isKnownArea(code)) {
                throw ProblemException.invalid("area", "Unknown area '" + code + "'.");
            }
            if (!regions.covers(actor.area(), code)) {
                throw ProblemException.forbidden("Area " + code + " lies outside the area of organisation '"
                        + actor.organisation() + "'.");
            }
        }
        Set<String> municipalities = new java.util.TreeSet<>();
        area.forEach(code -> municipalities.addAll(regions.municipalitiesOf(code)));
        Set<PointStatus> from = request.status() == PointStatus.ACTIVE ? EnumSet.of(PointStatus.STANDBY)
                : EnumSet.of(PointStatus.ACTIVE, PointStatus.STANDBY);
        return points.findByMunicipalityInOrderById(municipalities).stream()
                .filter(point -> from.contains(point.status()))
                .toList();
    }

    private ResiliencePoint manageable(long id, Actor actor) {
        ResiliencePoint point = points.findById(id).orElseThrow(() -> ProblemException.notFound("No point " + id + "."));
        if (!regions.covers(actor.area(), point.municipality())) {
            throw ProblemException.forbidden("Point " + id + " lies outside the area of organisation '"
                    + actor.organisation() + "'.");
        }
        return point;
    }

    private String checked(PointRequest request, Actor actor) {
        PointRules.Checked checked = rules.check(request, actor.area(), actor.organisation());
        if (!checked.valid()) {
            boolean outsideArea = checked.outsideArea();
            throw new ProblemException(outsideArea ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST,
                    outsideArea ? "forbidden" : "validation", checked.errors().get(0).field() + ": "
                    + checked.errors().get(0).message(), checked.errors());
        }
        return checked.municipality();
    }

    private static ResiliencePoint build(@Nullable Long id, PointRequest request, String municipality, String owner,
                                         @Nullable ResiliencePoint before, Instant now) {
        PointStatus status = request.status() != null ? request.status() : PointStatus.STANDBY;
        boolean statusChanged = before == null || before.status() != status;
        return new ResiliencePoint(id, owner, request.externalId(), request.name().strip(), request.type(),
                request.address(), request.postalCode(), request.city(), municipality, request.latitude(),
                request.longitude(), Facility.encode(request.facilities() == null ? Set.of() : request.facilities()),
                request.capacity(), request.openingHours(), status,
                statusChanged ? now : before.statusSince(), request.statusUntil(), request.statusNote(),
                request.lastConfirmedAt(), before == null ? now : before.createdAt(), now);
    }

    private void recordStatus(long pointId, @Nullable PointStatus from, PointStatus to, @Nullable String note, String actor) {
        if (!Objects.equals(from, to)) {
            history.save(new PointStatusChange(null, pointId, from, to, note, actor, now()));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
