package nl.paraat.checklist;

import nl.paraat.content.ChecklistTemplate;
import nl.paraat.content.LocalisedChecklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales a kit to a household: amount × how many are counted × days, rounded up to whole units at the
 * end (never before, so that 1.5 litres for each of three people is 5 litres, not 6). Days are the
 * duration in hours divided by 24, not rounded. Items for needs the household lacks, or that count
 * nobody in it (baby food without a baby), are left out.
 */
final class KitCalculator {

    private static final BigDecimal HOURS_PER_DAY = new BigDecimal(24);

    private KitCalculator() {
    }

    static KitViews.Kit calculate(LocalisedChecklist checklist, KitViews.Household household) {
        List<KitViews.Section> sections = new ArrayList<>();
        long water = 0;
        for (ChecklistTemplate.Section section : checklist.template().sections()) {
            List<KitViews.Item> items = new ArrayList<>();
            for (ChecklistTemplate.Item item : section.items()) {
                if (!item.needs().isEmpty() && item.needs().stream().noneMatch(household.needs()::contains)) {
                    continue;
                }
                Long quantity = item.quantity() == null ? null : quantity(item.quantity(), household);
                if (quantity != null && quantity == 0) {
                    continue;
                }
                if (item.water() && quantity != null) {
                    water += quantity;
                }
                items.add(new KitViews.Item(item.id(), item.text(), item.why(), quantity, item.unit(), item.quantity(),
                        item.needs()));
            }
            if (!items.isEmpty()) {
                sections.add(new KitViews.Section(section.id(), section.title(), List.copyOf(items)));
            }
        }
        return new KitViews.Kit(checklist.id(), checklist.locale(), checklist.fallback(), checklist.contentVersion(),
                household.hours(), household, water, List.copyOf(sections));
    }

    static long quantity(ChecklistTemplate.Quantity rule, KitViews.Household household) {
        BigDecimal total = rule.amount().multiply(BigDecimal.valueOf(counted(rule.counted(), household)));
        if (rule.perDay()) {
            total = total.multiply(BigDecimal.valueOf(household.hours())).divide(HOURS_PER_DAY, 6, RoundingMode.UP);
        }
        return total.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static int counted(String counted, KitViews.Household household) {
        return switch (counted) {
            case "household" -> 1;
            case "person" -> household.persons();
            case "adult" -> household.adults() + household.elderly();
            case "child" -> household.children();
            case "infant" -> household.infants();
            case "elderly" -> household.elderly();
            case "pet" -> household.pets().values().stream().mapToInt(Integer::intValue).sum();
            default -> household.pets(counted);
        };
    }
}
