package adoptsig.tlc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * System.out and System.err, routed by thread group: a thread of a group that an in-process
 * TLC run registered writes into that run's log, every other thread where it wrote before.
 * TLC prints its messages through util.ToolIO (set per run, in the run's own class loader),
 * but a few things bypass it and print on System.err directly: stack traces, and the JMX
 * registration that fails when two runs register TLC's bean under the same fixed name at once.
 * Without the routing, two concurrent runs would mix those lines into the terminal.
 * Installed once, on the first in-process run, and left in place (restoring System.out while
 * another run is still going would race).
 */
final class ThreadGroupOutput {
    private ThreadGroupOutput() {}

    private static final Map<ThreadGroup, OutputStream> ROUTES = new ConcurrentHashMap<>();
    private static boolean installed;

    static synchronized void install() {
        if (installed) return;
        System.setOut(new PrintStream(new Router(System.out), true));
        System.setErr(new PrintStream(new Router(System.err), true));
        installed = true;
    }

    static void route(ThreadGroup group, OutputStream to) {
        install();
        ROUTES.put(group, to);
    }

    static void unroute(ThreadGroup group) { ROUTES.remove(group); }

    private static final class Router extends OutputStream {
        private final PrintStream fallback;

        Router(PrintStream fallback) { this.fallback = fallback; }

        private OutputStream target() {
            if (!ROUTES.isEmpty()) {
                for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
                    OutputStream o = ROUTES.get(g);
                    if (o != null) return o;
                }
            }
            return fallback;
        }

        @Override public void write(int b) throws IOException { target().write(b); }
        @Override public void write(byte[] b, int off, int len) throws IOException { target().write(b, off, len); }
        @Override public void flush() throws IOException { target().flush(); }
    }
}
