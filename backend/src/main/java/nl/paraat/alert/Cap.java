package nl.paraat.alert;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The OASIS CAP 1.2 code lists Paraat uses, spelled exactly as in CAP so that messages can be
 * exchanged with other warning systems unchanged.
 */
public final class Cap {

    private Cap() {
    }

    @Serdeable
    public enum Status { Actual, Exercise, System, Test, Draft }

    @Serdeable
    public enum MsgType { Alert, Update, Cancel }

    @Serdeable
    public enum Category { Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other }

    @Serdeable
    public enum Urgency { Immediate, Expected, Future, Past, Unknown }

    @Serdeable
    public enum Severity { Extreme, Severe, Moderate, Minor, Unknown }

    @Serdeable
    public enum Certainty { Observed, Likely, Possible, Unlikely, Unknown }

    @Serdeable
    public enum ResponseType { Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None }
}
