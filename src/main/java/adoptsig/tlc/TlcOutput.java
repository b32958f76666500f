package adoptsig.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TLC's {@code -tool} output line by line: messages framed by
 * {@code @!@!@STARTMSG code:class @!@!@} ... {@code @!@!@ENDMSG code @!@!@}. Collects what a
 * verdict needs (violated property, trace, state counts, depth, errors) and passes progress
 * messages to a listener as they arrive.
 */
public final class TlcOutput {
    public static final int MSG_INVARIANT_VIOLATED_INITIAL = 2107;
    public static final int MSG_INVARIANT_VIOLATED = 2110;
    public static final int MSG_ACTION_PROPERTY_VIOLATED = 2112;
    public static final int MSG_TEMPORAL_VIOLATED = 2116;
    public static final int MSG_DEADLOCK = 2114;
    public static final int MSG_TRACE_STATE = 2217;
    public static final int MSG_TRACE_LOOP = 2218;
    public static final int MSG_PROGRESS = 2200;
    public static final int MSG_FINAL_STATS = 2199;
    public static final int MSG_DEPTH = 2194;
    public static final int MSG_SUCCESS = 2193;

    public record Message(int code, int severity, String body) {}

    /** A progress report: BFS depth, distinct states, distinct states per second. */
    public record Progress(int depth, long distinct, long perSecond) {}

    private static final Pattern START = Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@");
    private static final Pattern END = Pattern.compile("@!@!@ENDMSG (\\d+) @!@!@");
    private static final Pattern PROGRESS = Pattern.compile(
            "Progress\\((\\d+)\\).*?([\\d,]+) distinct states found(?: \\(([\\d,]+) ds/min\\))?");
    private static final Pattern STATS = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is (\\d+)");
    private static final Pattern VIOLATED_NAME = Pattern.compile("(?:Invariant|Action property) (\\w+) is violated");
    private static final Pattern STATE_HEADER = Pattern.compile("(?s)^(\\d+): <(.*?)>\\s*\\n?(.*)$");
    private static final Pattern LOOP = Pattern.compile("(\\d+): (Stuttering|Back to state (\\d+))");

    private final Consumer<Progress> progressListener;
    private final List<Message> messages = new ArrayList<>();
    private final StringBuilder outside = new StringBuilder();
    private Integer code;
    private int severity;
    private StringBuilder body;
    private long initialStatesAt = -1;
    /** Indexes into messages of the violation reports, in the order TLC printed them. */
    private final List<Integer> violationAt = new ArrayList<>();

    public TlcOutput(Consumer<Progress> progressListener) { this.progressListener = progressListener; }

    /** Reads one line; true when it completed a message. */
    public boolean accept(String line) {
        Matcher s = START.matcher(line);
        if (s.find()) {
            code = Integer.parseInt(s.group(1));
            severity = Integer.parseInt(s.group(2));
            body = new StringBuilder();
            String rest = line.substring(s.end());
            if (!rest.isBlank()) body.append(rest).append('\n');
            return false;
        }
        Matcher e = END.matcher(line);
        if (e.find() && code != null) {
            String before = line.substring(0, e.start());
            if (!before.isBlank()) body.append(before).append('\n');
            Message m = new Message(code, severity, body.toString().strip());
            messages.add(m);
            if (isViolation(m)) violationAt.add(messages.size() - 1);
            if (m.code() == MSG_PROGRESS) progress(m.body()).ifPresent(progressListener);
            if (m.code() == 2190 && initialStatesAt < 0) initialStatesAt = System.nanoTime();
            code = null;
            return true;
        }
        if (code != null) body.append(line).append('\n');
        else outside.append(line).append('\n');
        return false;
    }

    public List<Message> messages() { return messages; }

    /** System.nanoTime() when TLC reported its initial states (the search starts), -1 if it never did. */
    public long initialStatesAt() { return initialStatesAt; }

