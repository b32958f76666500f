package adoptsig.tlc;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A forked TLC dies with the JVM that started it, even when that JVM is killed with SIGKILL (no shutdown hook runs). */
class TetheredTest {
    /** A main that would outlive its parent for a minute: the stand-in for a long TLC run. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeping");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    /** A parent that starts a tethered Sleeper as ForkedTlc starts TLC, prints the child's PID, and waits to be killed. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            Process child = new ProcessBuilder(Tethered.command(List.of(), System.getProperty("java.class.path"), Sleeper.class.getName(), List.of()))
                    .redirectErrorStream(true).start();
            BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String first = in.readLine();
            System.out.println(child.pid() + " " + first);
            System.out.flush();
            Thread.sleep(60_000);
            child.destroy();
        }
    }

    @Test
    void aChildWhoseParentIsKilledStopsLongBeforeItsOwnMinute() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Parent.class.getName())))
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine();
            assertThat(line).as("the parent's first line").endsWith(" sleeping");
            long pid = Long.parseLong(line.split(" ")[0]);
            ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
            assertThat(child.isAlive()).isTrue();
            assertThat(secondsOutlivedAfterSigkill(parent, child)).as("seconds the child outlived its parent (it sleeps 60 s; the tether checks every few hundred ms; the bound leaves room for a loaded machine)").isLessThan(15.0);
        } finally {
            parent.destroyForcibly();
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Kills parent with SIGKILL (its shutdown hooks do not run), waits for it, then for child to
     * end (30 s at most): the seconds child outlived its parent.
     */
    static double secondsOutlivedAfterSigkill(Process parent, ProcessHandle child) throws InterruptedException {
        parent.destroyForcibly();
        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        while (child.isAlive() && System.nanoTime() - t0 < 30_000_000_000L) Thread.sleep(20);
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void theWatchdogStopsAChildWhenItsStandardInputCloses() throws Exception {
        Process child = new ProcessBuilder(Tethered.command(List.of(), System.getProperty("java.class.path"), Sleeper.class.getName(), List.of()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()));
            assertThat(in.readLine()).isEqualTo("sleeping");
            child.getOutputStream().close();
            assertThat(child.waitFor(3, TimeUnit.SECONDS)).as("the child stopped").isTrue();
            assertThat(child.exitValue()).isEqualTo(Tethered.ORPHANED);
            assertThat(in.readLine()).contains("the process that started it is gone (its standard input closed)");
        } finally {
            child.destroyForcibly();
        }
    }

    /**
     * What the exit hook relies on: releasing the tether ends the watchdog's read of an open pipe,
     * without taking the release for an orphan's end (which would halt this test JVM), and leaves
     * the poll of the parent; closing the kept server sockets ends a blocked accept.
     */
    @Test
    void releasingEndsTheBlockedReadAndClosingEndsTheBlockedAccept() throws Exception {
        Pipe pipe = Pipe.open();
        Tethered.Tether tether = Tethered.watch(pipe.source(), ProcessHandle.current().parent().orElseThrow().pid());
        Thread.sleep(100);
        assertThat(tether.readerAlive()).as("the watchdog reads the open pipe").isTrue();
        assertThat(tether.pollAlive()).as("and polls").isTrue();
        tether.release();
        long t0 = System.nanoTime();
        while (tether.readerAlive() && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(10);
        assertThat(tether.readerAlive()).as("the read ended after the release").isFalse();
        assertThat(tether.pollAlive()).as("the poll goes on").isTrue();
        assertThat(pipe.sink().isOpen()).as("the writing end, the parent's, is untouched").isTrue();

        Tethered.ServerSockets sockets = new Tethered.ServerSockets();
        var server = sockets.createServerSocket(0);
        Throwable[] thrown = new Throwable[1];
        Thread accept = new Thread(() -> {
            try (Socket s = server.accept()) {
                thrown[0] = new AssertionError("accepted " + s);
            } catch (Exception e) {
                thrown[0] = e;
            }
        });
        accept.start();
        Thread.sleep(100);
        assertThat(accept.isAlive()).as("blocked in accept").isTrue();
        sockets.closeAll();
        accept.join(10_000);
        assertThat(accept.isAlive()).as("the accept ended when its socket was closed").isFalse();
        assertThat(thrown[0]).isInstanceOf(SocketException.class);
        assertThatThrownBy(() -> server.accept()).isInstanceOf(SocketException.class);
    }
}
