package adoptsig.catalog;

/**
 * A supervision mechanism (properties/mechanisms.tsv): a section of spec/Supervisors.tla and
 * a class of supervisor/ by the same name. extraPidsPerService: PIDs added to the idiom's pool
 * per service; sigLimit: the queue limit it forces (0: the idiom's).
 */
public record Mechanism(String id, int number, String name, int extraPidsPerService, int sigLimit, String description) {}
