package adoptsig.tlc;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.rmi.server.RMISocketFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The main of a JVM forked to run TLC (or its distributed server and workers): it starts a
 * watchdog, then calls the real main. The watchdog ends the JVM when its parent is gone,
 * however the parent died (SIGKILL included, which runs no shutdown hook): it reads the child's
 * standard input, a pipe whose writing end only the parent holds, until end of file, and it
 * also polls whether the parent process is still alive. So no TLC outlives the command that
 * started it by more than a second or so.
 *
 * <p>When the JVM exits normally (TLC calls System.exit), a shutdown hook ends the two threads of
 * this JVM that would still be blocked in a system call (the parent's poll goes on): the watchdog's read of standard input
 * (through an interruptible channel) and, for tlc2.TLC, RMI's accept on the server socket that
 * exporting TLC's fingerprint set opened (through a socket factory that keeps its server
 * sockets). HotSpot's exit waits up to 300 ms for threads in native code to stop (VM_Exit's
 * wait for threads in native); measured, every forked TLC spent those 300 ms after its last line.
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
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath + java.io.File.pathSeparator + ownClassPath(), Tethered.class.getName(),
                Long.toString(ProcessHandle.current().pid()), mainClass));
        cmd.addAll(args);
        return cmd;
    }

    /** The launcher of the JVM this one runs on, for a JVM of the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
        Tether tether = watch(new FileInputStream(FileDescriptor.in).getChannel(), parent);
        ServerSockets sockets = null;
        if (args[1].equals("tlc2.TLC")) {
            sockets = new ServerSockets();
            RMISocketFactory.setSocketFactory(sockets);
        }
        ServerSockets rmi = sockets;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tether.release();
            if (rmi != null) rmi.closeAll();
        }, "tethered-exit"));
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The watchdog's threads; {@link #release} ends the read of standard input without halting the
     * JVM (for an exit that is not an orphan's). The poll goes on to the end: it sleeps between
     * looks, so it does not hold up the exit, and a JVM whose shutdown hangs (TLCServer's hook
     * calls its workers) is still halted when the parent is gone.
     */
    static final class Tether {
        private final Thread eof, poll;
        private volatile boolean released;

        private Tether(Thread eof, Thread poll) {
            this.eof = eof;
            this.poll = poll;
        }

        /** Ends the read of standard input: it is interrupted, which closes the channel. */
        void release() {
            released = true;
            eof.interrupt();
        }

        boolean readerAlive() { return eof.isAlive(); }

        boolean pollAlive() { return poll.isAlive(); }
    }

    /**
     * Starts the two watchdog threads: end of file on {@code in}, or the process {@code parent}
     * gone, halts this JVM. {@code in} is an interruptible channel, so that {@link Tether#release}
     * can end the read; null: only the parent is polled (a JVM that reads its standard input itself).
     */
    static Tether watch(ReadableByteChannel in, long parent) {
        Tether[] self = new Tether[1];
        Thread eof = in == null ? new Thread(() -> { }, "tethered-stdin-unused") : new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(256);
            try {
                while (in.read(buf) >= 0) {
                    // nothing is sent: the pipe only tells that the parent holds it open
                    buf.clear();
                }
            } catch (IOException e) {
                // a broken pipe is a parent gone too; an interrupted read is a release
            }
            if (!self[0].released) orphaned("its standard input closed");
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
        self[0] = new Tether(eof, poll);
        for (Thread t : List.of(eof, poll)) {
            t.setDaemon(true);
            t.start();
        }
        return self[0];
    }

    /**
     * RMI's sockets, made as RMI's default factory makes them (a plain Socket and ServerSocket),
     * with the server sockets kept so that {@link #closeAll} can close them: that ends the accept
     * loop's blocked accept (RMI closes a server socket on an anonymous port only when the JVM
     * ends, even after the last object exported on it is unexported).
     */
    static final class ServerSockets extends RMISocketFactory {
        private final List<ServerSocket> open = new CopyOnWriteArrayList<>();

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket s = new ServerSocket(port);
            open.add(s);
            return s;
        }

        void closeAll() {
            for (ServerSocket s : open) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing at exit: nothing to do about it
                }
            }
        }
    }

    static void orphaned(String why) {
        System.err.println("adoptsig: this TLC process stops: the process that started it is gone (" + why + ")");
        System.err.flush();
        Runtime.getRuntime().halt(ORPHANED);
    }
}
