package adoptsig.system;

import adoptsig.InputError;

import java.util.List;

/**
 * A finite model's constants (spec: MaxPid, Services, SigLimit, Idiom, DanceSync, Workers,
 * Supervisor, Outside), the same values TLC reads from the model's cfg, so that the Java side
 * and TLC check the same finite model. Out-of-range values are bad input, not bugs.
 *
 * @param program    spec: Idiom (the daemon program: noFork, dance, apue, reexec, free)
 * @param supervisor spec: Supervisor (a mechanism id of properties/mechanisms.tsv)
 * @param outside    spec: Outside (processes outside the model move alloc_pid's cursor)
 * @param strangers  spec: Strangers (open world: daemons init did not start)
 * @param without    spec: Without ("none", or the rule of rfcWitness a model leaves out)
 */
public record Bounds(int maxPid, List<String> services, int sigLimit, String program, boolean danceSync, boolean workers,
                     String supervisor, boolean outside, List<String> strangers, String without) {
    /** Spec: the values of the constant Without. */
    public static final List<String> RULES = List.of("none", "W1", "W2", "W3", "W4", "W5", "W6");

    /** Spec: Programs (spec/Daemons.tla), the values of the constant Idiom. */
    public static final List<String> PROGRAMS = List.of("noFork", "dance", "apue", "reexec", "free");
    /** The largest PID pool: PID sets are 64-bit masks. */
    public static final int MAX_PIDS = 62;

    public Bounds {
        services = List.copyOf(services);
        strangers = List.copyOf(strangers);
        for (String x : strangers) {
            if (!x.matches("[a-z][a-z0-9]*")) throw new InputError("a stranger's name must be lower-case letters and digits, not '" + x + "'");
            if (services.contains(x)) throw new InputError("'" + x + "' is both a service and a stranger");
        }
        if (!RULES.contains(without)) throw new InputError("Without must be one of " + RULES + ", not '" + without + "'");
        if (maxPid < 2 || maxPid > MAX_PIDS) throw new InputError("MaxPid must be 2.." + MAX_PIDS + ", not " + maxPid);
        if (sigLimit < 0) throw new InputError("SigLimit must not be negative, not " + sigLimit);
        if (services.isEmpty()) throw new InputError("Services must name at least one service");
        for (String s : services) {
            if (!s.matches("[a-z][a-z0-9]*")) throw new InputError("a service name must be lower-case letters and digits, not '" + s + "'");
        }
        if (services.stream().distinct().count() != services.size()) throw new InputError("Services names a service twice: " + services);
        if (!PROGRAMS.contains(program)) throw new InputError("Idiom must be one of " + PROGRAMS + ", not '" + program + "'");
        if (supervisor == null || !supervisor.matches("[a-z][A-Za-z0-9]*")) throw new InputError("Supervisor must be a mechanism id, not '" + supervisor + "'");
    }

    /** Bounds of a closed world without outside activity. */
    public Bounds(int maxPid, List<String> services, int sigLimit, String program, boolean danceSync, boolean workers, String supervisor) {
        this(maxPid, services, sigLimit, program, danceSync, workers, supervisor, false, List.of(), "none");
    }

    /** The same bounds under another mechanism. */
    public Bounds withSupervisor(String mechanism) {
        return new Bounds(maxPid, services, sigLimit, program, danceSync, workers, mechanism, outside, strangers, without);
    }

    /** The mechanism's specification in spec/Supervisors.tla: rfcWitness -> RfcWitnessSpec. */
    public String specName() { return Character.toUpperCase(supervisor.charAt(0)) + supervisor.substring(1) + "Spec"; }

    /** The same bounds with processes outside the model moving the PID cursor (spec: Outside = TRUE), or without. */
    public Bounds withOutside(boolean o) {
        return new Bounds(maxPid, services, sigLimit, program, danceSync, workers, supervisor, o, strangers, without);
    }

    /** The same bounds with n more PIDs. */
    public Bounds withExtraPids(int n) {
        return new Bounds(maxPid + n, services, sigLimit, program, danceSync, workers, supervisor, outside, strangers, without);
    }

    /** The cfg lines TLC reads: the constants and the mechanism's specification. */
    public String cfgText() {
        StringBuilder s = new StringBuilder("CONSTANTS\n");
        s.append("    MaxPid = ").append(maxPid).append('\n');
        s.append("    Services = {").append(String.join(", ", services.stream().map(x -> '"' + x + '"').toList())).append("}\n");
        s.append("    SigLimit = ").append(sigLimit).append('\n');
        s.append("    Idiom = \"").append(program).append("\"\n");
        s.append("    DanceSync = ").append(danceSync ? "TRUE" : "FALSE").append('\n');
        s.append("    Workers = ").append(workers ? "TRUE" : "FALSE").append('\n');
        s.append("    Supervisor = \"").append(supervisor).append("\"\n");
        s.append("    Outside = ").append(outside ? "TRUE" : "FALSE").append('\n');
        s.append("    Strangers = {").append(String.join(", ", strangers.stream().map(x -> '"' + x + '"').toList())).append("}\n");
        s.append("    Without = \"").append(without).append("\"\n");
        s.append("SPECIFICATION ").append(specName()).append('\n');
        return s.toString();
    }
}
