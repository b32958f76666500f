package adoptsig.product;

import adoptsig.system.World;

import java.util.List;

/**
 * A state of the indistinguishability check: the two copies (kernel and daemons; their
 * supervisor fields stay at their initial values), the services init started (the same in
 * both; a bit mask by {@link Setting#index}), and each copy's adoption channel (a FIFO queue,
 * or a set kept sorted).
 * Spec: the variables of Indistinguishability.tla.
 */
public record Pair(World l, World r, int started, List<Msg> lchan, List<Msg> rchan) {
    public Pair {
        lchan = List.copyOf(lchan);
        rchan = List.copyOf(rchan);
    }
}
