package org.carillon.media.time;

/** A scheduled task that can be cancelled; cancelling twice or after it ran is harmless. */
@FunctionalInterface
public interface Cancellable {
    /** Stops the task from running again. Thread-safe. */
    void cancel();
}
