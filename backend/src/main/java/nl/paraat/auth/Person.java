package nl.paraat.auth;

/** The one name of a person, whichever of their keys or tokens they used. */
final class Person {

    static final String PREFIX = "member:";

    private Person() {
    }

    static String of(String subject) {
        return PREFIX + subject;
    }
}
