package nl.paraat.point;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.paraat.common.Problem;
import nl.paraat.region.Location;
import nl.paraat.region.RegionService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The checks every new or changed point passes, whether it comes from the API or from an import file. */
@Singleton
class PointRules {

    private final RegionService regions;
    private final Validator validator;

    PointRules(RegionService regions, Validator validator) {
        this.regions = regions;
        this.validator = validator;
    }

    /** @param outsideArea the point is valid but the organisation may not manage it: a matter of rights, not input */
    record Checked(String municipality, List<Problem.FieldError> errors, boolean outsideArea) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** @param area the area codes of the organisation making the change */
    Checked check(PointRequest request, Collection<String> area, String organisation) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<PointRequest> violation : validator.validate(request)) {
            errors.add(new Problem.FieldError(violation.getPropertyPath().iterator().next().getName(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        if (!errors.isEmpty()) {
            return new Checked(null, errors, false);
        }
        Optional<Location> location = regions.locate(request.latitude(), request.longitude());
        if (location.isEmpty()) {
            return new Checked(null, List.of(new Problem.FieldError("latitude",
                    "the point " + request.latitude() + ", " + request.longitude() + " lies outside the Netherlands")), false);
        }
        // The municipality follows from the coordinates: a stated one that disagrees would let a point
        // of one organisation sit in another's territory, out of that organisation's reach.
        String municipality = location.get().municipality().code();
        if (request.municipality() != null && !request.municipality().equals(municipality)) {
            return new Checked(null, List.of(new Problem.FieldError("municipality", "the point "
                    + request.latitude() + ", " + request.longitude() + " lies in " + municipality + " "
                    + location.get().municipality().name() + ", not in " + request.municipality())), false);
        }
        if (!regions.covers(area, municipality)) {
            return new Checked(null, List.of(new Problem.FieldError("municipality", "the point lies in " + municipality
                    + " " + location.get().municipality().name() + ", outside the area of organisation '"
                    + organisation + "'")), true);
        }
        return new Checked(municipality, List.of(), false);
    }
}
