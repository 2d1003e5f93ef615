package nl.paraat.checklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The k-anonymity rule of readiness statistics, for one response. Each figure is first a cell per
 * municipality; a cell is publishable only when at least k households are in it and at least k are
 * not (so neither "3 households" nor "all but 3" can be read from it). An area's figure is the sum
 * of its municipalities' publishable cells, never more, so subtracting published municipalities
 * from a region's figure leaves nothing but other published cells. Suppressed figures are named.
 */
final class Disclosure {

    static final String RULE = "A figure is published only when at least k households count in it and at least k"
            + " households of the same population do not; otherwise it is null, never rounded. Figures are summed per"
            + " municipality: a municipality with fewer than k contributing households is left out of every figure,"
            + " and a municipality's suppressed figure is left out of that figure for the whole area, so an area's"
            + " figure is exactly the sum of what its municipalities publish.";

    private final int k;
    private final List<String> suppressed = new ArrayList<>();

    Disclosure(int k) {
        this.k = k;
    }

    /** One municipality's count and the households it is a share of. */
    record Cell(int count, int of) {
    }

    /** Whether a municipality has enough contributing households to take part in any figure. */
    boolean takesPart(int households) {
        return households >= k;
    }

    /** The households of the municipalities that take part; null when none does. */
    Integer households(String name, Collection<Integer> perMunicipality) {
        int total = perMunicipality.stream().filter(this::takesPart).mapToInt(Integer::intValue).sum();
        if (total == 0) {
            suppressed.add(name);
            return null;
        }
        return total;
    }

    /** The sum of the publishable cells; null when there is none. */
    ReadinessStats.Figure figure(String name, Collection<Cell> cells) {
        int count = 0;
        int of = 0;
        for (Cell cell : cells) {
            if (takesPart(cell.of()) && cell.count() >= k && cell.of() - cell.count() >= k) {
                count += cell.count();
                of += cell.of();
            }
        }
        if (of == 0) {
            suppressed.add(name);
            return null;
        }
        return ReadinessStats.Figure.of(count, of);
    }

    List<String> suppressed() {
        return List.copyOf(suppressed);
    }
}
