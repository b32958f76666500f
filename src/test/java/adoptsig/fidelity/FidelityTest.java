package adoptsig.fidelity;

import adoptsig.Fixtures;
import adoptsig.InputError;
import adoptsig.catalog.Facts;
import adoptsig.cli.Main;
import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.ProcState;
import adoptsig.kernel.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Java kernel against this machine's Linux kernel: the fixed scenarios, the fact scripts and
 * random scripts agree; kernels broken on purpose disagree, each at the fact it breaks; a step no
 * process can make is bad input, a step the model can predict an error for is run; what cannot
 * be run without a namespace is named and counted; no driver process outlives a run. Where there
 * is no Linux or no C compiler, the test says so in one line and is skipped.
 */
class FidelityTest {
    static final long SEED = 20081216L;
    static Path exe;
    static String unavailable;

    @BeforeAll
    static void build() {
        try {
            exe = Driver.build(Fixtures.root().resolve("target/fidelity"));
        } catch (Unavailable e) {
            unavailable = e.getMessage();
            System.out.println("fidelity not run: " + unavailable);
        }
    }

    static void needLinux() { assumeTrue(unavailable == null, "fidelity not run: " + unavailable); }

    static boolean namespace() { return Fidelity.hello(exe, true).namespace(); }

    static void needNamespace() {
        needLinux();
        assumeTrue(namespace(), "fidelity's namespace checks not run: no PID namespace here (" + Fidelity.hello(exe, true).note() + ")");
    }

    static Facts facts() { return Facts.load(Fixtures.root()); }

    @Test
    void linuxAndTheModelAgreeOnEveryScenarioFactScriptAndRandomScript() {
        needLinux();
        Facts f = facts();
        Fidelity.Report r = Fidelity.run(exe, new Kernel(), f, 150, SEED, 30, true, System.out::println);
        assertThat(r.disagreements()).as(() -> r.disagreements().get(0).told()).isEmpty();
        assertThat(r.randomRun()).as("random scripts run = asked").isEqualTo(150).isEqualTo(r.randomAsked());
        assertThat(r.steps()).isGreaterThan(2000);
        if (r.hello().namespace()) {
            assertThat(r.scenariosRun()).isEqualTo(f.scenarios().size());
            assertThat(r.factScriptsRun()).isEqualTo(f.factScripts().size());
            assertThat(r.operations()).containsExactlyInAnyOrderElementsOf(Op.NAMES);
            // everything asked was run and checked, but where the namespace's pool cannot be the model's (Linux before 6.14)
            assertThat(r.unchecked()).allMatch(u -> u.contains("Linux's pool here is not the model's"));
        }
        System.out.printf("fidelity: Linux %s, %d scenarios, %d fact scripts (%d commands), %d random scripts, %,d operations in %.1f s%n",
                r.hello().kernel(), r.scenariosRun(), r.factScriptsRun(), r.factCommands(), r.randomRun(), r.steps(), r.seconds());
    }

    // ---------------------------------------------------------------- kernels broken on purpose

    /** Orphans go to their grandparent instead of the nearest subreaper or init. */
    static final class GrandparentReaper extends Kernel {
        @Override protected int newReaper(KernelState s, int p) {
            int parent = s.proc(p).parent();
            return parent == INIT ? INIT : s.proc(parent).parent();
        }
    }

    /** No fresh SIGCHLD when a zombie is reparented to init. */
    static final class NoZombieSigchld extends Kernel {
        @Override protected boolean adoptedZombieSignals() { return false; }
    }

    /** Realtime signals dequeued newest first. */
    static final class LifoDequeue extends Kernel {
        @Override protected int dequeueIndex(KernelState s) { return s.rtq().size() - 1; }
    }

    /** A pending SIGCHLD does not count against RLIMIT_SIGPENDING. */
    static final class SigchldOutsideBudget extends Kernel {
        @Override protected boolean fits(KernelState s, int sigchld, int queued) { return queued < s.sigLimit(); }
    }

    /** waitpid(-1) and waitid find init's zombies in PID order instead of its children list's order. */
    static final class PidOrderWaits extends Kernel {
        @Override protected List<Integer> initZombies(KernelState s) {
            List<Integer> z = new ArrayList<>(s.initZombies());
            z.sort(null);
            return z;
        }
    }

