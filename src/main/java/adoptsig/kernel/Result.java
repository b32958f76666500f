package adoptsig.kernel;

/**
 * What a syscall returns: the new state and a value (a PID, or 0), or an errno with the state
 * unchanged. Errors are values, as at the kernel boundary; exceptions are for bugs.
 */
public sealed interface Result<S> {
    record Ok<S>(S state, int value) implements Result<S> {}
    record Err<S>(Errno errno) implements Result<S> {}

    default boolean ok() { return this instanceof Ok; }

    default S state() {
        if (this instanceof Ok<S> o) return o.state();
        throw new IllegalStateException("syscall failed with " + ((Err<S>) this).errno());
    }

    default Errno errno() { return this instanceof Err<S> e ? e.errno() : null; }

    static <S> Result<S> ok(S s, int v) { return new Ok<>(s, v); }
    static <S> Result<S> err(Errno e) { return new Err<>(e); }
}
