package adoptsig.tlc;

import adoptsig.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A TLC host dies with the JVM that started it, even when that JVM is killed with SIGKILL in the middle of a run. */
class TlcHostTest {
    @TempDir Path tmp;

    /** A parent that starts a long hosted run (Count: minutes), prints its host's PID once the run is under way, and waits to be killed. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            Path work = Path.of(args[0]);
            Thread run = new Thread(() -> new TlcRunner(TlcRunner.Mode.HOSTED).runModel(TlcRunnerTest.SPEC, work, "SPECIFICATION Spec\n",
                    new TlcRunner.Request(work, "Count", "Count.cfg", 1, Duration.ofMinutes(5)), p -> { }));
            run.setDaemon(true);
            run.start();
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 60_000_000_000L) {
                var host = ProcessHandle.current().children().filter(h -> h.info().commandLine().orElse("").contains(TlcHost.class.getName())).findFirst();
                if (host.isPresent() && run.isAlive()) {
                    Thread.sleep(2000);   // the run under way in it (Count takes minutes)
                    System.out.println(host.get().pid());
                    System.out.flush();
                    break;
                }
                Thread.sleep(50);
            }
            Thread.sleep(60_000);
        }
    }

    @Test
    void aHostWhoseParentIsKilledStops() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Parent.class.getName(),
                tmp.resolve("long").toString())).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine();
            assertThat(line).as("the host's PID, printed by the parent (" + Fixtures.root() + ")").matches("\\d+");
            ProcessHandle host = ProcessHandle.of(Long.parseLong(line)).orElseThrow();
            assertThat(host.isAlive()).as("the host runs TLC").isTrue();
            assertThat(host.info().commandLine().orElse("")).contains(TlcHost.class.getName());
            assertThat(TetheredTest.secondsOutlivedAfterSigkill(parent, host)).as("seconds the host outlived its parent (its run had minutes to go)").isLessThan(15.0);
        } finally {
            parent.destroyForcibly();
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A host whose run left threads of its own running is retired; the JDK's common pool, shared by the whole JVM, does not count. */
    @Test
    void onlyThreadsOfTheRunsOwnRetireAHost() {
        assertThat(TlcHost.leftThreadsOfItsOwn("# threads TLC left running (daemons): [ForkJoinPool.commonPool-worker-1]")).isFalse();
        assertThat(TlcHost.leftThreadsOfItsOwn("# threads TLC left running (daemons): [ForkJoinPool.commonPool-worker-1, TLCWorker-2]")).isTrue();
        assertThat(TlcHost.leftThreadsOfItsOwn("# threads TLC left running (daemons): [Liveness checker]")).isTrue();
        assertThat(TlcHost.leftThreadsOfItsOwn("# in-process TLC (a class loader of its own over x)")).isFalse();
    }
}
