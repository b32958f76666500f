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

/**
 * Checks several models, {@code parallel} at a time, and returns their outcomes in the given
 * order. They are started largest first (by recorded state count; unrecorded ones last, in the
 * given order): a large model started last would leave the other cores idle while it runs alone.
 */
public final class Checks {
    private Checks() {}

    public static List<ModelOutcome> run(ModelCheck checker, List<Job> jobs, int parallel, Path results) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Job> start = new ArrayList<>(jobs);
        start.sort(Comparator.comparingLong((Job j) -> -Math.max(j.distinct(), 0)));   // stable: equal counts keep their order
        Map<Job, Future<ModelOutcome>> futures = new java.util.IdentityHashMap<>();
        for (Job j : start) futures.put(j, pool.submit(() -> checker.check(j, results)));
        pool.shutdown();
        List<ModelOutcome> out = new ArrayList<>();
        RuntimeException first = null;
        int failed = 0;
        for (Job j : jobs) {
            try {
                out.add(futures.get(j).get());
            } catch (ExecutionException e) {
                // one model that TLC could not check leaves its properties undecided, with the cause; the others keep theirs
                Throwable c = e.getCause();
                failed++;
                if (first == null && c instanceof RuntimeException r) first = r;
                String why = c.getMessage() != null ? c.getMessage() : c.toString();
                List<Verdict> verdicts = new ArrayList<>();
                for (String p : j.properties()) {
                    verdicts.add(new Verdict(j.name(), p, j.expected().get(p), null, -1, -1, 0, 0, null, null, why, false));
                }
                out.add(new ModelOutcome(j, verdicts, -1, -1, 0, 0, 0));
            }
        }
        // when no model could be checked (a spec that does not parse, a property it lacks) the cause is the answer
        if (failed == jobs.size() && first != null) throw first;
        return out;
    }
}
