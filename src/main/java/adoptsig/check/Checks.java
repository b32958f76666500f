package adoptsig.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Checks several models, {@code parallel} at a time (each TLC run is a process of its own), in the given order. */
public final class Checks {
    private Checks() {}

    public static List<ModelOutcome> run(ModelCheck checker, List<Job> jobs, int parallel, Path results) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<ModelOutcome>> futures = new ArrayList<>();
        for (Job j : jobs) futures.add(pool.submit(() -> checker.check(j, results)));
        pool.shutdown();
        List<ModelOutcome> out = new ArrayList<>();
        try {
            for (Future<ModelOutcome> f : futures) out.add(f.get());
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }
}
