package adoptsig.engine;

import adoptsig.kernel.Kernel;
import adoptsig.kernel.KernelState;
import adoptsig.kernel.Proc;
import adoptsig.kernel.ProcState;
import adoptsig.kernel.Step;
import adoptsig.system.World;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The catalogue's action and temporal properties on Java worlds, under the catalogue's ids:
 * action properties as predicates on one step (before, after), temporal properties by the
 * state predicate that a counterexample's cycle keeps true forever. Used to confirm on the
 * Java side every violation TLC reports (the replay of counterexamples).
 */
public final class JavaProperties {
    private JavaProperties() {}

    /** Action properties: true when the step (before, after) respects the property. */
    public static final Map<String, BiPredicate<World, World>> ACTIONS = new LinkedHashMap<>();
    /** Temporal properties: the "bad" predicate that holds forever on a violating lasso's cycle. */
    public static final Map<String, Predicate<World>> TEMPORAL_BAD = new LinkedHashMap<>();

    static {
        ACTIONS.put("ReapOnceProp", JavaProperties::reapOnce);
        ACTIONS.put("DancedNeverAcquiresTtyProp", (b, a) -> {
            Step s = a.kernel().lastAction();
            return !(s.name().equals("OpenTty") && b.kernel().proc(s.actor()).danced())
                    || a.kernel().ttySession() == b.kernel().ttySession();
        });
        ACTIONS.put("DebugPidReuseProp", (b, a) -> !a.kernel().lastAction().reused());
        ACTIONS.put("DebugQueueOverflowProp", (b, a) -> a.kernel().lastAction().dropped() == 0);
        ACTIONS.put("DebugZombieAdoptedProp", (b, a) -> !a.kernel().lastAction().zadopt());
        // [](status[s] # "never" /\ ~Lives(s) => <>(status[s] = "stopped")): a service gone but never reported stopped
        TEMPORAL_BAD.put("StoppedDetectedProp", w -> w.status().keySet().stream().anyMatch(s ->
                !w.status().get(s).equals("never") && !w.lives(s) && !w.status().get(s).equals("stopped")));
        // (zombie child of init) ~> free: a zombie child of init that stays one
        TEMPORAL_BAD.put("ZombiesReapedProp", w -> w.kernel().procs().stream().anyMatch(p ->
                p.state() == ProcState.ZOMBIE && p.parent() == Kernel.INIT));
        // []<>Drained: init never again has every notification
        TEMPORAL_BAD.put("NotificationsReadProp", w -> !JavaInvariants.drained(w));
    }

    static boolean reapOnce(World b, World a) {
        KernelState kb = b.kernel(), ka = a.kernel();
        Step s = ka.lastAction();
        boolean reapStep = s.name().equals("Reap") || s.name().equals("WaitAny") || s.name().equals("WaitPid");
        for (Proc c : kb.procs()) {
            if (c.state() == ProcState.ZOMBIE && ka.proc(c.pid()).state() == ProcState.FREE
                    && !(reapStep && s.target() == c.pid() && s.actor() == c.parent())) return false;
        }
        return !reapStep || kb.proc(s.target()).state() == ProcState.ZOMBIE;
    }
}
