package adoptsig.tlc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main of a JVM forked to run TLC (or its distributed server and workers): it starts a
 * watchdog, then calls the real main. The watchdog ends the JVM when its parent is gone,
 * however the parent died (SIGKILL included, which runs no shutdown hook): it reads the child's
 * standard input, a pipe whose writing end only the parent holds, until end of file, and it
 * also polls whether the parent process is still alive. So no TLC outlives the command that
 * started it by more than a second or so.
 *
 * <p>Usage: {@code java -cp ... adoptsig.tlc.Tethered PARENT_PID MAIN_CLASS ARGS...}.
 */
public final class Tethered {
    private Tethered() {}

    /** How often the watchdog asks whether the parent is alive. */
    static final long POLL_MILLIS = 500;

    /** The exit code of a child whose parent went away. */
    static final int ORPHANED = 143;

    /** The command that runs mainClass with args in a JVM of its own, tethered to this process: jvmOptions go before the class path. */
    public static List<String> command(List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
        Path jvm = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(jvm.toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath + java.io.File.pathSeparator + ownClassPath(), Tethered.class.getName(),
                Long.toString(ProcessHandle.current().pid()), mainClass));
        cmd.addAll(args);
        return cmd;
    }

    /** The jar or class folder that holds this class (adoptsig.jar, or target/classes in tests). */
    static String ownClassPath() {
        try {
            return Path.of(Tethered.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the adoptsig classes", e);
        }
    }

    public static void main(String[] args) throws Throwable {
        long parent = Long.parseLong(args[0]);
        watch(System.in, parent);
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Starts the two watchdog threads: end of file on {@code in}, or the process {@code parent} gone, halts this JVM. */
    static void watch(InputStream in, long parent) {
        Thread eof = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // nothing is sent: the pipe only tells that the parent holds it open
                }
            } catch (IOException e) {
                // a broken pipe is a parent gone too
            }
            orphaned("its standard input closed");
        }, "tethered-stdin");
        Thread poll = new Thread(() -> {
            while (true) {
                if (ProcessHandle.of(parent).map(h -> !h.isAlive()).orElse(true)
                        || ProcessHandle.current().parent().map(h -> h.pid() != parent).orElse(true)) {
                    orphaned("process " + parent + " is gone");
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tethered-parent");
        for (Thread t : List.of(eof, poll)) {
            t.setDaemon(true);
            t.start();
        }
    }

    private static void orphaned(String why) {
        System.err.println("adoptsig: this TLC process stops: the process that started it is gone (" + why + ")");
        System.err.flush();
        Runtime.getRuntime().halt(ORPHANED);
    }
}
