package nl.paraat.content;

/** Markdown bodies that satisfy the rules for each kind. */
public final class ContentFilesBodies {

    public static final String RISK = ContentFiles.RISK_BODY;

    private ContentFilesBodies() {
    }
}
