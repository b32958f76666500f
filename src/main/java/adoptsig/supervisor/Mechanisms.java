package adoptsig.supervisor;

import adoptsig.InputError;
import adoptsig.daemon.Daemons;
import adoptsig.kernel.Kernel;
import adoptsig.system.Bounds;

import java.lang.reflect.InvocationTargetException;

/**
 * Finds the class of a mechanism id (properties/mechanisms.tsv lists the ids; nothing in Java
 * lists them again): the id with a capital first letter, in this package (rfcWitness: RfcWitness),
 * with a constructor (Kernel, Bounds, Daemons).
 */
public final class Mechanisms {
    private Mechanisms() {}

    /** The class name of a mechanism id: rfcWitness -> RfcWitness. */
    public static String className(String id) { return Character.toUpperCase(id.charAt(0)) + id.substring(1); }

    /** The supervisor of bounds.supervisor() over this kernel; bad input if there is no such class or the bounds do not suit it. */
    public static Supervisor create(Kernel kernel, Bounds bounds) {
        String name = Mechanisms.class.getPackageName() + "." + className(bounds.supervisor());
        Class<?> c;
        try {
            c = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new InputError("unknown mechanism '" + bounds.supervisor() + "' (no class " + name + ")");
        }
        if (!Supervisor.class.isAssignableFrom(c)) throw new InputError("unknown mechanism '" + bounds.supervisor() + "'");
        try {
            return (Supervisor) c.getConstructor(Kernel.class, Bounds.class, Daemons.class).newInstance(kernel, bounds, new Daemons(kernel, bounds));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mechanism class " + name + " needs a public constructor (Kernel, Bounds, Daemons)", e);
        }
    }
}
