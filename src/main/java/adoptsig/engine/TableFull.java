package adoptsig.engine;

/**
 * A table or buffer of the engine reached the most it can hold (Java arrays stop at 2^31
 * elements): more heap does not lift it. An OutOfMemoryError still, so that every handler of
 * running out of memory stops the run cleanly; the safety check says which limit it was.
 */
public final class TableFull extends OutOfMemoryError {
    public TableFull(String message) { super(message); }
}