    /** A pending SIGCHLD takes the si_pid of the last child that raised it instead of keeping the first. */
    static final class LastSigchld extends Kernel {
        @Override public Result<KernelState> exit(KernelState s, int p) {
            Result<KernelState> r = super.exit(s, p);
            if (!r.ok()) return r;
            KernelState n = r.state();
            int last = NO_PID;
            if (n.proc(p).parent() == INIT) last = p;   // p's own SIGCHLD comes last
            else if (newReaper(s, p) == INIT) {
                for (int c : s.childList(p)) if (s.proc(c).state() == ProcState.ZOMBIE) last = c;   // the adopted zombies', in list order
            }
            if (last == NO_PID || !n.chldPending()) return r;
            return Result.ok(new KernelState(n.maxPid(), n.sigLimit(), n.procs(), n.ttySession(), n.lastPid(), n.everUsed(), n.joined(), last,
                    n.rtq(), n.adoptMode(), n.kept(), n.lastAction()), 0);
        }
    }

    @Test
    void aKernelThatSendsOrphansToTheirGrandparentDisagrees() {
        needLinux();
        assertDisagrees(new GrandparentReaper(), "subreaper-chain", "the parent of", 300);
    }

    @Test
    void aKernelWithoutTheFreshSigchldForAnAdoptedZombieDisagrees() {
        needLinux();
        // random scripts find it too: init's pending SIGCHLD is compared after every step
        assertDisagrees(new NoZombieSigchld(), "zombie-adopted", "SIGCHLD is pending at init on Linux, not pending in the model", 300);
    }

    @Test
    void aKernelThatDequeuesRealtimeSignalsLifoDisagrees() {
        needNamespace();
        assertDisagrees(new LifoDequeue(), "rt-order", "init's signalfd: Linux ok CHLD 3 RT 2 1 RT 3 2 RT 2 3, the model ok CHLD 3 RT 2 3 RT 3 2 RT 2 1", 300);
    }

    @Test
    void aKernelThatDoesNotCountSigchldAgainstTheLimitDisagrees() {
        needNamespace();
        assertDisagrees(new SigchldOutsideBudget(), "budget-sigchld", "sigqueue(init, SIGRTMIN, 7) by 1: Linux err EAGAIN, the model ok", 300);
    }

    @Test
    void aKernelThatReapsZombiesInPidOrderDisagrees() {
        needNamespace();
        assertDisagrees(new PidOrderWaits(), "wait-fork-order", "waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT) by init: Linux ok 21, the model ok 6", 300);
    }

    @Test
    void aKernelWhoseSigchldKeepsTheLastSiPidDisagrees() {
        needLinux();
        assertDisagrees(new LastSigchld(), "sigchld-first", "sigtimedwait({SIGCHLD}, 0) by init: Linux ok CHLD 3 0 1, the model ok CHLD 4 0 1", 300);
    }