    /** Text TLC printed outside any message frame (SANY's parse errors go there). */
    public String outside() { return outside.toString(); }

    static Optional<Progress> progress(String body) {
        Matcher m = PROGRESS.matcher(body);
        if (!m.find()) return Optional.empty();
        long perMin = m.group(3) == null ? 0 : num(m.group(3));
        return Optional.of(new Progress(Integer.parseInt(m.group(1)), num(m.group(2)), perMin / 60));
    }

    private static long num(String s) { return Long.parseLong(s.replace(",", "")); }

    /** TLC's last progress report (depth, distinct states so far), if it printed one. */
    public Optional<Progress> lastProgress() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).code() == MSG_PROGRESS) {
                Optional<Progress> p = progress(messages.get(i).body());
                if (p.isPresent()) return p;
            }
        }
        return Optional.empty();
    }

    public Optional<Message> first(int code) {
        return messages.stream().filter(m -> m.code() == code).findFirst();
    }

    /** Distinct states from the final statistics, -1 if TLC printed none. */
    public long distinct() {
        return first(MSG_FINAL_STATS).map(m -> {
            Matcher x = STATS.matcher(m.body());
            return x.find() ? num(x.group(2)) : -1L;
        }).orElse(-1L);
    }


    private static final Pattern LEFT = Pattern.compile("([\\d,]+) states left on queue");

    /** States left on the queue, from the final statistics (0: the search was over), -1 if TLC printed none. */
    public long statesLeft() {
        return first(MSG_FINAL_STATS).map(m -> {
            Matcher x = LEFT.matcher(m.body());
            return x.find() ? num(x.group(1)) : -1L;
        }).orElse(-1L);
    }

    /** The depth of the complete search (TLC prints it only when the run ends without a violation that stops it), -1 if none. */
    public int depth() {
        return first(MSG_DEPTH).map(m -> {
            Matcher x = DEPTH.matcher(m.body());
            return x.find() ? Integer.parseInt(x.group(1)) : -1;
        }).orElse(-1);
    }

    private static boolean isViolation(Message m) {
        return m.code() == MSG_INVARIANT_VIOLATED || m.code() == MSG_INVARIANT_VIOLATED_INITIAL
                || m.code() == MSG_ACTION_PROPERTY_VIOLATED || m.code() == MSG_TEMPORAL_VIOLATED || m.code() == MSG_DEADLOCK;
    }

    /** The (first) violation TLC reported, if any: kind code and (for safety) the property name. */
    public Optional<Message> violation() {
        return violationAt.isEmpty() ? Optional.empty() : Optional.of(messages.get(violationAt.get(0)));
    }

    /** The n-th violation report (0: the first), in the order TLC printed them; with -continue TLC reports every violating state. */
    public Message violationMessage(int n) { return messages.get(violationAt.get(n)); }

    /** How many violation reports so far. */
    public int violationCount() { return violationAt.size(); }

    /**
     * The n-th violation report has been read to its end: a message that is not part of its
     * trace (the next report, a progress report, the final statistics) came after it, or it is a
     * report of an initial state (its state is in the report itself). The last report of a run
     * that was stopped may not be: what was read of its trace may be only its beginning.
     */
    public boolean reportClosed(int n) {
        if (n + 1 < violationAt.size() || violationMessage(n).code() == MSG_INVARIANT_VIOLATED_INITIAL) return true;
        for (int i = violationAt.get(n) + 1; i < messages.size(); i++) {
            int c = messages.get(i).code();
            if (c != MSG_TRACE_STATE && c != 2121 && c != 2264) return true;
        }
        return false;
    }

    /** The operator named by the n-th violation report (null for a temporal property or a deadlock). */
    public String violatedOperator(int n) { return violatedName(messages.get(violationAt.get(n))).orElse(null); }

    /**
     * The counterexample of the n-th violation report: the trace states printed after it; for an
     * invariant violated by an initial state (printed in the report itself), that one state.
     */
    public Optional<Trace> trace(int n) {
        Message m = violationMessage(n);
        if (m.code() == MSG_INVARIANT_VIOLATED_INITIAL) {
            String body = m.body();
            int nl = body.indexOf('\n');
            if (nl < 0) return Optional.empty();
            String state = "1: <Initial predicate>\n" + body.substring(nl + 1).strip();
            return Optional.of(new Trace(List.of(parseState(state)), 0, false, state + "\n\n"));
        }
        int from = violationAt.get(n) + 1, to = n + 1 < violationAt.size() ? violationAt.get(n + 1) : messages.size();
        return trace(messages.subList(from, to));
    }

    public static Optional<String> violatedName(Message m) {
        Matcher x = VIOLATED_NAME.matcher(m.body());
        return x.find() ? Optional.of(x.group(1)) : Optional.empty();
    }

    /** Error messages (class 1) other than violations and the trace framing. */
    public List<Message> errors() {
        return messages.stream().filter(m -> m.severity() == 1 && m.code() != MSG_TRACE_STATE && m.code() != 2121
                && m.code() != 2264 && !isViolation(m)).toList();
    }

    /** The counterexample of the first violation, if TLC printed one. */
    public Optional<Trace> trace() {
        return violationAt.isEmpty() ? trace(messages) : trace(0);
    }

    private static Optional<Trace> trace(List<Message> messages) {
        List<TraceState> states = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        int loopsTo = 0;
        boolean stutters = false;
        for (Message m : messages) {
            if (m.code() == MSG_TRACE_STATE) {
                raw.append(m.body()).append("\n\n");
                states.add(parseState(m.body()));
            } else if (m.code() == MSG_TRACE_LOOP) {
                raw.append(m.body()).append('\n');
                Matcher x = LOOP.matcher(m.body());
                if (x.find()) {
                    if (x.group(3) != null) loopsTo = Integer.parseInt(x.group(3));
                    else stutters = true;
                }
            }
        }
        if (states.isEmpty()) return Optional.empty();
        return Optional.of(new Trace(states, loopsTo, stutters, raw.toString()));
    }

    /** Reads a trace saved by `check` (trace-*.txt): state blocks separated by blank lines, then the loop line if any. */
    public static Trace parseSavedTrace(String raw) {
        List<TraceState> states = new ArrayList<>();
        int loopsTo = 0;
        boolean stutters = false;
        for (String block : raw.split("\\n\\s*\\n")) {
            String b = block.strip();
            if (b.isEmpty()) continue;
            Matcher x = LOOP.matcher(b);
            if (x.matches()) {
                if (x.group(3) != null) loopsTo = Integer.parseInt(x.group(3));
                else stutters = true;
            } else {
                states.add(parseState(b));
            }
        }
        return new Trace(states, loopsTo, stutters, raw);
    }

    /** The "/\\ var = value" conjuncts TLC prints for a state (values may span lines). */
    static Map<String, TlaValue> parseVars(String printed) {
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        for (String part : ("\n" + printed.strip()).split("\\n/\\\\ ")) {
            if (part.isBlank()) continue;
            String p = part.strip();
            if (p.startsWith("/\\ ")) p = p.substring(3);
            int eq = p.indexOf(" = ");
            if (eq < 0) throw new IllegalArgumentException("unreadable conjunct in a printed state: " + p);
            vars.put(p.substring(0, eq).strip(), TlaValueParser.parse(p.substring(eq + 3)));
        }
        return vars;
    }

    static TraceState parseState(String body) {
        Matcher h = STATE_HEADER.matcher(body.strip());
        if (!h.matches()) throw new IllegalArgumentException("unreadable trace state: " + body);
        int index = Integer.parseInt(h.group(1));
        String label = h.group(2);
        Map<String, TlaValue> vars = parseVars(h.group(3));
        return new TraceState(index, label, vars);
    }
}
