package adoptsig.kernel;

/** One queued adoption signal: si_pid = the adopted process, si_status = its previous parent. Spec: [pid |-> .., prev |-> ..]. */
public record Adoption(int pid, int prev) {}