    /**
     * The named scenario disagrees as described, and (with random > 0) random scripts alone find the
     * mutant too, the shortest cut down to a script in which every operation matters.
     */
    private static void assertDisagrees(Kernel mutant, String scenario, String what, int random) {
        Fidelity.Report fixed = Fidelity.run(exe, mutant, facts(), 0, SEED, 30, true, s -> {});
        Run.Outcome o = fixed.disagreements().stream().filter(x -> x.story().get(0).startsWith("scenario " + scenario + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("scenario " + scenario + " agrees with the mutant"));
        assertThat(o.disagreement()).contains(what);
        assertThat(o.told()).contains("DISAGREEMENT").contains("Linux:").contains("model:");
        String svg = adoptsig.report.Pictures.script(o.story().get(0), o.states(), o.script().stream().map(Op::toString).toList(), "disagreement");
        assertThat(svg).contains("class=\"breaks\" data-property=\"disagreement\" data-step=\"" + o.script().size() + "\"").contains("class=\"lifeline\"");
        assertThat(fixed.disagreements()).noneMatch(x -> x.story().get(0).startsWith("fact script"));   // the fact scripts do not ask the model
        if (random == 0) return;
        Fidelity.Report r = Fidelity.run(exe, mutant, facts().withoutScripts(), random, SEED, 30, true, 1, s -> {});
        assertThat(r.disagreements()).as("random scripts find the mutant").hasSize(1);
        assertThat(r.randomDisagreeing()).isEqualTo(1);
        Run.Outcome shrunk = r.disagreements().get(0);
        System.out.println(expected("expected disagreement (mutant kernel " + mutant.getClass().getSimpleName() + ", random script cut down)", shrunk.told()));
        assertThat(shrunk.story().get(0)).startsWith("random script");
        // minimal: leaving out any one operation makes the script agree, or makes it one no process can run
        for (int i = 0; i < shrunk.script().size(); i++) {
            List<Op> less = new ArrayList<>(shrunk.script());
            less.remove(i);
            try (Driver d = Driver.start(exe, true)) {
                Run.Outcome without = Run.explicit(d, mutant, Fidelity.RANDOM_MAX_PID, Fidelity.RANDOM_RT_LIMIT, less);
                assertThat(without.agrees()).as("without operation " + (i + 1) + ": " + without.told()).isTrue();
            } catch (InputError e) {
                // not a script any process can run: fine
            }
        }
    }

    // ---------------------------------------------------------------- the tables

    /** The scenarios use every operation; every scenario and fact script checks a fact; every fact is checked or assumed for a reason. */
    @Test
    void theScenariosCoverEveryOperationAndTheFactsNameThem() {
        Facts f = facts();
        Set<String> ops = new TreeSet<>();
        f.scenarios().values().forEach(sc -> sc.script().forEach(t -> ops.add(Op.parse(t, sc.where()).name())));
        assertThat(ops).containsExactlyInAnyOrderElementsOf(Op.NAMES);
        Set<String> named = new TreeSet<>();
        f.facts().forEach(x -> named.addAll(x.scenarios()));
        Set<String> all = new TreeSet<>(f.scenarios().keySet());
        all.addAll(f.factScripts().keySet());
        assertThat(named).as("every scenario and fact script checks some fact").containsExactlyInAnyOrderElementsOf(all);
        assertThat(f.facts()).filteredOn(x -> !x.checked()).allMatch(x -> !x.assumedBecause().isBlank());
        assertThat(f.facts()).extracting(Facts.Fact::id).contains("kernel-rt-drop", "sigchld-si-pid", "wait-order", "wnowait", "read-paths",
                "pdeath-contrast", "sighup-leader", "probe", "clone-children");
        assertThat(f.facts()).filteredOn(x -> x.id().equals("kernel-rt-drop")).allMatch(Facts.Fact::checked);
    }

    /** The facts table of docs/linux.md is the one generated from the data (ReadmeTest checks every section; this one on its own). */
    @Test
    void theFactsTableOfTheLinuxPageIsGeneratedFromTheData() throws java.io.IOException {
        adoptsig.report.Tables.Section s = Fixtures.PROJECT.generatedSections().stream().filter(x -> x.name().equals("facts")).findFirst().orElseThrow();
        assertThat(s.file()).isEqualTo("docs/linux.md");
        String page = java.nio.file.Files.readString(Fixtures.root().resolve(s.file()));
        assertThat(adoptsig.report.Tables.stale(page, s)).isNull();
    }

    // ---------------------------------------------------------------- what is run, refused, left out

    @Test
    void aStepNoProcessCanMakeIsBadInputAndAnErrorTheModelPredictsIsRun() {
        needLinux();
        try (Driver d = Driver.start(exe, true)) {
            assertThatThrownBy(() -> Run.explicit(d, new Kernel(), 5, 3, List.of(Op.of("Exit", 2))))
                    .isInstanceOf(InputError.class).hasMessageContaining("step 1, Exit(2): the caller 2 is not a running process");
        }
        try (Driver d = Driver.start(exe, true)) {
            assertThatThrownBy(() -> Run.explicit(d, new Kernel(), 5, 3, List.of(Op.of("Exit", 1))))
                    .isInstanceOf(InputError.class).hasMessageContaining("init does not exit");
        }
        assertThatThrownBy(() -> Op.parse("Frok(2)", "here")).isInstanceOf(InputError.class).hasMessageContaining("'Frok(2)' is not an operation");
        assertThatThrownBy(() -> Op.parse("Fork", "here")).isInstanceOf(InputError.class).hasMessageContaining("Fork needs a PID");
        assertThatThrownBy(() -> Op.parse("Reap(2)", "here")).isInstanceOf(InputError.class).hasMessageContaining("Reap needs the caller and the child");
        assertThatThrownBy(() -> Op.parse("Peek(1)", "here")).isInstanceOf(InputError.class).hasMessageContaining("Peek takes no PID");
        // every one of these is an error the model predicts: the script runs, and Linux agrees
        List<Op> errors = new ArrayList<>();
        for (String t : "WaitNohang(1) Wait(1) Peek ReadSigchld ReadAdoption ReadSignals Setsid(1) Fork(1) Wait(1) Setsid(2) Reap(2,1) Wait(2) Fork(1) Fork(1) Fork(1) Fork(1) Probe".split(" ")) {
            errors.add(Op.parse(t, "here"));
        }
        boolean ns = namespace();
        if (ns) errors.addAll(List.of(Op.init("WaitPid", 3), Op.init("KillZero", 4), Op.of("Sigqueue", 2), Op.of("Sigqueue", 2), Op.of("Sigqueue", 2), Op.of("Sigqueue", 2)));
        try (Driver d = Driver.start(exe, true)) {
            Run.Outcome o = Run.explicit(d, new Kernel(), 5, 3, errors);
            System.out.println(o.told());
            assertThat(o.agrees()).as(o::told).isTrue();
            assertThat(o.replies()).extracting(Run.Reply::linux).contains("err ECHILD", "err EAGAIN", "err EPERM", "err EINTR");
            if (ns) assertThat(o.unchecked()).isEmpty();
        }
    }

    @Test
    void withoutANamespaceWhatIsNotRunIsNamedAndCounted() throws Exception {
        needLinux();
        Facts f = facts();
        Fidelity.Report r = Fidelity.run(exe, new Kernel(), f, 30, SEED, 30, false, s -> {});
        assertThat(r.disagreements()).as(() -> r.disagreements().get(0).told()).isEmpty();
        assertThat(r.hello().namespace()).isFalse();
        assertThat(r.scenariosSkipped()).extracting(Fidelity.Skipped::name).contains("rt-order", "wait-fork-order", "budget-sigchld").doesNotContain("probe", "waits-blocking");
        assertThat(r.scenariosSkipped()).allMatch(s -> !s.reason().isBlank());
        assertThat(r.scenariosRun() + r.scenariosSkipped().size()).isEqualTo(f.scenarios().size());
        assertThat(r.factScriptsRun()).isZero();
        assertThat(r.factScriptsSkipped()).hasSize(f.factScripts().size());
        assertThat(r.unchecked()).anyMatch(u -> u.contains("pool-exhausted") && u.contains("no PID is free"));
        assertThat(r.randomRun()).isEqualTo(30);
        assertThat(r.complete()).isFalse();
        // the command: exit code 3, and the summary says what was not checked
        var run = Fixtures.cli("fidelity", "--root", Fixtures.root().toString(), "--no-namespace", "--scripts", "5",
                "--out", Fixtures.root().resolve("target/fidelity-test-no-namespace-" + System.nanoTime()).toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(adoptsig.cli.FidelityCommand.INCOMPLETE);
        assertThat(run.out()).contains("NOT RUN: scenario wait-fork-order").contains("NOT RUN: fact script")
                .contains("Without a PID namespace these are not checked").contains("5 of 5 random scripts")
                .doesNotContain("agree on every step.\n");
    }

    @Test
    void noDriverProcessOutlivesARun() throws InterruptedException {
        needLinux();
        Fidelity.run(exe, new Kernel(), facts().withoutScripts(), 20, SEED, 30, true, s -> {});
        Fidelity.run(exe, new Kernel(), facts().withoutScripts(), 20, SEED, 30, false, s -> {});
        Thread.sleep(1500);   // a script process of the subreaper mode notices within 0.5 s that init is gone
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").contains("adoptsig-driver")).toList()).isEmpty();
    }

    /** Without a C compiler the command says so in one line and exits 3 (the run could not be completed here). */
    @Test
    void withoutACompilerTheCommandSaysSoAndExitsThree() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder b = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "fidelity", "--root", Fixtures.root().toString())).redirectErrorStream(true);
        b.environment().put("PATH", "/nonexistent");
        b.environment().remove("CC");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isEqualTo(adoptsig.cli.FidelityCommand.INCOMPLETE);
        assertThat(out.trim()).doesNotContain("Exception").contains("fidelity: not run:")
                .containsAnyOf("no C compiler", "needs Linux");
    }

    /** A fact script whose expected reply is wrong is reported as a disagreement with the fact's id. */
    @Test
    void aFactScriptThatLinuxDoesNotFollowDisagrees() {
        needNamespace();
        Facts.FactScript real = facts().factScripts().get("rt-exit-over-limit");
        List<Facts.FactStep> steps = new ArrayList<>(real.steps());
        int i = 0;
        while (!steps.get(i).command().equals("sigwait RT")) i++;
        Facts.FactStep st = steps.get(i);
        steps.set(i, new Facts.FactStep(st.command(), java.util.regex.Pattern.compile("ok RT 3 0 1"), "as if the exit signal were queued", st.where()));
        try (Driver d = Driver.start(exe, true)) {
            Run.Outcome o = Fidelity.factScript(d, new Facts.FactScript(real.name(), real.fact(), steps, real.where()));
            assertThat(o.agrees()).isFalse();
            assertThat(o.disagreement()).contains("fact script rt-exit-over-limit (fact kernel-rt-drop)").contains("Linux answered err EAGAIN");
        }
    }

    /**
     * A disagreement a test provokes on purpose, told under a line saying it is expected, so that
     * the output of a passing test run does not read as a failure.
     */
    static String expected(String what, String told) {
        return what + ":\n" + told.lines().map(l -> "    " + l).collect(java.util.stream.Collectors.joining("\n"));
    }
}
