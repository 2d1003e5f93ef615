package nl.paraat.alert;

import nl.paraat.content.Hazard;

/** The CAP category a message gets by default for its hazard. */
final class HazardCategories {

    private HazardCategories() {
    }

    static Cap.Category of(Hazard hazard) {
        return switch (hazard) {
            case POWER_OUTAGE, DRINKING_WATER_OUTAGE, TELECOM_OUTAGE -> Cap.Category.Infra;
            case FLOOD -> Cap.Category.Geo;
            case EXTREME_HEAT, STORM -> Cap.Category.Met;
            case WILDFIRE -> Cap.Category.Fire;
            case HAZARDOUS_SUBSTANCES, NUCLEAR_INCIDENT -> Cap.Category.CBRNE;
            case PANDEMIC -> Cap.Category.Health;
            case CYBER_ATTACK, MILITARY_THREAT -> Cap.Category.Security;
        };
    }
}
