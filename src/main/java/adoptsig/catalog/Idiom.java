package adoptsig.catalog;

/**
 * A daemon idiom (properties/idioms.tsv): a program of spec/Daemons.tla at its bounds.
 * grid: the idiom is a column of the grid (docs/grid.md).
 */
public record Idiom(String id, int number, String name, boolean grid, String program, boolean sync, boolean workers,
                    int services, int maxPid, int sigLimit, String description) {}
