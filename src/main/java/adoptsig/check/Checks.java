package adoptsig.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Checks several models, {@code parallel} at a time, and returns their outcomes in the given
 * order. They are started largest first (by recorded state count; unrecorded ones last, in the
 * given order): a large model started last would leave the other cores idle while it runs alone.
 * Each outcome is handed to a listener as soon as its model is done (so that a run stopped
 * halfway has written what it finished).
 */
public final class Checks {
    private Checks() {}

    public static List<ModelOutcome> run(ModelCheck checker, List<Job> jobs, int parallel, Path results) throws InterruptedException {
        return run(checker, jobs, parallel, results, o -> { });
    }

    /** As above; {@code finished} gets each outcome when its model is done, one at a time, in the order they finish. */
    public static List<ModelOutcome> run(ModelCheck checker, List<Job> jobs, int parallel, Path results, Consumer<ModelOutcome> finished)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Job> start = new ArrayList<>(jobs);
        start.sort(Comparator.comparingLong((Job j) -> -Math.max(j.distinct(), 0)));   // stable: equal counts keep their order
        Map<Job, Future<ModelOutcome>> futures = new java.util.IdentityHashMap<>();
        Object lock = new Object();
        for (Job j : start) futures.put(j, pool.submit(() -> {
            ModelOutcome o;
            try {
                o = checker.check(j, results);
            } catch (RuntimeException | Error e) {
                o = failed(j, e);
            }
            synchronized (lock) {
                finished.accept(o);
            }
            return o;
        }));
        pool.shutdown();
        List<ModelOutcome> out = new ArrayList<>();
        RuntimeException first = null;
        int failed = 0;
        for (Job j : jobs) {
            ModelOutcome o;
            try {
                o = futures.get(j).get();
            } catch (ExecutionException e) {
                o = failed(j, e.getCause());   // the listener threw: the model was checked, but its results may not be saved
            }
            out.add(o);
            if (o.failure() != null) {
                failed++;
                if (first == null && o.failure() instanceof RuntimeException r) first = r;
            }
        }
        // when no model could be checked (a spec that does not parse, a property it lacks) the cause is the answer
        if (failed == jobs.size() && first != null) throw first;
        return out;
    }

    /** One model that could not be checked leaves its properties undecided, with the cause; the others keep theirs. */
    private static ModelOutcome failed(Job j, Throwable cause) {
        String why = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        if (cause instanceof OutOfMemoryError) why = "out of memory";
        List<Verdict> verdicts = new ArrayList<>();
        for (String p : j.properties()) {
            verdicts.add(new Verdict(j.name(), p, j.expected().get(p), null, -1, -1, 0, 0, null, null, why, false));
        }
        return new ModelOutcome(j, verdicts, -1, -1, 0, 0, 0, cause);
    }
}
