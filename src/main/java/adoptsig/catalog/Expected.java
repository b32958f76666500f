package adoptsig.catalog;

/** An expected (or found) verdict of a property. */
public enum Expected {
    HOLDS, VIOLATED;

    public String word() { return name().toLowerCase(); }
}
